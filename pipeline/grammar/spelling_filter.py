"""Which dictionary spelling flags are worth a reviewer's time.

Dictionary spell checkers (LanguageTool's Morfologik rule, Harper's spelling lint) flag every word
missing from their word list. Besides names (see :mod:`pipeline.grammar.name_guard`), two kinds of
such words are not misspellings in news text:

- words in common use whose suggestion is not much more common: dialect variants ("favourite",
  "defence" under en-US; mixing them is the consistency detector's business) and everyday words
  the dictionary lacks. Real typos are rare ("goverment": Zipf 2.7 against 5.5 for "government");
- spellings of the other main dialect ("mouldy" -> "moldy" under en-US), by respelling patterns;
- a fragment cut off by an ellipsis ("...nd both", "operat..."), which is truncation, not a typo;
- closed or hyphenless compounds of two common content words ("drugmaker", "weekslong"): news
  coins them freely and no dictionary lists them all. A run glued to a function word
  ("prioritythe", "eachother") is not a compound and stays flagged.

Word frequencies come from ``wordfreq`` (Zipf scale: 3 = once per million words).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.grammar.match import GrammarMatch
from pipeline.text.lexical import edit_distance, zipf
from pipeline.text.word_formation import GLUE_WORDS, dialect_respellings, foreign_word, plausible_compound

DICTIONARY_RULES = ("MORFOLOGIK_RULE_", "HARPER_Spelling")
COMMON_ZIPF = 3.0  # at least once per million words
MARGIN = 1.0  # the suggestion must be ten times more common to overrule a common word
_ELLIPSIS = ("...", "…")


def is_dictionary_match(match: GrammarMatch) -> bool:
    return match.rule_id.startswith(DICTIONARY_RULES)


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def not_a_misspelling(match: GrammarMatch, text: str, dialect: str | None = None) -> str | None:
    """Why a spelling match should be dropped, or None to keep it."""
    word = text[match.start : match.end]
    if match.suggestions and all(s != word and strip_accents(s) == word for s in match.suggestions):
        return "only adds diacritics (English news usually drops them: Erdogan, Antonio Guterres)"
    if not is_dictionary_match(match):
        return None
    if text[max(0, match.start - 3) : match.start].endswith(_ELLIPSIS) or text[match.end : match.end + 3].startswith(
        _ELLIPSIS
    ):
        return "fragment cut off by an ellipsis"
    if part_of_apostrophe_word(text, match.start, match.end):
        return "part of a word joined by an apostrophe (a contraction or a name: ain't, She'arim)"
    if not re.fullmatch(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", word):
        return None  # glued or mixed tokens are for the split logic, not for frequency
    if plausible_compound(word) and not likely_typo(word, tuple(s for s in match.suggestions if s.isalpha())):
        # ("publically" splits into "public" + "ally" but is one letter from "publicly")
        return "a compound of two common words"
    best = match.suggestions[0] if match.suggestions else ""
    frequency = zipf(word)
    if not word.isascii():
        return "a word with letters English spells without (a foreign word or a name)"
    if foreign_word(word, frequency):
        return "a common word of another language (a foreign word or title, not a typo)"
    if best and best != word and best.lower() == word.lower():
        if word.islower() and (best.isupper() or len(word) <= SHORT_WORD):
            # "cpu" -> "CPU", "url" -> "URL", "fr" -> "Fr": abbreviations, units and code in lower
            # case are house style, not misspellings
            return "only recases an abbreviation (lower-case abbreviations and units are style)"
        # "monday" -> "Monday", "paris" -> "Paris": a well-known name written lower case is an
        # error; a rare one ("jira", "zigbee") is a product or user name styled that way
        return None if frequency >= COMMON_ZIPF else "only recases a rare word (a name styled in lower case)"
    glue = best and best.lower() != word.lower() and re.sub(r"\W", "", best).lower() == word.lower()
    if glue and _phrasezipf(best) >= COMMON_ZIPF:
        if not glued_to_function_word(best) and not re.search(r"[a-z][A-Z]", word):
            # "jetlag" -> "jet lag", "rollup" -> "roll up": two content words written closed are a
            # compound (a house-style question), not a run of words that lost their space; a
            # capital inside ("HomeBreaking") is two words that did lose it
            return "a closed compound of two content words"
        return None  # "alot" -> "a lot", "prioritythe" -> "priority the": glue, whatever its frequency
    if frequency >= COMMON_ZIPF and (not best or frequency + MARGIN >= zipf(best)):
        return "a word in common use"
    if is_other_dialect_spelling(word, match.suggestions):
        return "a spelling of the other English dialect"
    if len(word) <= SHORT_WORD and word.islower() and frequency >= SHORT_KNOWN_ZIPF:
        return "a short word in use (an abbreviation, symbol or foreign particle more often than a typo)"
    if not likely_typo(word, match.suggestions):
        return "no frequent word a typo away (a rare, technical or foreign word the dictionary lacks)"
    if not clear_typo(word, match.suggestions):
        return "not one keystroke from a common word (more often a foreign, technical or rare word than a typo)"
    return None


CLEAR_TYPO_MIN_LETTERS = 5  # shorter unknown words are abbreviations, symbols and particles...
CLEAR_TYPO_SHORT_TARGET_ZIPF = 6.0  # ...unless they miss one of the commonest words ("teh", "feom")
CLEAR_TYPO_TARGET_ZIPF = 3.5  # an unattested string must miss a common word...
ATTESTED_TYPO_TARGET_ZIPF = 3.0  # ...a misspelling people write ("accomodated") a fairly common one


def clear_typo(word: str, suggestions: tuple[str, ...]) -> bool:
    """Whether ``word`` is one keystroke (a letter inserted, dropped, replaced or two letters
    swapped) from a much more common word among the first suggestions: "embarassment",
    "stoppped", "amendmnets", "teh". Dictionary checkers also flag every Latin tag, program name
    and rare word ("donec", "dockerd", "correlator"), and in news text those outnumber typos, so
    a spelling flag needs this much evidence; two-keystroke misses ("corrdiors") go unflagged.
    A misspelling wordfreq has seen people write ("accomodated", Zipf 1.5) may miss a less common
    word than a string nobody writes ("dockerd", Zipf 0)."""
    if len(word) < 3:
        return False
    if len(word) < CLEAR_TYPO_MIN_LETTERS:
        needed = CLEAR_TYPO_SHORT_TARGET_ZIPF
    else:
        needed = ATTESTED_TYPO_TARGET_ZIPF if zipf(word) > 0 else CLEAR_TYPO_TARGET_ZIPF
    return _common_neighbour(word, suggestions, 1, True, needed)


def part_of_apostrophe_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is the letters on one side of an apostrophe inside a word: the
    checker split the token there, and a piece of it ("ain" of "ain't") is no word to spell-check."""
    before = text[max(0, start - 2) : start]
    after = text[end : end + 2]
    return (len(before) == 2 and before[1] in "'’" and before[0].isalpha()) or (
        len(after) == 2 and after[0] in "'’" and after[1].isalpha()
    )


