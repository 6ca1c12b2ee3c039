"""Decisions per line of a scraped page: keep, remove (clear furniture) or flag (kept, marked).

Inside the article body, only unmistakable furniture is removed (widgets, notices, copyright, date
stamps, a "Related" header with the teaser headlines under it); embeds, captions and credits are
``metadata`` (kept unless ``keep_embeds`` is off); anything else furniture-like is flagged and kept:
a paragraph in the middle of the article that reads as article text is never removed. Outside the
body, lines are removed with the kind of the section they sit in, except prose right next to the
body and a side of the page with too little furniture to be sure (both flagged). Headline-like
lines inside the body (a related article's headline, a scraped sub-heading) are flagged.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import asdict, dataclass, fields
from typing import Literal

from pipeline.boilerplate.body import find_body, teaser_blocks, weigh
from pipeline.boilerplate.features import RUN_REPEAT_REASON, Line, analyse
from pipeline.text.shape import capitalised_share, is_headline_like

Action = Literal["keep", "remove", "flag"]

#: Kinds of furniture a decision names (``article``: text to keep).
KINDS = (
    "article",
    "navigation",
    "related",
    "comments",
    "footer",
    "cookie",
    "header",
    "interface",
    "metadata",
    "headline",
    "repeated",
)


@dataclass(frozen=True)
class Decision:
    """What to do with one line: ``keep``, ``remove`` or ``flag`` (kept and marked for review).

    ``kind``: one of :data:`KINDS`. ``category``: the report category (``boilerplate`` or
    ``metadata``). ``confidence``: in [0, 1], ordinal, not calibrated. ``reason``: the signals that
    decided, for the change report.
    """

    action: Action
    kind: str
    confidence: float
    reason: str
    category: str = "boilerplate"


KEEP = Decision("keep", "article", 1.0, "")
# Kinds a line keeps outside the body whatever section it sits in (widgets and labels take the
# section's kind, so a teaser list with its buttons is one block).
_OWN_KINDS = frozenset({"cookie", "header", "metadata", "comments"})


@dataclass(frozen=True)
class Params:
    """The tuned numbers (few on purpose).

    ``min_words`` / ``min_stop``: a line is prose with at least this many words and this stop-word
    density (jusText's thresholds on HTML paragraphs are 0.30 and 0.32). ``penalty``: what each
    non-prose line costs, in words, when the core is chosen. ``near``: prose outside the body but at
    most this many lines from it is flagged, not removed. ``min_evidence``: a side of the page needs at
    least this many furniture lines (by wording) before its lines are removed.
    """

    min_words: int = 10
    min_stop: float = 0.30
    penalty: float = 4.0
    near: int = 2
    min_evidence: int = 2

    @classmethod
    def of(cls, values: Params | Mapping[str, float] | None) -> Params:
        """Params from an instance, a mapping of overrides (cast to the field types) or None."""
        if values is None:
            return cls()
        if isinstance(values, Params):
            return values
        types = {f.name: type(getattr(cls(), f.name)) for f in fields(cls)}
        return cls(**{k: types[k](v) for k, v in values.items()})

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


def classify(
    texts: Sequence[str],
    params: Params | Mapping[str, float] | None = None,
    *,
    keep_embeds: bool = True,
    repeated: Collection[str] = (),
    key: Callable[[str], str] | None = None,
) -> list[Decision]:
    """One decision per line of a page (``texts``: its non-blank lines, stripped).

    ``repeated`` / ``key``: the keys of lines seen on many documents of the run and the function
    that keys a line (from the run-level pass); empty outside a run.
    """
    p = Params.of(params)
    lines = analyse(texts, repeated, key)
    for line in lines:
        line.prose = (
            line.words >= p.min_words
            and line.stop_density >= p.min_stop
            and (line.terminal or line.words >= 2 * p.min_words)
            and not line.furniture
            and not line.nav
        )
    _shared_prose(lines)
    weigh(lines, p.penalty)
    body = find_body(lines, p.min_stop)
    decisions = _decide(lines, body, p, keep_embeds)
    if body is not None:
        _stray_headlines(lines, body, decisions)
    return decisions


def _shared_prose(lines: list[Line]) -> None:
    """Prose seen on many documents of the run is furniture (an "about the company" block, a standard
    notice) unless it is most of the document's prose: then the run holds copies of one story
    (syndication), and the run-level signal says nothing about furniture."""
    shared = sum(line.words for line in lines if line.prose and line.run_repeat)
    own = sum(line.words for line in lines if line.prose and not line.run_repeat)
    for line in lines:
        if line.prose and line.run_repeat:
            if shared > own:
                line.run_repeat = False
                line.reasons.remove(RUN_REPEAT_REASON)
            else:
                line.prose = False


def _category(line: Line, kind: str) -> str:
    return "metadata" if kind == "metadata" or line.stamp else "boilerplate"


def _decide(lines: list[Line], body: tuple[int, int] | None, p: Params, keep_embeds: bool) -> list[Decision]:
    out: list[Decision] = []
    if body is None:  # no prose: remove only unmistakable furniture, flag other furniture
        for line in lines:
            why = "; ".join(line.reasons)
            if line.furniture and line.strong:
                out.append(
                    Decision(
                        "remove", line.furniture, 0.6, f"no article body found; {why}", _category(line, line.furniture)
                    )
                )
            elif line.furniture or line.run_repeat:
                kind = line.furniture or "repeated"
                out.append(Decision("flag", kind, 0.3, f"no article body found; {why}", _category(line, kind)))
            else:
                out.append(KEEP)
        return out
    s, e = body
    teasers = teaser_blocks(lines, body)
    evidence_before = _evidence(lines[:s], menus=True)
    evidence_after = _evidence(lines[e + 1 :], menus=False)
    section: str | None = None
    for k, line in enumerate(lines):
        if line.section:
            section = line.section
        elif k > e and line.furniture == "footer":
            section = "footer"  # after the body, footer links or a copyright line open the page footer
        elif line.prose and not line.teaser and k < s:
            section = None  # prose closes a section before the body; after it, a section holds
        why = "; ".join(line.reasons)
        if s <= k <= e:
            out.append(_inside(line, k in teasers, keep_embeds, why))
            continue
        before = k < s
        # the kind of the section the line sits in, unless its own wording names a kind of its own
        own = line.furniture if line.furniture in _OWN_KINDS else None
        kind = own or section or ("navigation" if before else "related")
        category = _category(line, kind)
        if line.embed == "story_credit" and not before:
            out.append(KEEP)
        elif line.unmistakable:
            out.append(Decision("remove", kind, 0.9, f"outside the body; {why}", category))
        elif (evidence_before if before else evidence_after) < p.min_evidence:
            out.append(
                Decision("flag", kind, 0.3, f"outside the body, little furniture on this side; {why or kind}", category)
            )
        elif line.prose and not line.run_repeat and min(abs(k - s), abs(k - e)) <= p.near:
            out.append(Decision("flag", "article", 0.4, "prose next to the body", category))
        else:
            conf = 0.9 if (line.furniture or line.nav or line.run_repeat) else 0.7
            out.append(Decision("remove", kind, conf, f"outside the body; {why or kind}", category))
    return out


def _evidence(lines: list[Line], menus: bool) -> int:
    """How much furniture one side of the page shows: its furniture lines (by wording or seen across
    the run), one more for each header of a teaser list or a comment section and, with ``menus``
    (the head of the page), one for each run of short labels. After the body a list of short lines
    is as often the article's own (a fact box, ticket prices) as a menu."""
    count = 0
    for k, line in enumerate(lines):
        count += bool(line.furniture or line.run_repeat) + (line.section in ("related", "comments"))
        count += menus and line.nav and (k == 0 or not lines[k - 1].nav)
    return count


def _inside(line: Line, teaser: bool, keep_embeds: bool, why: str) -> Decision:
    """The decision for a line inside the article body."""
    if teaser:
        return Decision("remove", "related", 0.7, "in body: teaser headlines under a related header")
    if line.furniture and line.strong:
        return Decision("remove", line.furniture, 0.8, f"in body: {why}", _category(line, line.furniture))
    if line.embed in ("tweet", "credit"):
        action: Action = "flag" if keep_embeds else "remove"
        return Decision(action, "metadata", 0.8, f"embed or caption ({line.embed})", "metadata")
    if line.embed == "story_credit":
        return KEEP
    if line.furniture or line.nav or line.run_repeat or line.trailer:
        kind = line.furniture or ("navigation" if line.nav else "repeated" if line.run_repeat else "footer")
        reason = why or ("source trailer: attribution, not body text" if line.trailer else "list of short labels")
        return Decision("flag", kind, 0.5, f"in body, kept: {reason}", _category(line, kind))
    if line.repeat:
        return Decision("flag", "metadata", 0.5, "repeated paragraph (pull quote or caption?)", "metadata")
    return Decision("keep", "article", 0.9 if line.prose else 0.7, "article body")


def _is_question_headline(text: str) -> bool:
    """A title-case line ending in "?" or "!" (a headline asked as a question)."""
    words = text.split()
    return (
        text.rstrip().endswith(("?", "!"))
        and 4 <= len(words) <= 15
        and not any(q in text for q in '“”"')
        and capitalised_share(text) >= 0.6
    )


def _stray_headlines(lines: list[Line], body: tuple[int, int], decisions: list[Decision]) -> None:
    """Headline-like lines kept inside the body: a related article's headline or a scraped sub-heading.

    The first kept line is the article's own headline and is left alone; a document written in
    unpunctuated lines (a list, a transcript) has no strays.
    """
    s, e = body
    kept = [k for k in range(len(lines)) if decisions[k].action == "keep"]
    candidates = [
        k
        for k in kept[1:]
        if s <= k <= e
        and decisions[k].kind == "article"
        and not lines[k].embed
        and not lines[k].trailer
        and (is_headline_like(lines[k].text, min_words=4) or _is_question_headline(lines[k].text))
    ]
    if len(candidates) >= 3 and len(candidates) > len(kept) / 3:
        return
    for k in candidates:
        decisions[k] = Decision(
            "flag", "headline", 0.55, "headline-like line inside the body (related-article headline or sub-heading?)"
        )
