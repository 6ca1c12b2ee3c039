"""LanguageTool's English rules ported to Rust (``lingotweaker`` + ``lingotweaker-data-en``).

Offline and Java-free, with LanguageTool's rule ids and categories. Its offsets are UTF-8 *bytes*
and are converted to string indices here, once, so nothing downstream sees bytes.
"""

from __future__ import annotations

from importlib import metadata
from typing import Any

from pipeline.grammar.backends.base import BackendFailed, BackendUnavailable, GrammarBackend, check_batched
from pipeline.grammar.match import GrammarMatch
from pipeline.grammar.rules import RuleFilter


def byte_to_char_offsets(text: str) -> list[int]:
    """``table[b]`` = string index of the character that starts at UTF-8 byte ``b`` (and at len)."""
    table = [0] * (len(text.encode("utf-8")) + 1)
    position = 0
    for index, char in enumerate(text):
        width = len(char.encode("utf-8"))
        for k in range(width):
            table[position + k] = index
        position += width
    table[position] = len(text)
    return table


BATCH_CHARS = 5000  # paragraphs joined into one call up to about this size (see check_batched)


class LingotweakerBackend(GrammarBackend):
    name = "lingotweaker"

    def __init__(self, language: str = "en-US", rules: RuleFilter | None = None):
        try:
            import lt_py
        except ImportError as exc:
            raise BackendUnavailable("lingotweaker is not installed: pip install 'postedit[grammar]'") from exc
        self.language = language
        self.rules = rules or RuleFilter()
        try:
            # the engine is immutable and thread-safe, so one per process serves every worker thread
            self._engine = lt_py.Engine(
                language,
                enabled_rules=sorted(self.rules.enabled_rules),
                disabled_rules=sorted(self.rules.disabled_rules),
                enabled_categories=sorted(self.rules.enabled_categories),
                disabled_categories=sorted(self.rules.disabled_categories),
            )
        except Exception as exc:  # unknown language, missing data package
            raise BackendUnavailable(f"lingotweaker cannot check {language}: {exc}") from exc

    def settings(self) -> dict[str, Any]:
        return {"backend": self.name, "language": self.language, "version": self.version(), **self.rules.settings()}

    def version(self) -> str:
        try:
            return metadata.version("lingotweaker")
        except metadata.PackageNotFoundError:  # pragma: no cover
            return "unknown"

    def check(self, text: str) -> list[GrammarMatch]:
        try:
            raw = self._engine.check(text)
        except Exception as exc:
            raise BackendFailed(f"lingotweaker failed: {exc}") from exc
        if not raw:
            return []
        table = byte_to_char_offsets(text)
        matches = []
        for item in raw:
            start = table[item["offset"]]
            end = table[item["offset"] + item["length"]]
            match = GrammarMatch(
                start,
                end,
                item["rule_id"],
                item["message"],
                tuple(item.get("suggestions") or ()),
                item.get("category_id") or "MISC",
                item.get("issue_type") or "uncategorized",
                self.name,
            )
            # lingotweaker 0.2.8 honours ``disabled_rules`` only for pattern rules, and ignores
            # category lists, so the lists are applied here as well
            if self.rules.allows(match):
                matches.append(match)
        return matches

    def check_many(self, texts: list[str]) -> list[list[GrammarMatch]]:
        return check_batched(self.check, texts, BATCH_CHARS)
