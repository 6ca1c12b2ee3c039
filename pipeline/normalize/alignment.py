"""Character-level alignment of a text before and after a repair, as minimal replacements.

ftfy tells us *which* fixes ran but not *where*; aligning the two strings recovers the spans so
each change becomes a reviewable, reversible edit. Adjacent changes are merged, so "â€œ" → "“"
reads as one change, not three.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import NamedTuple


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
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if raw and i1 - raw[-1][1] <= merge_gap and j1 - raw[-1][3] == i1 - raw[-1][1]:
            raw[-1][1], raw[-1][3] = i2, j2
        else:
            raw.append([i1, i2, j1, j2])
    return [Replacement(prefix + i1, prefix + i2, b[j1:j2]) for i1, i2, j1, j2 in raw]


def _common_prefix(a: str, b: str) -> int:
    limit = min(len(a), len(b))
    index = 0
    while index < limit and a[index] == b[index]:
        index += 1
    return index


def _common_suffix(a: str, b: str) -> int:
    limit = min(len(a), len(b))
    index = 0
    while index < limit and a[-1 - index] == b[-1 - index]:
        index += 1
    return index
