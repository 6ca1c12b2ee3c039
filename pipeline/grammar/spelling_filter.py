"""Which dictionary spelling flags are worth a reviewer's time.

Dictionary spell checkers (LanguageTool's Morfologik rule, Harper's spelling lint) flag every word
missing from their word list. Besides names (see :mod:`pipeline.grammar.name_guard`), two kinds of
such words are not misspellings in news text:

- words in common use whose suggestion is not much more common: dialect variants ("favourite",
  "defence" under en-US; mixing them is the consistency detector's business) and everyday words
  the dictionary lacks. Real typos are rare ("goverment": Zipf 2.7 against 5.5 for "government");
- spellings of the other main dialect ("mouldy" under en-US), checked with Harper's dictionary;
- a fragment cut off by an ellipsis ("...nd both", "operat..."), which is truncation, not a typo.

Word frequencies come from ``wordfreq`` (Zipf scale: 3 = once per million words).
"""

from __future__ import annotations

import re
import threading

from pipeline.grammar.match import GrammarMatch

DICTIONARY_RULES = ("MORFOLOGIK_RULE_", "HARPER_Spelling")
COMMON_ZIPF = 3.0  # at least once per million words
MARGIN = 1.0  # the suggestion must be ten times more common to overrule a common word
_ELLIPSIS = ("...", "…")


def is_dictionary_match(match: GrammarMatch) -> bool:
    return match.rule_id.startswith(DICTIONARY_RULES)


def _zipf(word: str) -> float:
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - wordfreq comes with the nlp extra
        return 0.0
    return zipf_frequency(word, "en")


def not_a_misspelling(match: GrammarMatch, text: str, dialect: str | None = None) -> str | None:
    """Why a dictionary spelling match should be dropped, or None to keep it."""
    if not is_dictionary_match(match):
        return None
    word = text[match.start : match.end]
    if text[max(0, match.start - 3) : match.start].endswith(_ELLIPSIS) or text[match.end : match.end + 3].startswith(_ELLIPSIS):
        return "fragment cut off by an ellipsis"
    if not re.fullmatch(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", word):
        return None  # glued or mixed tokens are for the split logic, not for frequency
    best = match.suggestions[0] if match.suggestions else ""
    if best and re.sub(r"\W", "", best).lower() == word.lower() and best != word:
        return None  # "alot" -> "a lot": glue, whatever its frequency
    frequency = _zipf(word)
    if frequency >= COMMON_ZIPF and (not best or frequency + MARGIN >= _zipf(best)):
        return "a word in common use"
    if dialect and is_other_dialect_spelling(word, dialect):
        return "a spelling of the other English dialect"
    return None


_OTHER_DIALECT = {"en-US": "BRITISH", "en-GB": "AMERICAN", "en-CA": "BRITISH", "en-AU": "AMERICAN"}
_linters = threading.local()


def is_other_dialect_spelling(word: str, dialect: str) -> bool:
    """Whether Harper's dictionary for the other main dialect knows ``word`` ("mouldy" under en-US)."""
    other = _OTHER_DIALECT.get(dialect)
    if other is None:
        return False
    try:
        import harper
    except ImportError:  # pragma: no cover - harper-py comes with the grammar extra
        return False
    linter = getattr(_linters, other, None)
    if linter is None:  # Harper linters are not thread-safe: one per thread
        linter = harper.Linter(getattr(harper.Dialect, other))
        setattr(_linters, other, linter)
    # Harper reports misspellings under several kinds (Spelling, Typo, WordChoice): any lint at all
    # on the bare word means the other dialect does not know it either
    return not linter.lint(word, language=harper.Language.PLAINTEXT)
