"""The interface every grammar checker implements, and batching of many short texts into one call."""

from __future__ import annotations

import bisect
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Any, ClassVar

from pipeline.grammar.match import GrammarMatch

# Checkers treat a blank line as a paragraph boundary, so paragraphs joined by one are checked as
# they would be one by one (results compared on the sample corpus, the clean control set and 74
# scraped pages: see benchmarks/README.md, "grammar: batching").
SEPARATOR = "\n\n"


def check_batched(
    check: Callable[[str], list[GrammarMatch]], texts: list[str], max_chars: int
) -> list[list[GrammarMatch]]:
    """Matches for each of ``texts``, checking as many as fit in ``max_chars`` per call.

    Each call into a checker has a fixed cost (about 1.7 ms for lingotweaker and 0.8 ms for Harper
    on a two-word line, CPU time), so a page of thousands of one-line paragraphs (a menu, a table)
    spent most of its time there. Texts are joined with :data:`SEPARATOR` and the matches split back
    by offset; a match that would cross from one text into the next is dropped (none did on the
    corpora above). A text longer than ``max_chars`` is checked alone."""
    results: list[list[GrammarMatch]] = [[] for _ in texts]
    batch: list[int] = []
    size = 0
    for index, text in enumerate(texts):
        if batch and size + len(text) > max_chars:
            _check_joined(check, texts, batch, results)
            batch, size = [], 0
        batch.append(index)
        size += len(text) + len(SEPARATOR)
    if batch:
        _check_joined(check, texts, batch, results)
    return results


def _check_joined(
    check: Callable[[str], list[GrammarMatch]], texts: list[str], batch: list[int], results: list[list[GrammarMatch]]
) -> None:
    if len(batch) == 1:
        results[batch[0]] = list(check(texts[batch[0]]))
        return
    joined = SEPARATOR.join(texts[i] for i in batch)
    starts = []
    position = 0
    for i in batch:
        starts.append(position)
        position += len(texts[i]) + len(SEPARATOR)
    for match in check(joined):
        k = bisect.bisect_right(starts, match.start) - 1
        if k < 0:
            continue
        i, start = batch[k], starts[k]
        if match.end <= start + len(texts[i]):
            results[i].append(match.shifted(-start))


class BackendUnavailable(RuntimeError):
    """The backend cannot run here (package missing, no server answering); choose another."""


class BackendFailed(RuntimeError):
    """The backend broke while checking (server died or timed out); the caller degrades."""


class GrammarBackend(ABC):
    """Checks plain text and returns :class:`GrammarMatch` objects with string-index offsets."""

    name: ClassVar[str]

    def settings(self) -> dict[str, Any]:
        """What changes this backend's matches (part of the sentence-cache key)."""
        return {"backend": self.name}

    def version(self) -> str:
        """The checker's own version, for the report."""
        return "unknown"

    @abstractmethod
    def check(self, text: str) -> list[GrammarMatch]:
        """Matches in ``text``; raises :class:`BackendFailed` when the checker breaks."""

    def check_many(self, texts: list[str]) -> list[list[GrammarMatch]]:
        """Matches for several texts; backends that can batch override this."""
        return [self.check(text) for text in texts]

    def close(self) -> None:
        """Release processes or connections."""
