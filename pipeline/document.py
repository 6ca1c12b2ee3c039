"""The document model: an immutable original text plus flags and replayable edits.

Every stage works on the *current* text (the original with all applied edits so far), but
everything a stage records is stored in coordinates of ``original_text``. That single choice is
what makes each change reversible on its own: an editor can reject any edit and the rest still
replay onto the original exactly (see :func:`apply_edits`).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

CATEGORIES = (
    "encoding",
    "boilerplate",
    "metadata",
    "glued_words",
    "broken_sentence",
    "mt_artefact",
    "grammar",
    "spelling",
    "punctuation",
    "consistency",
)


class ReplayError(ValueError):
    """Edits that cannot be replayed onto their original text (overlap, bad span, wrong ``before``)."""


@dataclass
class Edit:
    """One change to ``original_text[start:end]``, replaced by ``after`` when ``applied``."""

    id: str
    stage: str
    start: int
    end: int
    before: str
    after: str
    reason: str
    applied: bool = True
    confidence: float = 1.0
    flag_ids: list[str] = field(default_factory=list)
    category: str | None = None
    details: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        if not data["details"]:
            del data["details"]
        if data["category"] is None:
            del data["category"]
        return data


@dataclass
class Flag:
    """A problem found at ``original_text[start:end]``; it may or may not have an edit."""

    id: str
    category: str
    start: int
    end: int
    text: str
    message: str
    detector: str
    confidence: float
    suggestion: str | None = None
    details: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        if not data["details"]:
            del data["details"]
        return data


REVIEW_HINT = "review_hint"


def tally_key(flag: Flag | dict[str, Any]) -> str:
    """What a flag counts as in run totals: its category, or ``review_hint`` for a review hint
    (``details["review_hint"]``: word-level QE marks where to look, not a problem found), so that
    totals of MT artefacts are not swamped by hints."""
    details = flag.details if isinstance(flag, Flag) else (flag.get("details") or {})
    category = flag.category if isinstance(flag, Flag) else str(flag.get("category", "other"))
    return REVIEW_HINT if details.get(REVIEW_HINT) else category


def apply_edits(original: str, edits: Iterable[Edit], *, only_applied: bool = True) -> str:
    """Replay edits onto ``original``, right to left, after checking that they can be replayed.

    Raises :class:`ReplayError` when two edits overlap, a span is out of range, or an edit's
    ``before`` no longer matches the original: silently producing wrong text is worse than failing.
    """
    chosen = sorted((e for e in edits if e.applied or not only_applied), key=lambda e: (e.start, e.end))
    previous_end = 0
    for edit in chosen:
        if not 0 <= edit.start <= edit.end <= len(original):
            raise ReplayError(f"edit {edit.id} span {edit.start}:{edit.end} is outside the text")
        if edit.start < previous_end:
            raise ReplayError(f"edit {edit.id} overlaps the edit before it")
        if original[edit.start : edit.end] != edit.before:
            raise ReplayError(f"edit {edit.id} 'before' does not match the original text")
        previous_end = max(previous_end, edit.end)
    pieces: list[str] = []
    cursor = 0
    for edit in chosen:
        pieces.append(original[cursor : edit.start])
        pieces.append(edit.after)
        cursor = edit.end
    pieces.append(original[cursor:])
    return "".join(pieces)


@dataclass(frozen=True)
class ProposedEdit:
    """An edit a stage wants, in coordinates of the :class:`TextView` it was computed on."""

    start: int
    end: int
    after: str
    reason: str
    confidence: float = 1.0
    applied: bool = True
    category: str | None = None
    flag_ids: tuple[str, ...] = ()
    details: dict[str, Any] = field(default_factory=dict)


class TextView:
    """A snapshot of the current text with a map back to original offsets.

    Stages compute all their findings on one view, so a batch of edits from one stage is mapped
    consistently even though applying the first of them would shift the offsets of the others.
    """

    def __init__(self, original: str, applied: Sequence[Edit]):
        self.original = original
        # in replay order; applied edits never overlap, so their ends are in order too
        self._edits = sorted(applied, key=_edit_key)
        self.text = apply_edits(original, self._edits)
        self._starts = [edit.start for edit in self._edits]
        self._ends = [edit.end for edit in self._edits]
        # current-text start of each edit's replacement (for bisecting), and the offset shift
        # accumulated after each edit
        self._current_starts: list[int] = []
        self._delta_after: list[int] = []
        delta = 0
        for edit in self._edits:
            self._current_starts.append(edit.start + delta)
            delta += len(edit.after) - (edit.end - edit.start)
            self._delta_after.append(delta)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a current-text span to the smallest original span that produced it.

        A boundary strictly inside an earlier edit's replacement widens to that whole edit.
        """
        ostart = self._map(start, is_end=False)
        oend = self._map(end, is_end=True)
        return ostart, max(ostart, oend)

    def _map(self, position: int, *, is_end: bool) -> int:
        index = bisect.bisect_left(self._current_starts, position)
        delta = 0
        if index:
            before = self._edits[index - 1]
            if position < self._current_starts[index - 1] + len(before.after):
                # strictly inside an earlier edit's replacement: widen to the whole edit
                return before.end if is_end else before.start
            delta = self._delta_after[index - 1]
        # edits whose replacement starts exactly here: a deletion is skipped over by a start
        # (the span begins after the deleted text) and stops an end (it ends before it)
        while index < len(self._edits) and self._current_starts[index] == position:
            edit = self._edits[index]
            if edit.after or is_end:
                return position - delta
            delta = self._delta_after[index]
            index += 1
        return position - delta

    def to_current(self, ostart: int, oend: int) -> tuple[int, int]:
        """Map an original span whose ends do not fall inside an edit to the current text.

        The shift of a position is the change in length of every edit that ends at or before it
        (for the span's start, not an insertion exactly there); found by bisection, not a scan.
        """
        index = bisect.bisect_right(self._ends, ostart)
        delta_start = self._delta_after[index - 1] if index else 0
        while index and self._ends[index - 1] == ostart:
            edit = self._edits[index - 1]
            if edit.start == edit.end:
                delta_start -= len(edit.after)
            index -= 1
        index = bisect.bisect_right(self._ends, oend)
        delta_end = self._delta_after[index - 1] if index else 0
        return ostart + delta_start, oend + delta_end

    def edits_touching(self, ostart: int, oend: int) -> list[Edit]:
        """The view's edits that overlap an original span (an insertion counts when inside it)."""
        low = bisect.bisect_left(self._ends, ostart)
        high = bisect.bisect_right(self._starts, oend)
        return [
            e
            for e in self._edits[low:high]
            if (e.start < oend and ostart < e.end) or (e.start == e.end and ostart <= e.start <= oend)
        ]


