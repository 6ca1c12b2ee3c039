"""The lexical layer every stage shares: word frequencies, function words, tokens, casing, edit distance.

One place for each, so that a detector, the grammar filters and the rewriter's guards agree on what
a "common word" or a "function word" is.

- Frequencies come from ``wordfreq`` (a PyPI package with its data inside, so nothing is fetched at
  run time), always from its ``large`` English list (``WORDLIST``). A word's Zipf frequency (log10
  of occurrences per billion words; 3 = once per million words) is the project's unigram model:
  "prioritywe" has none, "priority" and "we" are both frequent, so the split is the likelier reading.
- Closed-class words are listed here because they are a property of English, not of a corpus.
- Edit distance is RapidFuzz's (C++), not our own loop.
"""

from __future__ import annotations

import re
from functools import lru_cache

WORDLIST = "large"
WORDFREQ_VERSION = f"wordfreq-en-{WORDLIST}"

PRONOUNS = frozenset("he she it we they you i him her them us me his its their our my your this these those".split())
DETERMINERS = frozenset("the a an its their his her our my your this that these those every each some any no".split())
COORDINATORS = frozenset("and or but nor".split())
SUBORDINATORS = frozenset(
    "because although though while if unless whereas since as when where after before until whether".split()
)
PREPOSITIONS = frozenset(
    "of in on at to for with from by about into onto over under between among against during without within "
    "through across toward towards than upon via".split()
)
AUXILIARIES = frozenset(
    "is are was were be been has have had do does did will would can could should may might must".split()
)
QUANTIFIERS = frozenset(
    "all both some many most several few each every much more other one two three four five".split()
)
# Adverbs that open sentences in news prose; capitalised mid-sentence, they mark a lost boundary.
SENTENCE_ADVERBS = frozenset(
    """however meanwhile therefore moreover furthermore nevertheless nonetheless according also earlier later
    then thus instead besides otherwise additionally currently previously recently finally subsequently""".split()
)
CLOSED_CLASS = PRONOUNS | DETERMINERS | COORDINATORS | SUBORDINATORS | PREPOSITIONS | AUXILIARIES
# Every short word that carries grammar rather than content: what glues to a neighbour when a space
# is lost ("prioritythe", "eachother"), and what a name or compound is not made of.
FUNCTION_WORDS = (
    CLOSED_CLASS
    | QUANTIFIERS
    | frozenset(
        "there here which who whom whose what why how not also so yet then shall being ones hers ours theirs "
        "go up".split()
    )
)
# Particles and prepositions that also build ordinary closed compounds ("overtime", "underway",
# "outcome", "upstream", "bystander"): glued to a word, they do not show a lost space.
COMPOUND_PARTICLES = frozenset("in on over under out up by off down back through after about across".split())

# A word: letters (any script) with inner apostrophes or hyphens; or a number with inner separators.
WORD = re.compile(r"[^\W\d_](?:[\w'’-]*[^\W_])?|\d(?:[\d,.:/]*\d)?")


def words(text: str) -> list[str]:
    """Word and number tokens in order, punctuation dropped ("people.Wolfgang" -> people, Wolfgang)."""
    return WORD.findall(text)


@lru_cache(maxsize=65536)
def zipf(word: str, lang: str = "en") -> float:
    """Zipf frequency of ``word`` (case-insensitive) in ``lang``; 0.0 for unknown words.

    English uses the ``large`` list; other languages (used to recognise foreign words) their best list.
    """
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), lang, wordlist=WORDLIST if lang == "en" else "best")


@lru_cache(maxsize=4)
def most_frequent(count: int) -> frozenset[str]:
    """The ``count`` most frequent English words (lower case): a stoplist built the way jusText's are
    (the most frequent words of a large corpus), from the same ``wordfreq`` list as :func:`zipf`."""
    from wordfreq import top_n_list

    return frozenset(w.lower() for w in top_n_list("en", count, wordlist=WORDLIST))


def is_known(word: str, threshold: float = 1.0) -> bool:
    """Whether ``word`` is attested often enough to be a word of its own."""
    return zipf(word) >= threshold


def is_common(word: str, threshold: float = 3.0) -> bool:
    """Whether ``word`` is a frequent English word (Zipf 3: roughly the 30,000 most frequent)."""
    return zipf(word) >= threshold


def match_case(replacement: str, model: str) -> str:
    """``replacement`` with the capitalisation of ``model``: all capitals (WAIVER -> WAVER), a capital
    first letter (Waiver -> Waver), else unchanged. Callers lower-case the replacement first when a
    lower-case model must lower it too."""
    if model.isupper() and len(model) > 1:
        return replacement.upper()
    if model[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def edit_distance(a: str, b: str, transpositions: bool = False) -> int:
    """Levenshtein distance (insertions, deletions, substitutions); with ``transpositions``, two
    adjacent letters swapped count as one edit (optimal string alignment: "recieve" -> 1)."""
    from rapidfuzz.distance import OSA, Levenshtein

    return int((OSA if transpositions else Levenshtein).distance(a, b))
