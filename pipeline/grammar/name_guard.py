"""Protects names and rare words from "corrections" (Blinken -> Blinked, a surname Ive -> I've).

Every checker's unknown words are mostly names, and news text is full of them.

A match of **any** rule is dropped when it would change a word that the document itself shows to
be a name (:attr:`NameGuard.names`): a capitalised word right after a capitalised first name
("sculptor Nadia Wont", "Wont said"), or a word capitalised more than once, at least once in the
middle of a sentence. Surnames that look like contractions or common words ("Ive", "Wont",
"Long") are found by pattern rules as well as by the dictionary, so this applies to every checker.

A dictionary spelling or confusable match is also dropped when the word it would change is

- a proper noun or part of a named entity according to spaCy's English pipeline, or
- capitalised in the middle of a sentence anywhere in the document, or capitalised more than once
  (a word that recurs capitalised is a name, whatever its dictionary status), or
- listed in ``protected_words`` (a corpus lexicon the user keeps).

Splitting a run-together word ("prioritywe" -> "priority we") keeps every letter and is not a
correction, so it passes the guard.
"""

from __future__ import annotations

import bisect
import importlib
import pkgutil
import re
from collections import Counter
from functools import cached_property, lru_cache
from pathlib import Path

from pipeline.grammar.match import GrammarMatch
from pipeline.text.lexical import FUNCTION_WORDS, zipf
from pipeline.text.nlp import parse_paragraph
from pipeline.text.segment import Span

_WORD = re.compile(r"[^\W\d_][\w’'\-]*", re.UNICODE)
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")  # camel case: SpaceX, SpaceTEC, iPhone, McCain
_ENTITY_TYPES = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
GUARDED_CATEGORIES = {"TYPOS", "CONFUSED_WORDS", "PROPER_NOUNS"}
COMMON_WORD_ZIPF = 5.0  # "until", "government": a suggestion this common is a real correction
MAX_PARSE_CHARS = 5000  # a longer "sentence" (a scraped run with no stop) is not parsed: the other tests still apply


DICTIONARY_RULE_PREFIXES = ("MORFOLOGIK_", "HUNSPELL", "HARPER_")


def is_guarded_kind(match: GrammarMatch) -> bool:
    """Dictionary spelling and confusable matches are the ones that would rewrite a name.

    LanguageTool's pattern rules ("Bare in mind", "The Untied States") match words in context and
    name the fix, so they pass; it is the dictionary checkers (Morfologik, Harper) that flag every
    word they do not know, and most such words in news are names."""
    if not match.rule_id.startswith(DICTIONARY_RULE_PREFIXES):
        return False
    return match.issue_type == "misspelling" or match.category_id in GUARDED_CATEGORIES


FIRST_NAMES = Path(__file__).resolve().parent.parent / "data" / "grammar" / "first_names.txt"


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Given names (lower case) in Latin script: ``pipeline/data/grammar/first_names.txt``, about
    20,000 names of some 60 locales from Faker's person providers (see :func:`build_first_names`)."""
    lines = FIRST_NAMES.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def build_first_names() -> list[str]:
    """The first-name list from an installed ``Faker`` (MIT): every locale's ``first_names`` in
    Latin script, less English function words ("An", "My", "Will" are in some lists, and start
    sentences far more often than they name anyone)."""
    import faker.providers.person as person

    found: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        try:
            provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        except (ImportError, AttributeError):
            continue
        for attribute in ("first_names", "first_names_male", "first_names_female"):
            names = vars(provider).get(attribute)
            if isinstance(names, dict):
                names = list(names)
            if isinstance(names, (list, tuple)):
                found.update(
                    n.lower() for n in names if isinstance(n, str) and n.isalpha() and all(ord(c) < 0x250 for c in n)
                )
    return sorted(found - FUNCTION_WORDS)


def only_splits(span: str, suggestions: tuple[str, ...]) -> bool:
    """True when the span looks glued (all lower case, a case change inside, or punctuation inside)
    and every suggestion keeps its letters and only adds spaces or punctuation. "Tayyip" ->
    "Tay yip" is not a split: a capitalised word with no inner capital is a name."""
    if re.search(r"\s", span):
        return False  # "a while" -> "awhile" joins words; a split starts from one token
    glued = span.islower() or re.search(r"[a-z][A-Z]|\w[.,;:!?]\w", span) is not None
    letters = re.sub(r"\W", "", span)
    return glued and bool(suggestions) and all(re.sub(r"\W", "", s) == letters and s != span for s in suggestions)


