"""Broken sentences that need a parse: missing boundaries, stray capitals, fragments, cut clauses.

Checks run on running text only (paragraphs that end in sentence punctuation); headline-like lines
are the boilerplate stage's business. Sentence boundaries come from the rule-based segmenter, which
follows the punctuation actually in the text, and parts of speech from spaCy's small English model.

- a capitalised function word mid-sentence followed by lowercase text ("over the hills They
  had"): a sentence boundary went missing;
- a capitalised common noun mid-sentence between lowercase words ("bread and Milk rose");
- a sentence that starts with a bare singular noun and a prepositional phrase, then breaks off at a
  dash or comma ("... the budget on Monday. Renovation of the station – at a cost ..."): a spurious full stop
  split one clause in two;
- fragments with no finite verb in running text;
- a sentence that ends on an article, a conjunction or "of";
- a short attribution whose object is a bare "this"/"that" ("Its chief executive announced that to staff."):
  the statement it attributes was split off into another sentence;
- a paragraph of running text whose last sentence stops without punctuation (truncated).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from typing import Any

from pipeline.detect.base import DetectContext, Detector, Finding
from pipeline.text.inflection import can_be_verb
from pipeline.text.lexical import CLOSED_CLASS, SENTENCE_ADVERBS, SUBORDINATORS, words, zipf
from pipeline.text.nlp import parse_paragraphs
from pipeline.text.segment import Span
from pipeline.text.shape import ends_like_sentence, is_list_item

FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
SPEECH_LEMMAS = frozenset({"say", "tell", "announce", "report", "state", "confirm", "add"})
# passive attributions typical of translated copy; "This was confirmed by ..." is ordinary English
PASSIVE_SPEECH_LEMMAS = frozenset({"say", "state", "report", "tell", "inform", "write"})
# words a finished sentence does not end on: articles, conjunctions, and prepositions that are never
# left stranded ("what they came for." is fine; "... aid to the people of." is not)
DANGLING_ENDS = frozenset(
    "the a an their our my your and or but nor of than because although whereas into onto toward towards "
    "among amid despite via including".split()
)
# what may stand before a sentence-initial capital inside a line: colons, dashes, brackets and every
# opening quotation mark (guillemets and low-9 quotes are the norm in text translated from Russian,
# French, German or Polish)
_OPENERS = frozenset({":", "“", '"', "(", "—", "–", "-", "‘", "'", "[", ";", "«", "»", "„", "‚", "‹", "›", "「", "『"})


class SentenceStructureDetector(Detector):
    id = "broken.syntax"
    version = "4"

    def detect(self, context: DetectContext) -> Iterable[Finding]:
        all_sentences = context.sentences
        sentence_starts = [s.start for s in all_sentences]
        running = [p for p in context.paragraphs if not is_list_item(p.text) and _is_running_text(p.text)]
        for para, doc in parse_paragraphs(running):
            start = para.start
            sentences = [
                s
                for s in all_sentences[
                    bisect_left(sentence_starts, para.start) : bisect_left(sentence_starts, para.end)
                ]
            ]
            quoted = _quoted_ranges(para)
            token_starts = [start + t.idx for t in doc]
            previous: Any = None
            for index, sentence in enumerate(sentences):
                tokens = list(doc[bisect_left(token_starts, sentence.start) : bisect_left(token_starts, sentence.end)])
                if not tokens:
                    continue
                yield from self._capitals(tokens, start)
                if not any(a <= sentence.start < b for a, b in quoted):
                    # quoted speech may be elliptical; it is checked for capitals only
                    yield from self._fragment(sentence, tokens, index, len(sentences))
                    yield from self._dependent_clause(sentence, tokens, len(sentences))
                    yield from self._dangling_end(sentence, tokens, start)
                    yield from self._split_attribution(sentence, tokens, index)
                if previous is not None:
                    yield from self._split_clause(previous, sentence, tokens, start)
                previous = sentence
            if len(sentences) >= 2 and not ends_like_sentence(para.text):
                last = sentences[-1]
                yield Finding(
                    "broken_sentence", last.start, last.end, "paragraph stops mid-sentence (truncated?)", self.id, 0.7
                )

    def _capitals(self, tokens: list[Any], offset: int) -> Iterable[Finding]:
        for position in range(1, len(tokens) - 1):
            token, before, after = tokens[position], tokens[position - 1], tokens[position + 1]
            word = token.text
            if len(word) < 2 or not word.istitle() or not word.isalpha() or word == "I":
                continue
            if before.text in _OPENERS or before.text.endswith((".", "!", "?")) or not after.text[:1].islower():
                continue  # after an abbreviation ending a sentence ("in the U.S. They ...") a capital is right
            if not after.is_alpha:
                continue
            lower = word.lower()
            # sentence adverbs are never names, whatever the tagger makes of a capitalised one
            if lower in SENTENCE_ADVERBS or (lower in CLOSED_CLASS and token.tag_ not in ("NNP", "NNPS")):
                yield Finding(
                    "broken_sentence",
                    offset + before.idx,
                    offset + after.idx + len(after.text),
                    f"capitalised '{word}' mid-sentence: a sentence boundary may be missing",
                    self.id,
                    0.75,
                    # the words as written, only the capital lowered (spacing and quotes kept)
                    suggestion=token.doc.text[before.idx : token.idx]
                    + lower
                    + token.doc.text[token.idx + len(word) : after.idx + len(after.text)],
                )
            elif (
                token.tag_ in ("NN", "NNS", "VB", "VBD", "VBG", "VBN", "VBZ", "VBP")
                and token.ent_type_ in ("", "CARDINAL", "QUANTITY", "ORDINAL")
                and before.text[:1].islower()
                and before.is_alpha
                and zipf(lower) >= 3.5
            ):
                yield Finding(
                    "broken_sentence",
                    offset + token.idx,
                    offset + token.idx + len(word),
                    f"common word '{word}' capitalised mid-sentence",
                    self.id,
                    0.6,
                    suggestion=lower,
                )

    def _fragment(self, sentence: Span, tokens: list[Any], index: int, count: int) -> Iterable[Finding]:
        content = [t for t in tokens if t.is_alpha]
        if len(content) < 4 or count < 2 or sentence.text[:1] in "“\"‘'(":
            return
        if any(t.tag_ in FINITE_TAGS for t in tokens):
            return
        # news style uses a few verbless sentences on purpose: a "label: value" line, a superlative
        # ("The highest level since 2008.")
        if any(t.text == ":" or t.tag_ in ("JJS", "RBS") or t.lower_ in ("first", "last") for t in tokens):
            return
        # without a finite verb, any verb form still counts (the tagger often reads a finite verb as a
        # participle), unless the sentence opens like a dependent clause ("Despite the sanctions imposed ...")
        dependent = tokens[0].lower_ in SUBORDINATORS or tokens[0].lower_ == "despite"
        if not dependent and any(t.pos_ in ("VERB", "AUX") for t in tokens):
            return
        if any(_verb_read_as_noun(tokens, k) for k in range(1, len(tokens) - 1)):
            return
        yield Finding("broken_sentence", sentence.start, sentence.end, "fragment with no finite verb", self.id, 0.6)

    def _dependent_clause(self, sentence: Span, tokens: list[Any], count: int) -> Iterable[Finding]:
        """A subordinate or relative clause standing as a sentence ("Because the roads were closed.")."""
        first = tokens[0]
        if count < 2 or len(tokens) < 4 or not sentence.text.endswith("."):
            return
        subordinate = first.dep_ == "mark" and first.head.dep_ == "ROOT" and first.lower_ in SUBORDINATORS
        relative = first.lower_ in ("which", "whom", "whose")
        if subordinate or relative:
            yield Finding(
                "broken_sentence",
                sentence.start,
                sentence.end,
                f"'{first.text} ...' clause standing alone: split from its main clause by a full stop?",
                self.id,
                0.6,
            )

    def _dangling_end(self, sentence: Span, tokens: list[Any], offset: int) -> Iterable[Finding]:
        words_only = [t for t in tokens if t.is_alpha]
        if len(words_only) < 3 or not ends_like_sentence(sentence.text):
            return
        last = words_only[-1]
        # the word before the final mark ("... aid to the people of."); "moved to the U.S." ends on a name
        if last.text.lower() in DANGLING_ENDS and last is tokens[-2] and tokens[-1].is_punct:
            yield Finding(
                "broken_sentence",
                offset + last.idx,
                sentence.end,
                f"sentence ends on '{last.text}': words are missing",
                self.id,
                0.75,
            )

    def _split_attribution(self, sentence: Span, tokens: list[Any], index: int) -> Iterable[Finding]:
        if index == 0 or len(tokens) > 12:
            return
        root = next((t for t in tokens if t.dep_ == "ROOT"), None)
        if root is None or root.lemma_ not in SPEECH_LEMMAS:
            return
        children = list(root.children)
        if any(c.dep_ == "dobj" and c.lower_ in ("this", "that", "so") and not list(c.children) for c in children):
            yield Finding(
                "broken_sentence",
                sentence.start,
                sentence.end,
                "attribution split from the statement it belongs to",
                self.id,
                0.55,
            )
        elif (
            root.lemma_ in PASSIVE_SPEECH_LEMMAS
            and any(c.dep_ == "nsubjpass" and c.lower_ in ("this", "it") for c in children)
            and any(c.dep_ == "agent" for c in children)
        ):
            yield Finding(
                "broken_sentence",
                sentence.start,
                sentence.end,
                'attribution split from its statement ("This was stated by ...")',
                self.id,
                0.5,
            )

    def _split_clause(self, previous: Span, sentence: Span, tokens: list[Any], offset: int) -> Iterable[Finding]:
        first = tokens[0]
        if first.ent_type_ or len(tokens) < 4 or tokens[1].tag_ != "IN":
            return
        if not (first.tag_ == "NN" or (first.tag_ == "NNP" and zipf(first.lower_) >= 4.0)):
            return
        for token in tokens[2:]:
            if token.tag_ in FINITE_TAGS or token.pos_ in ("VERB", "AUX"):
                return
            if token.text in ("–", "—", "-", ",", ";"):
                break
        else:
            return
        # the noun phrase must have no verb of its own: any finite verb after the break is an inverted
        # attribution ("..., said a senior official"), not a predicate ("..., officials said, was low")
        for position, token in enumerate(tokens):
            if token.tag_ not in FINITE_TAGS:
                continue
            following = tokens[position + 1] if position + 1 < len(tokens) else None
            inverted = (
                token.lemma_ in SPEECH_LEMMAS and following is not None and following.tag_ in ("DT", "JJ", "NNP", "NN")
            )
            if not inverted:
                return
        tail = re.search(r"(?:\S+\s+){0,2}\S+$", previous.text)
        start = previous.start + tail.start() if tail else previous.start
        text_tail = previous.text[start - previous.start :]
        end = offset + tokens[2].idx + len(tokens[2].text)
        noun_phrase = sentence.text[: end - sentence.start]
        yield Finding(
            "broken_sentence",
            start,
            end,
            "sentence split mid-clause by a spurious full stop",
            self.id,
            0.6,
            suggestion=f"{text_tail.rstrip('.')} {noun_phrase[0].lower()}{noun_phrase[1:]}",
        )


def _quoted_ranges(para: Span) -> list[tuple[int, int]]:
    """Offsets (in the text) covered by quotations in ``para``; an unclosed one runs to the end."""
    ranges = []
    for pattern in (r"“[^”]*(?:”|$)", r'"[^"]*(?:"|$)'):
        for match in re.finditer(pattern, para.text):
            ranges.append((para.start + match.start(), para.start + match.end()))
    return ranges


def _is_running_text(paragraph: str) -> bool:
    return ends_like_sentence(paragraph) or len(words(paragraph)) > 25


def _verb_read_as_noun(tokens: list[Any], k: int) -> bool:
    """Whether ``tokens[k]``, tagged a noun, is more likely the finite verb the tagger missed: a verb
    form that agrees with the noun before it and is followed by a determiner, a pronoun or a number
    ("the calls concern the payments", "the report shows a rise")."""
    token, before, after = tokens[k], tokens[k - 1], tokens[k + 1]
    agrees = (before.tag_ in ("NNS", "NNPS") and token.tag_ == "NN") or (
        before.tag_ in ("NN", "NNP") and token.tag_ == "NNS"
    )
    return agrees and after.tag_ in ("DT", "PRP$", "PRP", "CD") and can_be_verb(token.text)