class Document:
    """A document moving through the pipeline: original text, flags, edits, errors, stage info."""

    def __init__(
        self,
        doc_id: str,
        original_text: str,
        *,
        source_sha256: str = "",
        encoding: dict[str, Any] | None = None,
    ):
        self.doc_id = doc_id
        self.original_text = original_text
        self.source_sha256 = source_sha256
        self.encoding = encoding or {"detected": "utf-8", "confidence": 1.0}
        self.flags: list[Flag] = []
        self.edits: list[Edit] = []
        self.errors: list[dict[str, Any]] = []
        self.warnings: list[dict[str, Any]] = []
        self.stages: dict[str, dict[str, Any]] = {}

    # ----------------------------------------------------------------- reading
    @property
    def cleaned_text(self) -> str:
        return apply_edits(self.original_text, self.edits)

    def view(self) -> TextView:
        """The current text (all applied edits so far), for a stage to work on."""
        return TextView(self.original_text, [e for e in self.edits if e.applied])

    def original_view(self) -> TextView:
        """The original text, for recording findings already in original coordinates."""
        return TextView(self.original_text, [])

    # ----------------------------------------------------------------- writing
    def add_flag(
        self,
        view: TextView,
        category: str,
        start: int,
        end: int,
        message: str,
        detector: str,
        confidence: float,
        suggestion: str | None = None,
        details: dict[str, Any] | None = None,
    ) -> Flag:
        """Record a flag found at ``view.text[start:end]``."""
        if category not in CATEGORIES:
            raise ValueError(f"unknown flag category {category!r}")
        ostart, oend = view.to_original(start, end)
        flag = Flag(
            id=f"f{len(self.flags) + 1}",
            category=category,
            start=ostart,
            end=oend,
            text=self.original_text[ostart:oend],
            message=message,
            detector=detector,
            confidence=round(float(confidence), 3),
            suggestion=suggestion,
            details=details or {},
        )
        self.flags.append(flag)
        return flag

    def add_edits(self, view: TextView, stage: str, proposals: Iterable[ProposedEdit]) -> list[Edit]:
        """Map a stage's proposals from ``view`` to the original text and record them.

        Proposals are expressed against ``view.text``. An applied proposal that overlaps an earlier
        applied edit absorbs it (the merged edit keeps the earlier ids in ``details['merged']``), so
        edits never overlap. Proposals that touch the same earlier edit become one edit, since
        neither could be replayed alone; proposals that overlap each other are skipped, first wins.

        Cost grows with the number of proposals times the logarithm of the number of edits: a
        document with tens of thousands of changes is recorded in linear time.
        """
        recorded: list[Edit] = []
        groups: list[tuple[int, int, list[ProposedEdit]]] = []
        for proposal in sorted(proposals, key=lambda p: (p.start, p.end)):
            if view.text[proposal.start : proposal.end] == proposal.after:
                continue
            ostart, oend = self._widened(view, proposal)
            if groups:
                gstart, gend, members = groups[-1]
                last = members[-1]
                apart_in_view = last.end <= proposal.start and not (last.start == last.end == proposal.start)
                if ostart < gend and apart_in_view and last.applied == proposal.applied:
                    groups[-1] = (gstart, max(gend, oend), members + [proposal])
                    continue
            groups.append((ostart, oend, [proposal]))
        if not groups:
            return recorded
        self.edits.sort(key=_edit_key)  # kept in this order by _record
        state = _Recording(self)
        for ostart, oend, members in groups:
            edit = self._record(view, stage, members, ostart, oend, state)
            if edit is not None:
                recorded.append(edit)
        return recorded

    @staticmethod
    def _widened(view: TextView, proposal: ProposedEdit) -> tuple[int, int]:
        """The original span a proposal replaces, widened over the earlier edits it touches."""
        ostart, oend = view.to_original(proposal.start, proposal.end)
        absorbed = view.edits_touching(ostart, oend)
        return min([ostart] + [e.start for e in absorbed]), max([oend] + [e.end for e in absorbed])

    def _record(
        self, view: TextView, stage: str, members: list[ProposedEdit], ostart: int, oend: int, state: _Recording
    ) -> Edit | None:
        first = members[0]
        absorbed = view.edits_touching(ostart, oend)
        if absorbed and not first.applied:
            # a suggestion on top of an applied edit could not be accepted on its own; the flag
            # that motivated it still carries the suggestion for the reviewer
            return None
        if state.overlaps_batch(ostart, oend):
            return None
        suggestions_in_the_way = state.suggestions_overlapping(ostart, oend)
        if suggestions_in_the_way:
            if not first.applied:
                return None
            # an applied change outranks an earlier stage's mere suggestion for the same words
            removed = {id(e) for e in suggestions_in_the_way}
            self.edits = [e for e in self.edits if id(e) not in removed]
            state.renumber()
        cstart, cend = view.to_current(ostart, oend)
        pieces, cursor = [], cstart
        for member in members:
            pieces += [view.text[cursor : member.start], member.after]
            cursor = member.end
        after = "".join(pieces) + view.text[cursor:cend]
        details = dict(first.details)
        if len(members) > 1:
            details["combined"] = [m.reason for m in members[1:]]
        if absorbed:
            details["merged"] = [e.id for e in absorbed]
            absorbed_ids = {e.id for e in absorbed}
            self.edits = [e for e in self.edits if e.id not in absorbed_ids]
            state.renumber()
        edit = Edit(
            id=f"e{state.take_number()}",
            stage=stage,
            start=ostart,
            end=oend,
            before=self.original_text[ostart:oend],
            after=after,
            reason=first.reason,
            applied=first.applied,
            confidence=round(min(float(m.confidence) for m in members), 3),
            flag_ids=list(dict.fromkeys(f for m in members for f in m.flag_ids)),
            category=first.category,
            details=details,
        )
        bisect.insort(self.edits, edit, key=_edit_key)  # after equal keys, as a stable sort would put it
        state.add(edit)
        return edit

    def _next_edit_number(self) -> int:
        numbers = [int(e.id[1:]) for e in self.edits if e.id[1:].isdigit()]
        return max(numbers, default=0) + 1

    def add_error(self, stage: str, kind: str, message: str, seconds: float | None = None) -> None:
        """Record why ``stage`` failed on this document (``seconds``: time spent, for a timeout)."""
        error: dict[str, Any] = {"stage": stage, "kind": kind, "message": message}
        if seconds is not None:
            error["seconds"] = seconds
        self.errors.append(error)

    def add_warning(self, stage: str, message: str) -> None:
        self.warnings.append({"stage": stage, "message": message})

    # ----------------------------------------------------------- serialisation
    def to_report(self) -> dict[str, Any]:
        """The change report (``postedit.report/1``), checked for replayability before it leaves."""
        cleaned = self.cleaned_text
        return {
            "schema": "postedit.report/1",
            "document": self.doc_id,
            "source_sha256": self.source_sha256,
            "encoding": self.encoding,
            "original_text": self.original_text,
            "cleaned_text": cleaned,
            "flags": [f.to_json() for f in self.flags],
            "edits": [e.to_json() for e in sorted(self.edits, key=lambda e: e.start)],
            "stages": self.stages,
            "errors": self.errors,
            "warnings": self.warnings,
        }

    @classmethod
    def from_report(cls, report: dict[str, Any]) -> Document:
        doc = cls(
            report["document"],
            report["original_text"],
            source_sha256=report.get("source_sha256", ""),
            encoding=report.get("encoding"),
        )
        doc.flags = [Flag(**{**f, "details": f.get("details", {})}) for f in report.get("flags", [])]
        doc.edits = [
            Edit(**{**e, "details": e.get("details", {}), "category": e.get("category")})
            for e in report.get("edits", [])
        ]
        doc.errors = list(report.get("errors", []))
        doc.warnings = list(report.get("warnings", []))
        doc.stages = dict(report.get("stages", {}))
        return doc


