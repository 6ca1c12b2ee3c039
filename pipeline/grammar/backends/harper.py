"""Harper (``harper-py``): a fast offline Rust checker, strongest on run-together words
("prioritywe"), unclosed quotes and spacing; weak on names, which it "corrects" (Blinken ->
Blinked), so its spelling lints only ever become guarded flags.

Lints are translated to LanguageTool's vocabulary: rule id ``HARPER_<LintKind>``, a LanguageTool
category id and issue type, so rule lists and report grouping are shared with the other backends.
A ``harper.Linter`` is not thread-safe: one is kept per thread.
"""

from __future__ import annotations

import threading
from importlib import metadata
from typing import Any

from pipeline.grammar.backends.base import BackendFailed, BackendUnavailable, GrammarBackend, check_batched
from pipeline.grammar.match import GrammarMatch

# Harper lint kind -> (LanguageTool category id, issue type)
KIND_MAP: dict[str, tuple[str, str]] = {
    "Spelling": ("TYPOS", "misspelling"),
    "Typo": ("TYPOS", "misspelling"),
    "BoundaryError": ("TYPOS", "misspelling"),
    "Repetition": ("MISC", "duplication"),
    "Punctuation": ("PUNCTUATION", "typographical"),
    "Formatting": ("TYPOGRAPHY", "typographical"),
    "Capitalization": ("CASING", "typographical"),
    "Agreement": ("GRAMMAR", "grammar"),
    "Grammar": ("GRAMMAR", "grammar"),
    "WordChoice": ("CONFUSED_WORDS", "grammar"),
    "Usage": ("CONFUSED_WORDS", "grammar"),
    "Eggcorn": ("CONFUSED_WORDS", "grammar"),
    "Malapropism": ("CONFUSED_WORDS", "grammar"),
    "Style": ("STYLE", "style"),
    "Readability": ("STYLE", "style"),
    "Redundancy": ("REDUNDANCY", "style"),
    "Enhancement": ("STYLE", "style"),
    "Regionalism": ("REGIONALISMS", "locale-violation"),
}

BATCH_CHARS = 5000  # paragraphs joined into one call up to about this size (see check_batched)

DIALECTS = {"en-US": "AMERICAN", "en-GB": "BRITISH", "en-AU": "AUSTRALIAN", "en-CA": "CANADIAN", "en-IN": "INDIAN"}


class HarperBackend(GrammarBackend):
    name = "harper"

    def __init__(self, language: str = "en-US", spelling: bool = True):
        try:
            import harper
        except ImportError as exc:
            raise BackendUnavailable("harper-py is not installed: pip install 'postedit[grammar]'") from exc
        if language not in DIALECTS:
            raise BackendUnavailable(f"Harper has no dialect for {language}")
        self._harper = harper
        self.language = language
        self.spelling = spelling
        self._dialect = getattr(harper.Dialect, DIALECTS[language])
        self._local = threading.local()
        # fail early, in prepare(), if Harper cannot start; the first lint of a linter also pays a
        # one-off set-up of several seconds, which belongs to loading, not to the first document
        self._linter().lint("Harper warms up here.", language=harper.Language.PLAINTEXT)

    def _linter(self):
        linter = getattr(self._local, "linter", None)
        if linter is None:
            linter = self._harper.Linter(self._dialect)
            if not self.spelling:
                # the dictionary lookup with suggestions for every unknown word (names, mostly) is
                # about two thirds of Harper's time; when its spelling lints are not used, skip it
                config = linter.get_lint_config()
                linter.set_lint_config({**config, "SpellCheck": False})
            self._local.linter = linter
        return linter

    def settings(self) -> dict[str, Any]:
        return {"backend": self.name, "language": self.language, "spelling": self.spelling, "version": self.version()}

    def version(self) -> str:
        try:
            return metadata.version("harper-py")
        except metadata.PackageNotFoundError:  # pragma: no cover
            return "unknown"

    def check(self, text: str) -> list[GrammarMatch]:
        try:
            lints = self._linter().lint(text, language=self._harper.Language.PLAINTEXT)
        except Exception as exc:
            raise BackendFailed(f"Harper failed: {exc}") from exc
        matches = []
        for lint in lints:
            start, end = lint.span.start, lint.span.end
            span = text[start:end]
            kind = str(lint.lint_kind)
            category, issue = KIND_MAP.get(kind, ("MISC", "uncategorized"))
            suggestions = tuple(self._replacement(span, s) for s in lint.suggestions)
            if span and not span.strip() and kind in ("Punctuation", "Formatting"):
                issue = "whitespace"
            matches.append(
                GrammarMatch(start, end, f"HARPER_{kind}", lint.message, suggestions, category, issue, self.name)
            )
        return matches

    def check_many(self, texts: list[str]) -> list[list[GrammarMatch]]:
        return check_batched(self.check, texts, BATCH_CHARS)

    def _replacement(self, span: str, suggestion) -> str:
        kinds = self._harper.SuggestionKind
        if suggestion.kind == kinds.REMOVE:
            return ""
        if suggestion.kind == kinds.INSERT_AFTER:
            return span + suggestion.replacement_text
        return suggestion.replacement_text
