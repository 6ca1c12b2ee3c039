"""Protects names and rare words from spelling "corrections" (Blinken -> Blinked, Lavrov -> Pavlov).

Every checker's unknown words are mostly names, and news text is full of them. A spelling or
confusable match is dropped when the word it would change is

- a proper noun or part of a named entity according to spaCy's English pipeline, or
- capitalised in the middle of a sentence anywhere in the document, or capitalised more than once
  (a word that recurs capitalised is a name, whatever its dictionary status), or
- listed in ``protected_words`` (a corpus lexicon the user keeps).

Splitting a run-together word ("prioritywe" -> "priority we") keeps every letter and is not a
correction, so it passes the guard.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import cached_property

from pipeline.grammar.match import GrammarMatch
from pipeline.text.lexical import zipf
from pipeline.text.nlp import parse_paragraph
from pipeline.text.segment import Span

_WORD = re.compile(r"[^\W\d_][\w’'\-]*", re.UNICODE)
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")  # camel case: SpaceX, SpaceTEC, iPhone, McCain
_ENTITY_TYPES = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
GUARDED_CATEGORIES = {"TYPOS", "CONFUSED_WORDS", "PROPER_NOUNS"}
COMMON_WORD_ZIPF = 5.0  # "until", "government": a suggestion this common is a real correction


DICTIONARY_RULE_PREFIXES = ("MORFOLOGIK_", "HUNSPELL", "HARPER_")


def is_guarded_kind(match: GrammarMatch) -> bool:
    """Dictionary spelling and confusable matches are the ones that would rewrite a name.

    LanguageTool's pattern rules ("Bare in mind", "The Untied States") match words in context and
    name the fix, so they pass; it is the dictionary checkers (Morfologik, Harper) that flag every
    word they do not know, and most such words in news are names."""
    if not match.rule_id.startswith(DICTIONARY_RULE_PREFIXES):
        return False
    return match.issue_type == "misspelling" or match.category_id in GUARDED_CATEGORIES


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
        if sentence is None:
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
        if not is_guarded_kind(match):
            return None
        span = self.text[match.start : match.end]
        if only_splits(span, match.suggestions):
            return None
        self.checked += 1
        reason = self._reason(match.start, match.end, span, match.suggestions)
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
