"""Find scraped page furniture in one document: navigation, widgets, credits, teasers, stray headlines.

The detector works per document (documents are cached and sharded independently), so it relies on
per-document signals: the shape of a line (short, no final punctuation, title case), interface
vocabulary, photo-agency credit patterns, and repetition *within* the document (a truncated copy of
the headline). A line is removed only when it is clearly furniture; lines that merely look like a
headline inside the body are flagged for the editor and kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.boilerplate import patterns as bp
from pipeline.text.lexical import CLOSED_CLASS, is_known, words
from pipeline.text.segment import Span, paragraphs
from pipeline.text.shape import capitalised_share, ends_like_sentence, is_headline_like

DETECTOR = "boilerplate"


@dataclass(frozen=True)
class Verdict:
    """One finding about page furniture, in offsets of the text that was examined.

    ``remove`` is ``None`` (flag only), ``"span"`` (delete exactly ``start:end``) or ``"line"``
    (delete the paragraph from ``start`` to its end together with its line break). ``suggest_only``
    makes the removal a suggestion for the reviewer instead of an applied edit: the uncertain cases.
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


def find_boilerplate(text: str) -> list[Verdict]:
    """All boilerplate, metadata and breadcrumb-glue verdicts for ``text``."""
    paras = paragraphs(text)
    verdicts: list[Verdict] = []
    removed_lines: set[int] = set()
    credits: set[int] = set()  # the story's own credit lines: neither furniture nor stray headlines
    normalised = [_normalise(p.text) for p in paras]
    first_index: dict[str, int] = {}
    for position, line in enumerate(normalised):
        first_index.setdefault(line, position)
    for index in range(len(paras)):
        found = _classify(text, paras, normalised, first_index, index)
        verdicts.extend(v for v in found if v.category != "none")
        if any(v.category == "none" for v in found):
            credits.add(index)
        if any(v.remove == "line" and not v.suggest_only for v in found):
            removed_lines.add(index)
    verdicts.extend(_stray_headlines(paras, removed_lines, verdicts, credits))
    return sorted(verdicts, key=lambda v: (v.start, v.end))


def _classify(
    text: str, paras: list[Span], normalised: list[str], first_index: dict[str, int], index: int
) -> list[Verdict]:
    para = paras[index]
    found: list[Verdict] = []
    body = para.text
    offset = para.start
    if index < 3:
        crumbs = _breadcrumb(para, index)
        if crumbs is not None:
            if crumbs[0].remove == "line":
                return crumbs
            found.extend(crumbs)
            cut = crumbs[0].end - para.start
            body, offset = body[cut:], para.start + cut
    prefix = _metadata_prefix(text, para, index)
    if prefix is not None:
        found.append(prefix)
        return found
    whole = _whole_line(body, offset, index, len(paras))
    if whole is not None:
        return found + [whole]
    duplicate = _duplicate(body, offset, index, normalised, first_index)
    if duplicate is not None:
        return found + [duplicate]
    found.extend(_credit(body, offset, index))
    return found


def _verdict(
    category,
    start,
    end,
    message,
    confidence,
    remove=None,
    suggestion=None,
    paragraph=-1,
    detector=DETECTOR,
    suggest_only=False,
):
    return Verdict(
        category, start, end, message, f"{detector}", confidence, remove, suggestion, paragraph, suggest_only
    )


def _whole_line(line: str, offset: int, index: int, count: int) -> Verdict | None:
    """A verdict on the line as a whole: widget, teaser, footer, interface text, date stamp, byline."""
    end = offset + len(line)
    stripped = line.strip()
    if not any(ch.isalnum() for ch in stripped):
        if set(stripped) <= set("*-_=~#·• "):
            return None  # a section break, part of the article's layout
        return _verdict(
            "boilerplate",
            offset,
            end,
            "stray symbol line left by the page layout",
            0.9,
            "line",
            "",
            index,
            f"{DETECTOR}.symbols",
        )
    if bp.STORY_CREDIT.search(stripped):
        return _verdict("none", offset, end, "", 0.0, paragraph=index)
    if bp.WIDGET_LINE.match(stripped):
        return _verdict(
            "boilerplate",
            offset,
            end,
            "share, follow or link widget text",
            0.95,
            "line",
            "",
            index,
            f"{DETECTOR}.widget",
        )
    if bp.CREDIT_LINE.match(stripped) and not ends_like_sentence(stripped):
        return _verdict("boilerplate", offset, end, "photo credit line", 0.9, "line", "", index, f"{DETECTOR}.credit")
    if bp.TEASER_PREFIX.match(stripped) and len(words(stripped)) <= 30:
        return _verdict(
            "boilerplate",
            offset,
            end,
            "'read more' teaser for another article",
            0.9,
            "line",
            "",
            index,
            f"{DETECTOR}.teaser",
        )
    if bp.COPYRIGHT.search(stripped) and len(words(stripped)) <= 30:
        return _verdict("boilerplate", offset, end, "copyright footer", 0.9, "line", "", index, f"{DETECTOR}.copyright")
    if bp.METADATA_LINE.match(stripped):
        return _verdict(
            "metadata",
            offset,
            end,
            "date or reading-time stamp from the page",
            0.9,
            "line",
            "",
            index,
            f"{DETECTOR}.metadata_line",
        )
    if _is_interface_text(stripped) or (bp.INTERFACE_PHRASE.search(stripped) and _is_notice(stripped)):
        return _verdict(
            "boilerplate", offset, end, "page-interface text", 0.85, "line", "", index, f"{DETECTOR}.interface"
        )
    if index < 4 and bp.BYLINE.match(stripped):
        return _verdict(
            "metadata",
            offset,
            end,
            "byline on a line of its own",
            0.6,
            "line",
            "",
            index,
            f"{DETECTOR}.byline",
            suggest_only=True,
        )
    if bp.SOURCE_TRAILER.match(stripped) and not ends_like_sentence(stripped):
        return _verdict(
            "boilerplate",
            offset,
            end,
            "source trailer: attribution, not body text",
            0.6,
            "line",
            "",
            index,
            f"{DETECTOR}.source",
            suggest_only=True,
        )
    return None


