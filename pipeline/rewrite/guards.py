"""Guards: the checks a candidate rewrite must pass before it is applied.

Each guard returns a :class:`GuardResult` that goes into the edit's ``details`` whether it passed
or not, so the reviewer sees why a suggestion was held back. The hard guards (numbers and dates,
names, number of changed words) need no model; the soft ones compare model scores to thresholds.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from pipeline.text.lexical import edit_distance, words, zipf

MONTHS_AND_DAYS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow".split()
)
NAME_ENTITY_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}
)
_NUMBER = re.compile(r"\d+(?:[.,:/-]\d+)*")


@dataclass(frozen=True)
class GuardResult:
    name: str
    passed: bool
    value: Any
    threshold: Any = None

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if k != "name"}


def numbers_and_dates(original: str, candidate: str) -> GuardResult:
    """Every number, month and weekday of the original, and nothing more, in the candidate."""

    def facts(text: str) -> Counter:
        found = Counter(_NUMBER.findall(text))
        found.update(w.lower() for w in words(text) if w.lower() in MONTHS_AND_DAYS)
        return found

    before, after = facts(original), facts(candidate)
    changed = sorted(((before - after) + (after - before)).elements())
    return GuardResult("numbers_dates", not changed, changed)


def protected_names(sentence: str) -> frozenset[str]:
    """Words of ``sentence`` that are names: spaCy entities and proper nouns, plus rare capitalised words.

    The frequency check catches names spaCy misses in broken text ("Blinken", "Lavrov"): a
    capitalised word whose lowercase form is rare in English is treated as a name.
    """
    from pipeline.text.nlp import parse_paragraph

    names: set[str] = set()
    parsed = parse_paragraph(sentence)
    for entity in parsed.ents:
        if entity.label_ in NAME_ENTITY_LABELS:
            names.update(w for w in words(entity.text) if w[:1].isupper())
    for token in parsed:
        if token.pos_ == "PROPN" and token.text[:1].isupper() and zipf(token.text.lower()) < 5.0:
            names.add(token.text)
    for word in words(sentence):
        if word[:1].isupper() and zipf(word.lower()) < 3.0:
            names.add(word)
    return frozenset(names)


def names_unchanged(original: str, candidate: str, names: Iterable[str]) -> GuardResult:
    """Each name keeps its spelling and count; no new capitalised word that was not there before.

    Reordering names is allowed ("Cross Red International" -> "International Red Cross"):
    the calque detector flags name word order precisely because it is wrong. So is splitting a
    glued run, which changes only spaces and punctuation.
    """
    if _letters(original) == _letters(candidate):
        # only spaces and punctuation moved ("NewsU.S." -> "News U.S."): no name can be respelled
        return GuardResult("names", True, {"lost": [], "new": [], "respaced_only": True})
    protected = set(names)
    before = Counter(w for w in words(original) if w in protected)
    after_words = words(candidate)
    after = Counter(w for w in after_words if w in protected)
    lost = sorted((before - after).elements())
    known_lower = {w.lower() for w in words(original)}
    invented = sorted({w for w in after_words if w[:1].isupper() and w.lower() not in known_lower})
    return GuardResult("names", not lost and not invented, {"lost": lost, "new": invented})


def _letters(text: str) -> str:
    return re.sub(r"[\W_]+", "", text)


def changed_words(original: str, candidate: str, limit: int) -> GuardResult:
    """How many words the candidate replaces, inserts or deletes (punctuation and case are free)."""
    a = [w.lower() for w in words(original)]
    b = [w.lower() for w in words(candidate)]
    if Counter(a) == Counter(b):
        # a reordering: count the words that moved
        count = sum(1 for x, y in zip(a, b) if x != y)
    else:
        count = 0
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
            if tag != "equal":
                count += max(i2 - i1, j2 - j1)
    return GuardResult("changed_words", count <= limit, count, limit)


def similarity(value: float, threshold: float) -> GuardResult:
    return GuardResult("similarity", value >= threshold, round(value, 4), threshold)


def lm_gain(value: float, threshold: float) -> GuardResult:
    return GuardResult("lm_gain", value >= threshold, round(value, 3), threshold)


CLEAR_TYPO_DISTANCE = 2  # at most this many letters changed for a clear misspelling
FREQUENT_ZIPF = 3.0  # the corrected words must be in common use


def clear_misspelling(original: str, candidate: str, start: int, end: int) -> GuardResult:
    """A spelling flag may only lead to an applied change of a word that is clearly misspelt.

    Dictionaries lack many legitimate words (rare, technical, foreign, new compounds such as
    "weekslong" or "drugmaker"), so a spelling flag is a weak signal: the change passes only when
    the flagged word is unknown to wordfreq, is not a compound of two common words, and the
    candidate changes nothing but that word, into frequent words at most
    ``CLEAR_TYPO_DISTANCE`` letters away ("recieve" -> "receive", "prioritythe" -> "priority the").
    Otherwise the candidate can still be offered as a suggestion.
    """
    from pipeline.grammar.spelling_filter import plausible_compound

    word = original[start:end]
    tail = len(original) - end
    replacement = candidate[start : len(candidate) - tail] if len(candidate) >= start + tail else None
    value: dict[str, Any] = {"word": word}
    if (
        replacement is None
        or candidate[:start] != original[:start]
        or candidate[len(candidate) - tail :] != original[end:]
    ):
        return GuardResult("misspelling", False, {**value, "why": "changes words outside the flagged one"})
    value["replacement"] = replacement
    tokens = words(word)
    if len(tokens) != 1 or tokens[0] != word.strip():
        return GuardResult("misspelling", False, {**value, "why": "not a single word"})
    if zipf(word) > 0:
        return GuardResult("misspelling", False, {**value, "why": "a word in use (wordfreq)"})
    if plausible_compound(word):
        return GuardResult("misspelling", False, {**value, "why": "a compound of common words"})
    distance = edit_distance(word.lower(), replacement.lower())
    new_words = words(replacement)
    rare = [w for w in new_words if zipf(w) < FREQUENT_ZIPF]
    passed = 0 < distance <= CLEAR_TYPO_DISTANCE and bool(new_words) and not rare
    why = "clear misspelling" if passed else ("replaced by rare words" if rare else "too far from the word")
    return GuardResult("misspelling", passed, {**value, "distance": distance, "why": why}, CLEAR_TYPO_DISTANCE)


def hard_guards(original: str, candidate: str, names: Iterable[str], max_changed_words: int) -> list[GuardResult]:
    """The guards that need no model, cheap enough to run on every candidate."""
    return [
        numbers_and_dates(original, candidate),
        names_unchanged(original, candidate, names),
        changed_words(original, candidate, max_changed_words),
    ]