def _edit_key(edit: Edit) -> tuple[int, int]:
    return edit.start, edit.end


class _Recording:
    """What :meth:`Document.add_edits` keeps track of while it records one stage's batch.

    The batch's spans in order (they never overlap each other), the next edit number, and where the
    document's suggestions (unapplied edits, which may overlap) are: each check is a bisection over
    what could be in the way instead of a scan of every edit.
    """

    def __init__(self, doc: Document):
        self.doc = doc
        self.batch: list[tuple[int, int]] = []
        self.next_number = doc._next_edit_number()
        suggestions = [e.end - e.start for e in doc.edits if not e.applied]
        self.has_suggestions = bool(suggestions)
        self.longest_suggestion = max(suggestions, default=0)

    def take_number(self) -> int:
        number = self.next_number
        self.next_number += 1
        return number

    def renumber(self) -> None:
        """Edits were removed: the next number is again one more than the highest left."""
        self.next_number = self.doc._next_edit_number()

    def add(self, edit: Edit) -> None:
        bisect.insort(self.batch, (edit.start, edit.end))
        if not edit.applied:
            self.has_suggestions = True
            self.longest_suggestion = max(self.longest_suggestion, edit.end - edit.start)

    def overlaps_batch(self, start: int, end: int) -> bool:
        # spans that can overlap start at or before ``end`` and end at or after ``start``; the
        # batch's spans never overlap each other, so their ends are in order as well
        index = bisect.bisect_right(self.batch, (end, end + 1))
        while index and self.batch[index - 1][1] >= start:
            if _spans_overlap(*self.batch[index - 1], start, end):
                return True
            index -= 1
        return False

    def suggestions_overlapping(self, start: int, end: int) -> list[Edit]:
        if not self.has_suggestions:
            return []
        edits = self.doc.edits
        low = bisect.bisect_left(edits, start - self.longest_suggestion, key=lambda e: e.start)
        high = bisect.bisect_right(edits, end, key=lambda e: e.start)
        return [e for e in edits[low:high] if not e.applied and _overlap(e, start, end)]


def _overlap(edit: Edit, start: int, end: int) -> bool:
    """Whether ``edit`` and the original span ``start:end`` compete for the same text."""
    return _spans_overlap(edit.start, edit.end, start, end)


def _spans_overlap(edit_start: int, edit_end: int, start: int, end: int) -> bool:
    if edit_start == edit_end and start == end:
        return edit_start == start
    if edit_start == edit_end:
        return start < edit_start < end
    if start == end:
        return edit_start < start < edit_end
    return edit_start < end and start < edit_end