def _is_interface_text(line: str) -> bool:
    """Short unpunctuated lines made of interface vocabulary ("Change location while loading ...")."""
    if ends_like_sentence(line):
        return False
    tokens = [w.lower().strip(".'’") for w in words(line)]
    if not 1 <= len(tokens) <= 12:
        return False
    content = [t for t in tokens if t not in CLOSED_CLASS and not t.isdigit()]
    if not content:
        return False
    strong = sum(1 for t in content if t in bp.STRONG_INTERFACE_WORDS)
    interface = sum(1 for t in content if t in bp.STRONG_INTERFACE_WORDS or t in bp.WEAK_INTERFACE_WORDS)
    if strong >= 2 and interface / len(content) >= 0.6:
        return True
    if interface == len(content):
        # every word is interface vocabulary: a label ("Close search", "Save article")
        return strong >= 1 or len(tokens) <= 3
    return False


def _is_notice(line: str) -> bool:
    """A page notice is short and is not reported speech (no quotes, no "said")."""
    return len(words(line)) <= 25 and not re.search(r"[“”\"]|\b(?:said|says|told|according)\b", line)


def _metadata_prefix(text: str, para: Span, index: int) -> Verdict | None:
    """A date stamp glued before the first words of a paragraph (" date 2022-04-26 U.S. ...")."""
    line_start = text.rfind("\n", 0, para.start) + 1
    match = bp.METADATA_PREFIX.match(text, line_start, para.end)
    if not match or len(words(text[match.end() : para.end])) < 3:
        return None
    return _verdict(
        "metadata",
        line_start,
        match.end(),
        "scraped date metadata glued before the text",
        0.95,
        "span",
        "",
        index,
        f"{DETECTOR}.metadata_prefix",
    )


def _breadcrumb(para: Span, index: int) -> list[Verdict] | None:
    """Navigation breadcrumbs, on their own line or glued to the headline ("HomeBreaking NewsU.S.")."""
    if bp.BREADCRUMB_LINE.match(para.text):
        return [
            _verdict(
                "boilerplate",
                para.start,
                para.end,
                "breadcrumb navigation",
                0.95,
                "line",
                "",
                index,
                f"{DETECTOR}.breadcrumb",
            )
        ]
    rooted = bool(bp.GLUED_HOME.match(para.text))
    if not rooted and not re.match(r"[A-Z][a-z]+[A-Z]", para.text):
        return None
    junctions = [m.start() for m in re.finditer(r"(?<=[a-z])(?=[A-Z])", para.text[:80])]
    end = items = 0
    for junction in junctions:
        item = para.text[end:junction]
        if (end or not rooted) and not re.fullmatch(r"[A-Z][a-z&]+(?: [A-Z&][a-z]*){0,3}", item):
            break
        end, items = junction, items + 1
    if end == 0:
        return None
    first_token = _group(re.match(r"[A-Za-z]+", para.text))
    if (items < 2 or not rooted) and is_known(first_token, 1.5):
        return None  # a case change inside a known word ("HomePod", "YouTube") is a name, not navigation
    if not rooted and items < 2:
        return None  # without a "Home" root, only a run of several glued section labels is navigation
    verdicts = [
        _verdict(
            "boilerplate",
            para.start,
            para.start + end,
            "breadcrumb navigation glued to the headline",
            0.9,
            "span",
            "",
            index,
            f"{DETECTOR}.breadcrumb",
        )
    ]
    word_start = max([para.text.rfind(" ", 0, end) + 1] + [j for j in junctions if j < end])
    following = _group(re.match(r"\S*", para.text[end:])).rstrip(",;:")
    glued = para.text[word_start:end] + following
    verdicts.append(
        _verdict(
            "glued_words",
            para.start + word_start,
            para.start + word_start + len(glued),
            "navigation label glued to the headline",
            0.9,
            None,
            para.text[word_start:end] + " " + following,
            index,
            "glued.breadcrumb",
        )
    )
    return verdicts


