"""Furniture inside a line: a metadata field or breadcrumb glued before the text, a photo credit after a caption.

Whole lines are decided by :mod:`pipeline.boilerplate.decide`; these findings cut part of a line
(``remove="span"``) and point at the glue between furniture and text (``glued_words`` flags).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.boilerplate import patterns as bp
from pipeline.boilerplate import stamps
from pipeline.text.lexical import is_known, words
from pipeline.text.segment import Span

DETECTOR = "boilerplate"


@dataclass(frozen=True)
class Verdict:
    """One finding about page furniture, in offsets of the text that was examined.

    ``remove`` is ``None`` (flag only), ``"span"`` (delete exactly ``start:end``) or ``"lines"``
    (delete lines ``paragraph`` to ``last`` with their line breaks). ``suggest_only`` makes the
    removal a suggestion for the reviewer instead of an applied edit: the uncertain cases.
    ``kind`` names the furniture (see :data:`pipeline.boilerplate.decide.KINDS`).
    """

    category: str
    start: int
    end: int
    message: str
    detector: str
    confidence: float
    remove: str | None = None
    suggestion: str | None = None
    paragraph: int = -1
    suggest_only: bool = False
    kind: str = ""
    last: int = -1


def line_prefix(text: str, para: Span, index: int) -> list[Verdict]:
    """A breadcrumb (first lines only) or a metadata field glued before the words of a line."""
    found: list[Verdict] = []
    if index < 3:
        found.extend(_glued_breadcrumb(para, index))
    cut = found[0].end if found else para.start
    prefix = _metadata_prefix(text, para, index, cut)
    if prefix is not None:
        found.append(prefix)
    return found


def _metadata_prefix(text: str, para: Span, index: int, cut: int) -> Verdict | None:
    """A labelled or ISO date (or a URL field) glued before the first words of a line."""
    line_start = text.rfind("\n", 0, para.start) + 1 if cut == para.start else cut
    match = stamps.METADATA_PREFIX.match(text, line_start, para.end)
    if not match or len(words(text[match.end() : para.end])) < 3:
        return None
    return Verdict(
        "metadata",
        line_start,
        match.end(),
        "scraped date metadata glued before the text",
        f"{DETECTOR}.metadata_prefix",
        0.95,
        "span",
        "",
        index,
        kind="metadata",
    )


def _glued_breadcrumb(para: Span, index: int) -> list[Verdict]:
    """Navigation labels glued to the headline ("HomeWorldAsia ..."): the labels are cut, the glue flagged."""
    rooted = bool(bp.GLUED_HOME.match(para.text))
    if not rooted and not re.match(r"[A-Z][a-z]+[A-Z]", para.text):
        return []
    junctions = [m.start() for m in re.finditer(r"(?<=[a-z])(?=[A-Z])", para.text[:80])]
    end = items = 0
    for junction in junctions:
        item = para.text[end:junction]
        if (end or not rooted) and not re.fullmatch(r"[A-Z][a-z&]+(?: [A-Z&][a-z]*){0,3}", item):
            break
        end, items = junction, items + 1
    if end == 0:
        return []
    first_token = _group(re.match(r"[A-Za-z]+", para.text))
    if (items < 2 or not rooted) and is_known(first_token, 1.5):
        return []  # a case change inside a known word ("HomePod", "YouTube") is a name, not navigation
    if not rooted and items < 2:
        return []  # without a "Home" root, only a run of several glued section labels is navigation
    word_start = max([para.text.rfind(" ", 0, end) + 1] + [j for j in junctions if j < end])
    following = _group(re.match(r"\S*", para.text[end:])).rstrip(",;:")
    glued = para.text[word_start:end] + following
    return [
        Verdict(
            "boilerplate",
            para.start,
            para.start + end,
            "breadcrumb navigation glued to the headline",
            f"{DETECTOR}.breadcrumb",
            0.9,
            "span",
            "",
            index,
            kind="navigation",
        ),
        Verdict(
            "glued_words",
            para.start + word_start,
            para.start + word_start + len(glued),
            "navigation label glued to the headline",
            "glued.breadcrumb",
            0.9,
            None,
            para.text[word_start:end] + " " + following,
            index,
        ),
    ]


# A credit is a few names and an agency: only this many characters at the end of a line are searched.
# The credit patterns are anchored at the end of the line, so a search tries every start position
# and each try can run to the end: on a 15,000-character line of base64 they took 18 CPU s.
CREDIT_TAIL = 400


def credit_start(line: str) -> int | None:
    """Where a photo credit at the end of ``line`` starts (0: the line is only a credit), or None."""
    offset = max(0, len(line) - CREDIT_TAIL)
    start = _credit_start(line[offset:])
    if start is None:
        return None
    start += offset
    return 0 if not line[:start].strip() else start


def _credit_start(line: str) -> int | None:
    match = bp.CREDIT_AT_END.search(line) or bp.VIA_AGENCY_AT_END.search(line)
    if match:
        credit = match.group("credit")
        if not {w.lower().strip("()") for w in re.split(r"[\s/]+", credit)} & bp.PHOTO_AGENCY_WORDS:
            match = None
    match = match or bp.LABELLED_CREDIT_AT_END.search(line)
    return match.start("credit") if match else None


def credit_at_end(para: Span, index: int) -> list[Verdict]:
    """A photo credit after a caption: removed; the caption before it only flagged, its glue flagged.

    A line that is only a credit is decided as a whole line (see :mod:`pipeline.boilerplate.features`).
    """
    line, offset = para.text, para.start
    start = credit_start(line)
    if not start:
        return []
    cut = len(line[:start].rstrip())
    verdicts = [
        Verdict(
            "boilerplate",
            offset + cut,
            offset + len(line),
            "photo credit inside the body",
            f"{DETECTOR}.credit",
            0.9,
            "span",
            "",
            index,
            kind="metadata",
        ),
        Verdict(
            "boilerplate",
            offset,
            offset + cut,
            "photo caption inside the body (it precedes a photo credit)",
            f"{DETECTOR}.caption",
            0.6,
            "span",
            "",
            index,
            suggest_only=True,
            kind="metadata",
        ),
    ]
    if cut == start and cut > 0 and line[cut - 1] in ".!?,;:":
        left_word = re.search(r"\S+$", line[:cut])
        left = left_word.start() if left_word else cut
        right = start + len(_group(re.match(r"\S+", line[start:])))
        verdicts.append(
            Verdict(
                "glued_words",
                offset + left,
                offset + right,
                "caption glued to its photo credit",
                "glued.credit",
                0.85,
                None,
                line[left:cut] + " " + line[start:right],
                index,
            )
        )
    return verdicts


def _group(match: re.Match[str] | None) -> str:
    """The matched text, or "" when nothing matched."""
    return match.group() if match else ""
