"""Which dictionary spelling flags are worth a reviewer's time.

Dictionary spell checkers (LanguageTool's Morfologik rule, Harper's spelling lint) flag every word
missing from their word list. Besides names (see :mod:`pipeline.grammar.name_guard`), two kinds of
such words are not misspellings in news text:

- words in common use whose suggestion is not much more common: dialect variants ("favourite",
  "defence" under en-US; mixing them is the consistency detector's business) and everyday words
  the dictionary lacks. Real typos are rare ("goverment": Zipf 2.7 against 5.5 for "government");
- spellings of the other main dialect ("mouldy" -> "moldy" under en-US), by respelling patterns;
- a fragment cut off by an ellipsis ("...nd both", "operat..."), which is truncation, not a typo.

Word frequencies come from ``wordfreq`` (Zipf scale: 3 = once per million words).
"""

from __future__ import annotations

import re
import unicodedata

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


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def not_a_misspelling(match: GrammarMatch, text: str, dialect: str | None = None) -> str | None:
    """Why a spelling match should be dropped, or None to keep it."""
    word = text[match.start : match.end]
    if match.suggestions and all(s != word and strip_accents(s) == word for s in match.suggestions):
        return "only adds diacritics (English news usually drops them: Erdogan, Antonio Guterres)"
    if not is_dictionary_match(match):
        return None
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
    if is_other_dialect_spelling(word, match.suggestions):
        return "a spelling of the other English dialect"
    return None


# British <-> American spelling patterns ("favourite"/"favorite", "defence"/"defense")
DIALECT_PAIRS = (
    ("our", "or"), ("ise", "ize"), ("isation", "ization"), ("yse", "yze"), ("tre", "ter"), ("ence", "ense"),
    ("ould", "old"), ("lled", "led"), ("lling", "ling"), ("ller", "ler"), ("llor", "lor"), ("ae", "e"), ("oe", "e"), ("ogue", "og"), ("mme", "m"), ("eable", "able"),
)


def is_other_dialect_spelling(word: str, suggestions: tuple[str, ...]) -> bool:
    """Whether a suggestion is ``word`` respelt by one British/American pattern: a dialect
    variant ("mouldy" -> "moldy"), which the consistency detector handles, not a typo."""
    lowered = word.lower()
    for suggestion in suggestions[:3]:
        target = suggestion.lower()
        for a, b in DIALECT_PAIRS:
            for old, new in ((a, b), (b, a)):
                index = lowered.find(old)
                while index >= 0:
                    if lowered[:index] + new + lowered[index + len(old) :] == target:
                        return True
                    index = lowered.find(old, index + 1)
    return False