def _normalise(line: str) -> str:
    line = re.sub(r"[‘’`´]", "'", line)
    line = re.sub(r"[“”„]", '"', line)
    return re.sub(r"\s+", " ", line).strip().lower()


def _duplicate(
    line: str, offset: int, index: int, normalised: list[str], first_index: dict[str, int]
) -> Verdict | None:
    """A truncated ("...") or exact copy of another paragraph of the same document."""
    stripped = line.strip()
    if len(words(stripped)) < 3:
        return None
    if stripped.endswith(("...", "…")):
        stem = _normalise(stripped.rstrip(".…").rstrip())
        if any(i != index and other.startswith(stem) and len(other) > len(stem) for i, other in enumerate(normalised)):
            return _verdict(
                "boilerplate",
                offset,
                offset + len(line),
                "truncated copy of a headline in this document",
                0.9,
                "line",
                "",
                index,
                f"{DETECTOR}.duplicate",
            )
    mine = _normalise(stripped)
    if len(words(stripped)) >= 4 and first_index.get(mine, index) < index:
        return _verdict(
            "boilerplate",
            offset,
            offset + len(line),
            "paragraph repeated in this document",
            0.85,
            "line",
            "",
            index,
            f"{DETECTOR}.duplicate",
        )
    return None


def _credit(line: str, offset: int, index: int) -> list[Verdict]:
    """Photo credit at the end of a paragraph, and the caption in front of it."""
    match = bp.CREDIT_AT_END.search(line) or bp.VIA_AGENCY_AT_END.search(line)
    if match:
        credit = match.group("credit")
        if not {w.lower().strip("()") for w in re.split(r"[\s/]+", credit)} & bp.PHOTO_AGENCY_WORDS:
            match = None
    match = match or bp.LABELLED_CREDIT_AT_END.search(line)
    if not match:
        return []
    start = match.start("credit")
    if not line[:start].strip():
        return [
            _verdict(
                "boilerplate",
                offset,
                offset + len(line),
                "photo credit line",
                0.9,
                "line",
                "",
                index,
                f"{DETECTOR}.credit",
            )
        ]
    cut = len(line[:start].rstrip())
    verdicts = [
        _verdict(
            "boilerplate",
            offset + cut,
            offset + len(line),
            "photo credit inside the body",
            0.9,
            "span",
            "",
            index,
            f"{DETECTOR}.credit",
        ),
        _verdict(
            "boilerplate",
            offset,
            offset + cut,
            "photo caption inside the body (it precedes a photo credit)",
            0.6,
            "span",
            "",
            index,
            f"{DETECTOR}.caption",
            suggest_only=True,
        ),
    ]
    if cut == start and cut > 0 and line[cut - 1] in ".!?,;:":
        left_word = re.search(r"\S+$", line[:cut])
        left = left_word.start() if left_word else cut
        right = start + len(_group(re.match(r"\S+", line[start:])))
        verdicts.append(
            _verdict(
                "glued_words",
                offset + left,
                offset + right,
                "caption glued to its photo credit",
                0.85,
                None,
                line[left:cut] + " " + line[start:right],
                index,
                "glued.credit",
            )
        )
    return verdicts


def _is_question_headline(line: str) -> bool:
    """A title-case line ending in "?" or "!" ("What Does Russia Want From Ukraine?")."""
    return (
        line.rstrip().endswith(("?", "!"))
        and 4 <= len(words(line)) <= 15
        and not re.search(r"[“”\"]", line)
        and capitalised_share(line) >= 0.6
    )


def _stray_headlines(paras: list[Span], removed: set[int], verdicts: list[Verdict], credits: set[int]) -> list[Verdict]:
    """Headline-like lines inside the body: related-article headlines or scraped sub-headings.

    The first paragraph that survives is the article's own headline and is left alone.
    """
    decided = {v.paragraph for v in verdicts if v.category != "glued_words"} | credits
    kept = [i for i in range(len(paras)) if i not in removed]
    candidates = [
        i
        for i in kept[1:]
        if i not in decided and (is_headline_like(paras[i].text, min_words=4) or _is_question_headline(paras[i].text))
    ]
    if len(candidates) >= 3 and len(candidates) > len(kept) / 3:
        return []  # unpunctuated lines are this document's style (a list, a transcript), not strays
    found = []
    for index in candidates:
        para = paras[index]
        found.append(
            _verdict(
                "boilerplate",
                para.start,
                para.end,
                "headline-like line inside the body (related-article headline or sub-heading?)",
                0.55,
                "line",
                "",
                index,
                f"{DETECTOR}.headline",
                suggest_only=True,
            )
        )
    return found


def _group(match: re.Match[str] | None) -> str:
    """The matched text, or "" when nothing matched."""
    return match.group() if match else ""