class NameGuard:
    """Built once per document text; answers whether a match would touch a protected word."""

    def __init__(
        self, text: str, sentences: list[Span], protected_words: frozenset[str] = frozenset(), use_spacy: bool = True
    ):
        self.text = text
        self.sentences = sentences
        self.protected_words = {w.lower() for w in protected_words}
        self.use_spacy = use_spacy
        self.checked = 0
        self.blocked = 0
        self._starts = [s.start for s in sentences]

    @cached_property
    def _capitalised_words(self) -> set[str]:
        """Lower-cased forms that occur capitalised mid-sentence, or capitalised at least twice."""
        sentence_starts = {s.start for s in self.sentences}
        counts: Counter[str] = Counter()
        mid_sentence: set[str] = set()
        for sentence in self.sentences:
            first = True
            for m in _WORD.finditer(self.text, sentence.start, sentence.end):
                word = m.group()
                if word[0].isupper():
                    counts[word.lower()] += 1
                    if not first and m.start() not in sentence_starts and not _after_opening(self.text, m.start()):
                        mid_sentence.add(word.lower())
                first = False
        return mid_sentence | {w for w, n in counts.items() if n >= 2}

    @cached_property
    def names(self) -> frozenset[str]:
        """Lower-cased words that are names by this document's own evidence, for every rule.

        - capitalised right after a capitalised first name, with one space between ("Nadia Wont");
        - capitalised at least twice, once or more in the middle of a sentence (not after an
          opening quote or bracket), and not a function word: title-case headlines capitalise
          "Its" and "There", which no reader takes for a name.
        """
        given = first_names()
        sentence_starts = set(self._starts)
        counts: Counter[str] = Counter()
        mid_sentence: set[str] = set()
        after_first_name: set[str] = set()
        for sentence in self.sentences:
            previous: re.Match[str] | None = None
            for m in _WORD.finditer(self.text, sentence.start, sentence.end):
                word = m.group()
                if word[0].isupper():
                    lowered = word.lower()
                    counts[lowered] += 1
                    if (
                        previous is not None
                        and m.start() not in sentence_starts
                        and not _after_opening(self.text, m.start())
                    ):
                        mid_sentence.add(lowered)
                    if (
                        previous is not None
                        and previous.group()[0].isupper()
                        and previous.group().lower() in given
                        and self.text[previous.end() : m.start()] == " "
                    ):
                        after_first_name.add(lowered)
                previous = m
        recurring = {w for w in mid_sentence if counts[w] >= 2 and w not in FUNCTION_WORDS}
        return frozenset(after_first_name | recurring)

    def changes_a_name(self, match: GrammarMatch) -> str | None:
        """Why ``match`` would change a name of this document (any rule), or None: the span holds a
        capitalised word of :attr:`names` and the first suggestion does not keep it (or there is
        no suggestion at all).

        A pattern rule whose match spans the whole name, two capitalised words or more ("Ronald
        Regan" -> "Ronald Reagan", "Walter Read", "Jack Daniels"), is a rule written for that name
        and passes: on LanguageTool's examples this finds 28 more errors and raises 2 more false
        alarms (benchmarks/README.md). A one-word match ("Ive" -> "I've") is a misreading of the name."""
        names = self.names
        if not names:
            return None
        span = self.text[match.start : match.end]
        touched = [w for w in _WORD.findall(span) if w[:1].isupper() and w.lower() in names]
        if not touched:
            return None
        capitalised = [w for w in _WORD.findall(span) if w[:1].isupper()]
        if len(capitalised) >= 2 and not match.rule_id.startswith(DICTIONARY_RULE_PREFIXES):
            return None
        kept = set(_WORD.findall(match.suggestions[0])) if match.suggestions else set()
        lost = [w for w in touched if w not in kept]
        return f"a name of this document ({lost[0]})" if lost else None

    def _sentence_for(self, start: int) -> Span | None:
        """The sentence holding ``start`` (sentences are in text order and do not overlap)."""
        index = bisect.bisect_right(self._starts, start) - 1
        if index < 0:
            return None
        sentence = self.sentences[index]
        return sentence if start < sentence.end else None

    def _tokens_at(self, start: int, end: int) -> list:
        """spaCy tokens of the sentence around ``start`` that overlap ``start:end`` (none without spaCy).

        The sentence is parsed on its own (its paragraph's context misleads the tagger on broken
        text: "Untill now" becomes a named entity), through the shared parse cache."""
        sentence = self._sentence_for(start) if self.use_spacy else None
        if sentence is None or sentence.end - sentence.start > MAX_PARSE_CHARS:
            return []
        return [
            token
            for token in parse_paragraph(self.text[sentence.start : sentence.end])
            if sentence.start + token.idx < end and start < sentence.start + token.idx + len(token.text)
        ]

    def _spacy_protected(self, start: int, end: int) -> str | None:
        for token in self._tokens_at(start, end):
            if token.ent_type_ in _ENTITY_TYPES:
                return f"named entity ({token.ent_type_})"
            if token.pos_ == "PROPN":
                return "proper noun"
        return None

    def _spacy_entity(self, start: int, end: int) -> str | None:
        """A proper noun that is also part of a named entity, at ``start:end``."""
        for token in self._tokens_at(start, end):
            if token.pos_ == "PROPN" and token.ent_type_ in _ENTITY_TYPES:
                return f"named entity ({token.ent_type_}) at a sentence start"
        return None

    def protects(self, match: GrammarMatch) -> str | None:
        """Why ``match`` (offsets into this text) must not be applied or shown, or None."""
        span = self.text[match.start : match.end]
        if only_splits(span, match.suggestions):
            return None
        if not is_guarded_kind(match):
            reason = self.changes_a_name(match)
            if reason:
                self.checked += 1
                self.blocked += 1
            return reason
        self.checked += 1
        reason = self.changes_a_name(match) or self._reason(match.start, match.end, span, match.suggestions)
        if reason:
            self.blocked += 1
        return reason

    def _reason(self, start: int, end: int, span: str, suggestions: tuple[str, ...] = ()) -> str | None:
        words = [w.lower() for w in _WORD.findall(span)]
        if any(w in self.protected_words for w in words):
            return "protected word"
        if any(any(c.isupper() for c in w) for w in _WORD.findall(span)) and any(
            w in self._capitalised_words for w in words
        ):
            return "recurs capitalised in the document"
        capitalised = [w for w in _WORD.findall(span) if any(c.isupper() for c in w)]
        if not capitalised:
            return None  # a name written in lower case is itself an error ("paris", "monday")
        if any(_INNER_CAPITAL.search(w) for w in capitalised):
            return "camel-case name (a product, brand or code name)"
        if self._sentence_initial(start):
            # spaCy calls most unknown sentence-initial words proper nouns; decide by the suggestion:
            # "Untill" -> "Until" is a typo, "Blinken" -> "Blinked" is not. A very common
            # suggestion ("Darko" -> "Dark") is overruled only when spaCy reads the word as a proper
            # noun *and* a named entity ("Darko would be relegated": PERSON; "Untill now": a noun)
            if not _common(suggestions):
                return "capitalised unknown word at a sentence start"
            return self._spacy_entity(start, end)
        if any(not w[:1].isupper() for w in capitalised):
            return "mixed-case name"  # el-Sadat, al-Assad
        return self._spacy_protected(start, end)

    def _sentence_initial(self, start: int) -> bool:
        sentence = self._sentence_for(start)
        return sentence is not None and not re.search(r"\w", self.text[sentence.start : start])


def _common(suggestions: tuple[str, ...]) -> bool:
    """Whether the first suggestion is a very common English word (wordfreq Zipf scale)."""
    if not suggestions:
        return False
    return zipf(suggestions[0]) >= COMMON_WORD_ZIPF


def _after_opening(text: str, position: int) -> bool:
    """A word right after an opening quote or bracket starts a quotation: capitals there say nothing."""
    before = text[max(0, position - 2) : position].strip()
    return bool(before) and before[-1] in "“\"‘'([:—–-"


if __name__ == "__main__":
    import sys

    if sys.argv[1:] != ["--build-first-names"]:
        raise SystemExit("usage: python -m pipeline.grammar.name_guard --build-first-names")
    import faker

    header = (
        "# Given names in Latin script, lower case, one a line: the first-name lists of the person providers of\n"
        f"# Faker {faker.VERSION} (MIT licence, https://github.com/joke2k/faker), less English function words.\n"
        "# Rebuilt by: python -m pipeline.grammar.name_guard --build-first-names (needs Faker installed)\n"
    )
    FIRST_NAMES.write_text(header + "\n".join(build_first_names()) + "\n", encoding="utf-8")
