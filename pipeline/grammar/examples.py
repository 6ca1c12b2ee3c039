"""Reading the grammar evaluation examples (``pipeline/data/grammar/examples.txt``).

LanguageTool's rule examples mark the error with ``<marker>``; ours do the same, so the scorer
can ask the one question that matters to a reviewer: did some flag land on the error?
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "grammar"
_MARKER = re.compile(r"<marker>(.*?)</marker>")


@dataclass(frozen=True)
class Example:
    text: str
    errors: tuple[tuple[int, int], ...]  # marked spans; empty for a correct sentence
    corrections: tuple[str, ...] = ()  # what the (first) marked span should read, when known
    rule_id: str = ""  # the rule whose example this is, when known

    @property
    def correct(self) -> bool:
        return not self.errors


def parse_example(line: str) -> Example:
    pieces, errors, cursor, length = [], [], 0, 0
    for m in _MARKER.finditer(line):
        before = line[cursor : m.start()]
        pieces.append(before)
        length += len(before)
        errors.append((length, length + len(m.group(1))))
        pieces.append(m.group(1))
        length += len(m.group(1))
        cursor = m.end()
    pieces.append(line[cursor:])
    text = "".join(pieces)
    stripped = text.rstrip()
    errors = [(s, min(e, len(stripped))) for s, e in errors]
    return Example(stripped, tuple(errors))


def load_examples(path: Path | None = None) -> list[Example]:
    path = path or DATA / "examples.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return [parse_example(line) for line in lines if line.strip() and not line.lstrip().startswith("#")]


def hits(error: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """A flag finds an error when their spans overlap (touching counts for empty spans)."""
    start, end = error
    return any((s < end and start < e) or (s == e and start <= s <= end) for s, e in spans)
