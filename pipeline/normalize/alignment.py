"""Character-level alignment of a text before and after a repair, as minimal replacements.

ftfy tells us *which* fixes ran but not *where*; aligning the two strings recovers the spans so
each change becomes a reviewable, reversible edit. Adjacent changes are merged, so "â€œ" → "“"
reads as one change, not three.

The alignment is linear in the length of the texts, whatever they hold. A repair changes short
runs of characters and leaves the rest alone, so the two texts are walked side by side: where they
stop agreeing, the change ends at the nearest point where they agree again on ``ANCHOR`` characters
(or both end), looked for in a window that starts small and doubles, so a long change costs in
proportion to its length. A short change found that way is split finer by difflib (bounded, so its
worst case stays small); difflib on a whole line is not used, because on repetitive text (a line of
"Mr. Mr. …" or of mojibake) it is worse than quadratic.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import NamedTuple

# Characters both texts must share for a change to be over: short, because ftfy's changes can be
# two characters apart ("ab\x07cd\x1b[31mef"); a chance match only makes a change smaller, never wrong.
ANCHOR = 2
# First window (characters on each side) in which the end of a change is looked for.
WINDOW = 32
# A change up to this many characters on each side is split finer with difflib.
REFINE = 40
# Equal text is compared in chunks of this size before falling back to single characters.
_CHUNK = 64


class Replacement(NamedTuple):
    start: int  # in ``before``
    end: int
    after: str


def align_changes(before: str, after: str, merge_gap: int = 0) -> list[Replacement]:
    """Spans of ``before`` that differ from ``after``, with their replacements.

    Replaying the result onto ``before`` gives ``after`` exactly.
    """
    if before == after:
        return []
    prefix = _common_prefix(before, after)
    suffix = _common_suffix(before[prefix:], after[prefix:])
    a = before[prefix : len(before) - suffix]
    b = after[prefix : len(after) - suffix]
    raw: list[list[int]] = []
    for i1, i2, j1, j2 in _changes(a, b):
        if raw and i1 - raw[-1][1] <= merge_gap and j1 - raw[-1][3] == i1 - raw[-1][1]:
            raw[-1][1], raw[-1][3] = i2, j2
        else:
            raw.append([i1, i2, j1, j2])
    return [Replacement(prefix + i1, prefix + i2, b[j1:j2]) for i1, i2, j1, j2 in raw]


def _changes(a: str, b: str) -> list[tuple[int, int, int, int]]:
    """``(i1, i2, j1, j2)`` for each change ``a[i1:i2]`` → ``b[j1:j2]``, in order; the rest is equal."""
    changes: list[tuple[int, int, int, int]] = []
    i = j = 0
    while True:
        step = _equal_run(a, b, i, j)
        i, j = i + step, j + step
        if i >= len(a) and j >= len(b):
            return changes
        di, dj = _resync(a, b, i, j)
        changes.extend(_refine(a, b, i, i + di, j, j + dj))
        i, j = i + di, j + dj


def _equal_run(a: str, b: str, i: int, j: int) -> int:
    """How many characters agree from ``a[i]`` and ``b[j]`` on."""
    step = 0
    while a[i + step : i + step + _CHUNK] == b[j + step : j + step + _CHUNK] and i + step < len(a):
        step += _CHUNK
    limit = min(len(a) - i, len(b) - j)
    while step < limit and a[i + step] == b[j + step]:
        step += 1
    return min(step, limit)


def _resync(a: str, b: str, i: int, j: int) -> tuple[int, int]:
    """The smallest ``(di, dj)`` (by ``di + dj``) after which the texts agree again.

    Agreeing means the next ``ANCHOR`` characters are equal, or the two remainders are equal and
    shorter (both texts end there). The window doubles until a point is found; at the latest the
    two ends agree, so this always returns.
    """
    if i == len(a) or j == len(b):
        return len(a) - i, len(b) - j  # one side is used up: the rest of the other is the change
    window = WINDOW
    while True:
        first_at: dict[str, int] = {}
        for dj in range(min(window, len(b) - j) + 1):
            first_at.setdefault(b[j + dj : j + dj + ANCHOR], dj)
        best: tuple[int, int] | None = None
        for di in range(min(window, len(a) - i) + 1):
            if best is not None and di >= sum(best):
                break
            found = first_at.get(a[i + di : i + di + ANCHOR])
            if found is not None and (di or found) and (best is None or di + found < sum(best)):
                best = (di, found)
        if best is not None:
            return best
        window *= 2


def _refine(a: str, b: str, i1: int, i2: int, j1: int, j2: int) -> list[tuple[int, int, int, int]]:
    """Split a short change where both sides still share characters ("â€œnoâ€\x9d" → "“no”")."""
    if min(i2 - i1, j2 - j1) < 2 or max(i2 - i1, j2 - j1) > REFINE or not set(a[i1:i2]) & set(b[j1:j2]):
        return [(i1, i2, j1, j2)]
    matcher = SequenceMatcher(None, a[i1:i2], b[j1:j2], autojunk=False)
    return [(i1 + x1, i1 + x2, j1 + y1, j1 + y2) for tag, x1, x2, y1, y2 in matcher.get_opcodes() if tag != "equal"]


def _common_prefix(a: str, b: str) -> int:
    return _equal_run(a, b, 0, 0)


def _common_suffix(a: str, b: str) -> int:
    return _equal_run(a[::-1], b[::-1], 0, 0)
