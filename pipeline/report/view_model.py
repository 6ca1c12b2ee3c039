"""Turn a change report into what a review page shows: text segments, changes and flag highlights.

The page never computes positions itself. Everything it draws comes from here, in the report's own
coordinates (offsets into ``original_text``), so the highlighted spans, the change list and the
JavaScript replay all describe the same edits. Kept free of HTML so it can be unit-tested directly.
"""

from __future__ import annotations

import bisect
import heapq
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from pipeline.document import CATEGORIES
from pipeline.report.word_diff import DiffToken, word_diff

CATEGORY_LABELS = {
    "encoding": "Encoding",
    "boilerplate": "Boilerplate",
    "metadata": "Metadata",
    "glued_words": "Glued words",
    "broken_sentence": "Broken sentence",
    "mt_artefact": "MT artefact",
    "grammar": "Grammar",
    "spelling": "Spelling",
    "punctuation": "Punctuation",
    "consistency": "Consistency",
    "review_hint": "Review hint (QE)",  # a tally key (pipeline.document.tally_key), not a flag category
}

_BACKEND_KEYS = ("backend", "backends", "model")
_DETAIL_VALUE_LIMIT = 240


def category_label(category: str) -> str:
    """Human label for a category; a stage name standing in for a category is title-cased."""
    return CATEGORY_LABELS.get(category) or category.replace("_", " ").capitalize()


def category_css(category: str) -> str:
    """CSS class carrying a category's colour; unknown categories share one neutral colour."""
    return f"cat-{category}" if category in CATEGORIES else "cat-other"


@dataclass(frozen=True)
class FlagView:
    """A flag as the page shows it (on its own or as the motive of a change)."""

    id: str
    category: str
    label: str
    css: str
    start: int
    end: int
    text: str
    message: str
    detector: str
    confidence: float
    suggestion: str | None
    details: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Guard:
    """One guard check the rewrite (or any stage) ran before making a change."""

    name: str
    passed: bool | None
    value: str = ""


@dataclass(frozen=True)
class ChangeView:
    """An edit with everything the reviewer needs to judge it."""

    id: str
    number: int
    category: str
    label: str
    css: str
    stage: str
    start: int
    end: int
    before: str
    after: str
    applied: bool
    confidence: float
    reason: str
    tokens: tuple[DiffToken, ...]
    flags: tuple[FlagView, ...]
    nearby_flags: tuple[FlagView, ...]
    detectors: tuple[str, ...]
    backend: str
    guards: tuple[Guard, ...]
    details: tuple[tuple[str, str], ...]
    inline: bool = True


@dataclass(frozen=True)
class Segment:
    """A run of the document: unchanged text, a change, or text that only carries flags.

    ``kind`` is ``text`` (no flag), ``flag`` (flag-only highlight; empty ``text`` marks a flag on a
    position, such as a missing full stop) or ``change``.
    """

    kind: Literal["text", "flag", "change"]
    start: int
    end: int
    text: str = ""
    change: ChangeView | None = None
    flags: tuple[FlagView, ...] = ()

    @property
    def css(self) -> str:
        """Colour of a flag highlight: the first (outermost) flag's category."""
        return self.flags[0].css if self.flags else ""


@dataclass(frozen=True)
class CategoryCount:
    key: str
    label: str
    css: str
    changes: int
    applied: int
    flags_only: int


