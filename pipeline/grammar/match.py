"""The one shape every backend's findings take, so merging, guarding and mapping never care which
checker produced them."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class GrammarMatch:
    """A checker's finding at ``text[start:end]`` (Python string indices into the checked text).

    ``category_id`` and ``issue_type`` follow LanguageTool's vocabulary (``TYPOS``/``misspelling``,
    ``TYPOGRAPHY``/``whitespace``, ...); Harper's lint kinds are translated into it by its backend,
    so disable lists and report grouping work the same for every backend.
    """

    start: int
    end: int
    rule_id: str
    message: str
    suggestions: tuple[str, ...]
    category_id: str
    issue_type: str
    backend: str
    extra: dict[str, Any] = field(default_factory=dict)

    def shifted(self, offset: int) -> GrammarMatch:
        return GrammarMatch(
            self.start + offset,
            self.end + offset,
            self.rule_id,
            self.message,
            self.suggestions,
            self.category_id,
            self.issue_type,
            self.backend,
            dict(self.extra),
        )

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["suggestions"] = list(self.suggestions)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> GrammarMatch:
        return cls(**{**data, "suggestions": tuple(data["suggestions"]), "extra": dict(data.get("extra", {}))})
