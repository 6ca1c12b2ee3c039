"""The interface every grammar checker implements."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, ClassVar

from pipeline.grammar.match import GrammarMatch


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