@dataclass
class DocumentView:
    """Everything a document page renders."""

    document: str
    report: dict[str, Any]
    blocks: list[list[Segment]]
    changes: list[ChangeView]
    flags_only: list[FlagView]
    categories: list[CategoryCount]
    stages: list[tuple[str, str]]
    errors: list[dict[str, Any]]
    warnings: list[dict[str, Any]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def applied_count(self) -> int:
        return sum(1 for c in self.changes if c.applied)

    @property
    def suggestion_count(self) -> int:
        return sum(1 for c in self.changes if not c.applied)


def build_document_view(report: dict[str, Any]) -> DocumentView:
    """Lay a report out as blocks of segments plus the lists the side panel shows."""
    original: str = report.get("original_text", "")
    flags = [_flag_view(f) for f in report.get("flags", [])]
    flags_by_id = {f.id: f for f in flags}
    raw_edits = sorted(report.get("edits", []), key=lambda e: (e["start"], e["end"]))
    linked = {fid for e in raw_edits for fid in e.get("flag_ids", [])}
    flags_only = [f for f in flags if f.id not in linked]
    stages = report.get("stages", {}) or {}

    problems: list[str] = []
    changes: list[ChangeView] = []
    previous_end = -1
    near = _NearFlags(flags_only)
    for number, raw in enumerate(raw_edits, start=1):
        inline = _replayable(raw, original, previous_end)
        if not inline:
            problems.append(f"edit {raw.get('id')} cannot be placed in the text (overlap or mismatch)")
        else:
            previous_end = raw["end"]
        changes.append(_change_view(raw, number, flags_by_id, near, stages, inline))

    segments = _segments(original, [c for c in changes if c.inline], flags_only)
    return DocumentView(
        document=str(report.get("document", "")),
        report=report,
        blocks=_blocks(segments),
        changes=changes,
        flags_only=flags_only,
        categories=_category_counts(changes, flags_only),
        stages=[(name, _describe(info)) for name, info in stages.items()],
        errors=list(report.get("errors", [])),
        warnings=list(report.get("warnings", [])),
        problems=problems,
    )


def _replayable(raw: dict[str, Any], original: str, previous_end: int) -> bool:
    start, end = raw.get("start", -1), raw.get("end", -1)
    if not (0 <= start <= end <= len(original)) or original[start:end] != raw.get("before"):
        return False
    return start >= previous_end


REVIEW_HINT_LABEL = CATEGORY_LABELS["review_hint"]


def _flag_view(raw: dict[str, Any]) -> FlagView:
    """A flag for the page. A review hint (``details.review_hint``: word-level QE marks where a
    post-editor should look, not a specific problem) keeps its category's colour and filter but reads
    "Review hint (QE)" and is drawn lighter (CSS class ``hint``), so a reviewer tells it from a finding."""
    category = str(raw.get("category", "other"))
    hint = bool((raw.get("details") or {}).get("review_hint"))
    return FlagView(
        id=str(raw["id"]),
        category=category,
        label=REVIEW_HINT_LABEL if hint else category_label(category),
        css=category_css(category) + (" hint" if hint else ""),
        start=int(raw["start"]),
        end=int(raw["end"]),
        text=str(raw.get("text", "")),
        message=str(raw.get("message", "")),
        detector=str(raw.get("detector", "")),
        confidence=float(raw.get("confidence", 1.0)),
        suggestion=raw.get("suggestion"),
        details=_detail_pairs(raw.get("details") or {}),
    )


def _change_view(
    raw: dict[str, Any],
    number: int,
    flags_by_id: dict[str, FlagView],
    near: _NearFlags,
    stages: dict[str, Any],
    inline: bool,
) -> ChangeView:
    start, end = int(raw["start"]), int(raw["end"])
    motives = tuple(flags_by_id[fid] for fid in raw.get("flag_ids", []) if fid in flags_by_id)
    nearby = near.touching(start, end)
    details = dict(raw.get("details") or {})
    category = raw.get("category") or (motives[0].category if motives else None) or str(raw.get("stage", "other"))
    detectors = tuple(dict.fromkeys([f.detector for f in motives if f.detector] + _as_list(details.get("detector"))))
    return ChangeView(
        id=str(raw["id"]),
        number=number,
        category=category,
        label=category_label(category),
        css=category_css(category),
        stage=str(raw.get("stage", "")),
        start=start,
        end=end,
        before=str(raw.get("before", "")),
        after=str(raw.get("after", "")),
        applied=bool(raw.get("applied", True)),
        confidence=float(raw.get("confidence", 1.0)),
        reason=str(raw.get("reason", "")),
        tokens=tuple(word_diff(str(raw.get("before", "")), str(raw.get("after", "")))),
        flags=motives,
        nearby_flags=nearby,
        detectors=detectors,
        backend=_backend(stages.get(str(raw.get("stage")), {}) or {}, details),
        guards=_guards(details.get("guards")),
        details=_detail_pairs({k: v for k, v in details.items() if k not in ("guards", "detector", *_BACKEND_KEYS)}),
        inline=inline,
    )


class _NearFlags:
    """The flags that touch a span, found by position instead of by a scan of every flag per change
    (thousands of edits times thousands of flags was the slowest part of a report)."""

    SHORT = 1000  # flags at most this long are looked up by start; the few longer ones are always tried

    def __init__(self, flags: list[FlagView]):
        self.flags = flags
        short = sorted((f.start, i) for i, f in enumerate(flags) if f.end - f.start <= self.SHORT)
        self.starts = [start for start, _ in short]
        self.short = [i for _, i in short]
        self.long = [i for i, f in enumerate(flags) if f.end - f.start > self.SHORT]

    def touching(self, start: int, end: int) -> tuple[FlagView, ...]:
        low = bisect.bisect_left(self.starts, start - self.SHORT)
        high = bisect.bisect_right(self.starts, end)
        found = [i for i in (*self.short[low:high], *self.long) if _touches(self.flags[i], start, end)]
        return tuple(self.flags[i] for i in sorted(found))


def _touches(flag: FlagView, start: int, end: int) -> bool:
    """Whether a flag lies on an edit's span (a flag on a position counts when inside or at its ends)."""
    if flag.start == flag.end:
        return start < flag.start < end or (start == end == flag.start)
    if start == end:
        return flag.start < start < flag.end
    return flag.start < end and start < flag.end


def _backend(stage_info: dict[str, Any], details: dict[str, Any]) -> str:
    """The backend or model behind an edit: its own record when it has one, else its stage's."""
    own = [str(v) for key in _BACKEND_KEYS for v in _as_list(details.get(key))]
    values = own or [str(v) for key in _BACKEND_KEYS for v in _as_list(stage_info.get(key))]
    return ", ".join(dict.fromkeys(values))


def _guards(raw: Any) -> tuple[Guard, ...]:
    """Guards as stages record them: ``{name: bool}``, ``{name: {passed, ...}}`` or a list of those."""
    if isinstance(raw, dict):
        items: Iterable[tuple[str, Any]] = raw.items()
    elif isinstance(raw, list):
        items = [(str(g.get("name", i)) if isinstance(g, dict) else str(i), g) for i, g in enumerate(raw, 1)]
    else:
        return ()
    guards = []
    for name, value in items:
        if isinstance(value, bool):
            guards.append(Guard(str(name), value))
        elif isinstance(value, dict):
            passed = value.get("passed", value.get("ok"))
            guards.append(Guard(str(name), passed if isinstance(passed, bool) else None, _guard_value(value)))
        else:
            guards.append(Guard(str(name), None, _compact(value)))
    return tuple(guards)


def _guard_value(record: dict[str, Any]) -> str:
    """``value`` and ``threshold`` read as "2 (threshold 3)"; any other keys as compact JSON."""
    rest = {k: v for k, v in record.items() if k not in ("passed", "ok", "name")}
    if set(rest) <= {"value", "threshold"}:
        value, threshold = rest.get("value"), rest.get("threshold")
        text = "" if value in (None, [], {}, "") else _compact(value)
        return f"{text} (threshold {_compact(threshold)})".strip() if threshold is not None else text
    return _compact(rest)


def _detail_pairs(details: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    return tuple((str(k), _compact(v)) for k, v in details.items())


def _compact(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= _DETAIL_VALUE_LIMIT else text[: _DETAIL_VALUE_LIMIT - 1] + "…"


def _as_list(value: Any) -> list[Any]:
    if value is None or value == "":
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _describe(info: Any) -> str:
    if not isinstance(info, dict):
        return _compact(info)
    return ", ".join(f"{k} {_compact(v)}" for k, v in info.items())


def _segments(original: str, changes: list[ChangeView], flags_only: list[FlagView]) -> list[Segment]:
    """Cut the original text at change and flag boundaries; gaps between changes carry flag highlights."""
    segments: list[Segment] = []
    placed: set[str] = set()
    cursor = 0
    nearby = _FlagWindow(flags_only)
    for change in changes:
        segments += _gap(original, cursor, change.start, nearby.around(cursor, change.start), placed)
        placed.update(f.id for f in change.nearby_flags)
        segments.append(Segment("change", change.start, change.end, change.before, change=change))
        cursor = change.end
    segments += _gap(original, cursor, len(original), nearby.around(cursor, len(original)), placed)
    return segments


class _FlagWindow:
    """The flags that reach into ``[start, end]``, in their original order, for gaps taken left to right
    (each flag is looked at a bounded number of times, not once per change)."""

    def __init__(self, flags: list[FlagView]):
        self.flags = flags
        self.by_start = sorted(range(len(flags)), key=lambda i: flags[i].start)
        self.next = 0
        self.open: list[int] = []
        self.last_start = 0

    def around(self, start: int, end: int) -> list[FlagView]:
        if start < self.last_start:  # gaps out of order: no shortcut
            return [f for f in self.flags if f.start <= end and f.end >= start]
        self.last_start = start
        while self.next < len(self.by_start) and self.flags[self.by_start[self.next]].start <= end:
            self.open.append(self.by_start[self.next])
            self.next += 1
        self.open = [i for i in self.open if self.flags[i].end >= start]
        return [self.flags[i] for i in sorted(self.open)]


def _gap(original: str, start: int, end: int, flags: list[FlagView], placed: set[str]) -> list[Segment]:
    """Unchanged text ``original[start:end]``, split where flag-only highlights begin and end.

    One sweep over the cuts: a span flag is active from its start to its end (every boundary is a
    cut), so the flags covering each piece are the active ones, in the flags' order."""
    spans = [f for f in flags if f.start < end and start < f.end and f.start != f.end]
    points = [f for f in flags if f.start == f.end and start <= f.start <= end and f.id not in placed]
    cuts = sorted(
        {start, end} | {max(start, min(end, p)) for f in spans for p in (f.start, f.end)} | {f.start for f in points}
    )
    points_at: dict[int, list[FlagView]] = {}
    for point in points:
        points_at.setdefault(point.start, []).append(point)
    by_start = sorted(range(len(spans)), key=lambda i: spans[i].start)
    ends: list[tuple[int, int]] = []  # (end, index) of active spans, a heap
    active: set[int] = set()
    waiting = 0
    segments: list[Segment] = []
    for left, right in zip(cuts, cuts[1:] + [None]):
        for point in points_at.get(left, ()):
            if point.id not in placed:
                placed.add(point.id)
                segments.append(Segment("flag", left, left, "", flags=(point,)))
        if right is None or left == right:
            continue
        while waiting < len(by_start) and spans[by_start[waiting]].start < right:
            heapq.heappush(ends, (spans[by_start[waiting]].end, by_start[waiting]))
            active.add(by_start[waiting])
            waiting += 1
        while ends and ends[0][0] <= left:
            active.discard(heapq.heappop(ends)[1])
        covering = tuple(spans[i] for i in sorted(active))
        placed.update(f.id for f in covering)
        segments.append(Segment("flag" if covering else "text", left, right, original[left:right], flags=covering))
    return segments


def _blocks(segments: list[Segment]) -> list[list[Segment]]:
    """Group segments into paragraphs, breaking after line breaks in unchanged text or ending a change.

    The side-by-side view puts each block's before and after next to each other, so the two
    columns stay aligned paragraph by paragraph however much an edit changes a paragraph's length.
    """
    blocks: list[list[Segment]] = [[]]
    for segment in segments:
        if segment.kind == "change":
            blocks[-1].append(segment)
            if segment.text.endswith("\n"):
                blocks.append([])
            continue
        if "\n" not in segment.text:
            blocks[-1].append(segment)
            continue
        text, offset = segment.text, segment.start
        while "\n" in text:
            cut = len(text) - len(text[text.index("\n") :].lstrip("\n"))
            blocks[-1].append(_slice(segment, offset, offset + cut, text[:cut]))
            blocks.append([])
            text, offset = text[cut:], offset + cut
        if text:
            blocks[-1].append(_slice(segment, offset, offset + len(text), text))
    return [block for block in blocks if block]


def _slice(segment: Segment, start: int, end: int, text: str) -> Segment:
    return Segment(segment.kind, start, end, text, flags=segment.flags)


def _category_counts(changes: list[ChangeView], flags_only: list[FlagView]) -> list[CategoryCount]:
    keys = list(dict.fromkeys([c.category for c in changes] + [f.category for f in flags_only]))
    order = {name: i for i, name in enumerate(CATEGORIES)}
    keys.sort(key=lambda k: (order.get(k, len(order)), k))
    return [
        CategoryCount(
            key=key,
            label=category_label(key),
            css=category_css(key),
            changes=sum(1 for c in changes if c.category == key),
            applied=sum(1 for c in changes if c.category == key and c.applied),
            flags_only=sum(1 for f in flags_only if f.category == key),
        )
        for key in keys
    ]
