"""Word frequencies and closed word classes shared by the glued-word and broken-sentence detectors.

Frequencies come from ``wordfreq`` (a PyPI package with its data inside, so nothing is fetched at
run time). A word's Zipf frequency (log10 of occurrences per billion words) is our unigram language
model: "prioritywe" has none, "priority" and "we" are both frequent, so the split is the likelier
reading. Closed-class words are listed here because they are a property of English, not of a corpus.
"""

from __future__ import annotations

from functools import lru_cache

WORDFREQ_VERSION = "wordfreq-en-large"

PRONOUNS = frozenset("he she it we they you i him her them us me his its their our my your this these those".split())
DETERMINERS = frozenset("the a an its their his her our my your this that these those every each some any no".split())
COORDINATORS = frozenset("and or but nor".split())
SUBORDINATORS = frozenset("because although though while if unless whereas since as when where after before until whether".split())
PREPOSITIONS = frozenset(
    "of in on at to for with from by about into onto over under between among against during without within "
    "through across toward towards than upon via".split()
)
AUXILIARIES = frozenset("is are was were be been has have had do does did will would can could should may might must".split())
# Adverbs that open sentences in news prose; capitalised mid-sentence, they mark a lost boundary.
SENTENCE_ADVERBS = frozenset(
    """however meanwhile therefore moreover furthermore nevertheless nonetheless according also earlier later
    then thus instead besides otherwise additionally currently previously recently finally subsequently""".split()
)
CLOSED_CLASS = PRONOUNS | DETERMINERS | COORDINATORS | SUBORDINATORS | PREPOSITIONS | AUXILIARIES


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """Zipf frequency of ``word`` (case-insensitive) in English; 0.0 for unknown words."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "en", wordlist="large")


def is_known(word: str, threshold: float = 1.0) -> bool:
    """Whether ``word`` is attested often enough to be a word of its own."""
    return zipf(word) >= threshold


def is_common(word: str, threshold: float = 3.0) -> bool:
    """Whether ``word`` is a frequent English word (roughly the 30,000 most frequent)."""
    return zipf(word) >= threshold