SHORT_WORD = 3  # "mc", "ith", "ibn": any short string is a typo or two away from a common word
SHORT_KNOWN_ZIPF = 2.0
TYPO_DISTANCE = 2  # letters inserted, deleted or replaced
TYPO_TARGET_ZIPF = 3.0  # what a typo was meant to be is a word in common use...
TYPO_MARGIN = 1.5  # ...and much more common than the typo (common typos are in wordfreq too)


def likely_typo(word: str, suggestions: tuple[str, ...]) -> bool:
    """Whether one of the first suggestions is what ``word`` was probably meant to be: at most
    ``TYPO_DISTANCE`` edits away, in common use and much more common than ``word``
    ("goverment" -> "government", "recieve" -> "receive"). A word with no such neighbour is a
    rare, technical or foreign word the dictionary lacks ("halogenation", "zigbee", "scienze"),
    and a suggestion that only changes case ("jira" -> "Jira") is not a spelling fix."""
    return _common_neighbour(word, suggestions, TYPO_DISTANCE, False, TYPO_TARGET_ZIPF)


def _common_neighbour(
    word: str, suggestions: tuple[str, ...], max_edits: int, transpositions: bool, needed_zipf: float
) -> bool:
    """Whether one of the first three suggestions is at most ``max_edits`` from ``word``, at least
    ``needed_zipf`` common and ``TYPO_MARGIN`` more common than ``word``."""
    frequency = zipf(word)
    lowered = word.lower()
    for suggestion in suggestions[:3]:
        target = suggestion.lower()
        if target == lowered or edit_distance(lowered, target, transpositions) > max_edits:
            continue
        if word.islower() and not suggestion.islower():
            continue  # "jira" -> "IRA": a lower-case word is not a misspelt name or acronym
        common = _phrasezipf(suggestion)
        if common >= needed_zipf and common >= frequency + TYPO_MARGIN:
            return True
    return False


def _phrasezipf(text: str) -> float:
    """The frequency of the rarest word of ``text`` ("a lot": that of "lot")."""
    parts = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", text)
    return min((zipf(p) for p in parts), default=0.0)


def glued_to_function_word(split: str) -> bool:
    """Whether a suggested split ("a lot", "priority the", "every time", "In order") has a
    function word among its parts: words that lost the space between them, as opposed to a
    compound of two content words ("jet lag", "euros id")."""
    parts = [p.lower() for p in re.findall(r"[^\W\d_]+", split)]
    return len(parts) < 2 or any(p in GLUE_WORDS for p in parts)


def is_other_dialect_spelling(word: str, suggestions: tuple[str, ...]) -> bool:
    """Whether a suggestion is ``word`` respelt by one British/American pattern: a dialect
    variant ("mouldy" -> "moldy"), which the consistency detector handles, not a typo."""
    respelt = set(dialect_respellings(word.lower()))
    return any(suggestion.lower() in respelt for suggestion in suggestions[:3])


# ---------------------------------------------------------------------------------------------
# Clearly misspelt: safe to correct without a reviewer
# ---------------------------------------------------------------------------------------------

CLEAR_MAX_EDITS = 2  # letters inserted, dropped, replaced or two swapped ("goverment": 1, "recieve": 1)
CLEAR_SHORT_WORD = 5  # words this short may be one edit from their correction at most...
CLEAR_SHORT_MAX_EDITS = 1  # ...as any short string is two edits from some common word
CLEAR_TARGET_ZIPF = 3.5  # the correction is a word in common use (about 1 in 300,000 words)...
CLEAR_GAP = 1.5  # ...and at least ~30 times more common than the word as written...
CLEAR_RIVAL_GAP = 1.0  # ...and ~10 times more common than any other suggestion as close to the word


@dataclass(frozen=True)
class Misspelling:
    """The verdict of :func:`clearly_misspelt`; true when the word is clearly misspelt."""

    clear: bool
    why: str
    correction: str | None = None  # the suggestion it is a misspelling of
    distance: int | None = None  # edits from the word to the correction
    gap: float | None = None  # Zipf frequency of the correction minus that of the word

    def __bool__(self) -> bool:
        return self.clear


def clearly_misspelt(word: str, suggestions: Sequence[str]) -> Misspelling:
    """Whether ``word`` is clearly a misspelling of its checker's first suggestion, so that the
    correction may be applied without a reviewer. The one place that decides it (the rewriter's
    ``misspelling`` guard asks here too).

    Word lists built from web text (wordfreq) contain frequent misspellings ("goverment" has Zipf
    2.7, "recieve" 2.8), so being *unknown* is the wrong test. Neither lingotweaker nor Harper
    gives a confidence, so the evidence is the shape of the suggestion:

    - **edit distance**: the correction is at most ``CLEAR_MAX_EDITS`` edits away (a letter
      inserted, dropped, replaced, or two adjacent letters swapped), one for words of up to
      ``CLEAR_SHORT_WORD`` letters;
    - **frequency ratio**: the correction is in common use (Zipf >= ``CLEAR_TARGET_ZIPF``) and at
      least ``CLEAR_GAP`` Zipf points (about 30 times) more common than the word as written: a
      rare word, a name or a foreign word is not much rarer than its nearest English neighbour
      ("dockerd" has no common neighbour; "Darko" -> "Dark" is a name, guarded before this);
    - **one suggestion or many**: with several suggestions, no other one as close may be within
      ``CLEAR_RIVAL_GAP`` of the correction's frequency ("wirk": "work" or "wink"?); a single
      suggestion has no rival.

    Not clear either: a word that is not a single token of letters, a suggestion that only changes
    case, a closed compound of two common words that the suggestion splits ("drugmaker" -> "drug
    maker"; a respelling such as "arguement" -> "argument" is a typo), a spelling of the other English
    dialect ("colour"), a common word of another language ("delle"), a lower-case word whose
    suggestion is capitalised (a name or acronym: "jira" -> "IRA"), and a camel-case word (a brand
    such as "SunShot" is not a run of two words).
    """
    if not re.fullmatch(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", word):
        return Misspelling(False, "not a single word")
    if re.search(r"[a-z][A-Z]", word):
        return Misspelling(False, "camel case (a brand or a name: SunShot, iPhone)")
    lowered = word.lower()
    candidates = [s for s in suggestions if s.strip() and s.lower() != lowered]
    if not candidates:
        return Misspelling(False, "no suggestion that changes more than case")
    best = candidates[0]
    distance = edit_distance(lowered, best.lower(), transpositions=True)
    limit = CLEAR_SHORT_MAX_EDITS if len(word) <= CLEAR_SHORT_WORD else CLEAR_MAX_EDITS
    if distance > limit:
        return Misspelling(False, "too far from the suggestion", best, distance)
    if word.islower() and not best.islower():
        return Misspelling(False, "a lower-case word with a capitalised suggestion (a name or acronym)", best, distance)
    own = zipf(word)
    target = _phrasezipf(best)
    gap = round(target - own, 2)
    if target < CLEAR_TARGET_ZIPF:
        return Misspelling(False, "the suggestion is not a common word", best, distance, gap)
    if gap < CLEAR_GAP:
        return Misspelling(False, "not much rarer than the suggestion", best, distance, gap)
    for rival in candidates[1:]:
        if rival.lower() == best.lower():
            continue  # the same word in other capitals ("independent", "Independent")
        close = edit_distance(lowered, rival.lower(), transpositions=True) <= distance
        if close and _phrasezipf(rival) >= target - CLEAR_RIVAL_GAP:
            return Misspelling(False, f"another suggestion is about as likely ({rival})", best, distance, gap)
    if re.sub(r"[\s-]", "", best.lower()) == lowered and plausible_compound(word):
        return Misspelling(False, "a closed compound of two common words", best, distance, gap)
    if is_other_dialect_spelling(word, tuple(candidates)):
        return Misspelling(False, "a spelling of the other English dialect", best, distance, gap)
    if foreign_word(word, own):
        return Misspelling(False, "a common word of another language", best, distance, gap)
    return Misspelling(True, "clearly misspelt", best, distance, gap)
