"""Word-order calques the lexicons do not know, confirmed by language-model surprise.

``mt_word_order`` knows the head nouns and adjectives of institutional names; a calque built on
other words ("the Agency Atomic", "the Ministry of Affairs Foreign") slips past it. Here any
capitalised noun followed by adjective-shaped capitalised words (-al, -ic, -an, -ese, -ish, ...) is
a candidate, and the causal LM of the rewriter decides: the span is flagged only when the sentence
with the words in English order (reversed) is far more likely than the original. Names of people
and places (spaCy entities) are not candidates, and words English does put after a noun in names
("International", "General", "United") are never reordered on the LM's word alone: the small model
likes "International Amnesty" better than "Amnesty International".

The LM is the one the rewrite stage loads (one per process), so this costs little when the rewriter
runs; when it does not run (``rewrite`` off, or not among the configured stages) this detector does
nothing rather than load a model for the detect stage alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from pipeline.detect.base import DetectContext, Finding, LanguageModelDetector
from pipeline.detect.mt.word_order import CAPITALISED_RUN, english_order, is_title_case_line, name_lexicon
from pipeline.text.lexical import FUNCTION_WORDS
from pipeline.text.nlp import parse_paragraph

MIN_GAIN = 8.0  # nats the reordered sentence must gain; real calques gain 12+, name reversals lose
_ADJECTIVE_SHAPE = re.compile(r"[A-Z][a-z]+(?:al|ic|an|ese|ish|ive|ous|ern)$")
_NAME_ENTITIES = {"PERSON", "GPE", "LOC", "FAC"}
_MAX_CANDIDATES = 20  # per document: a bound on LM work for pathological input


def _adjective_like(word: str, known_adjectives: frozenset[str]) -> bool:
    return word in known_adjectives or bool(_ADJECTIVE_SHAPE.match(word))


def _is_candidate(paragraph: str, start: int, end: int) -> bool:
    """The span starts with a noun (spaCy) and is not inside a person's or place's name."""
    doc = parse_paragraph(paragraph)
    first = next((t for t in doc if t.idx == start), None)
    if first is None or first.pos_ not in {"NOUN", "PROPN"}:
        return False
    return not any(e.label_ in _NAME_ENTITIES and e.start_char < end and start < e.end_char for e in doc.ents)


class LMWordOrderDetector(LanguageModelDetector):
    id = "mt.word_order_lm"
    version = "2"

    def settings(self) -> dict[str, Any]:
        return {**super().settings(), "min_gain": MIN_GAIN}

    def candidates(self, context: DetectContext) -> list[tuple[int, int, str]]:
        """(start, end, English-order phrase) for each noun + postposed-adjective run outside names."""
        prenominal, chain, heads, _known = name_lexicon()
        found = []
        for paragraph in context.paragraphs:
            if is_title_case_line(paragraph.text):
                continue
            for run in CAPITALISED_RUN.finditer(paragraph.text):
                words = run.group().split(" ")
                offsets = [m.start() for m in re.finditer(r"\S+", run.group())]
                for i in range(len(words) - 1):
                    noun, after = words[i], words[i + 1]
                    if noun.lower() in FUNCTION_WORDS or _adjective_like(noun, prenominal):
                        continue
                    if not _adjective_like(after, prenominal) or after in chain:
                        continue
                    if noun in heads and after in prenominal:
                        continue  # mt_word_order flags these without a model
                    j = i + 2
                    while j < len(words) and _adjective_like(words[j], prenominal) and words[j] not in chain:
                        j += 1
                    start = run.start() + offsets[i]
                    end = start + len(" ".join(words[i:j]))
                    if not _is_candidate(paragraph.text, start, end):
                        continue
                    found.append((paragraph.start + start, paragraph.start + end, english_order(words[i:j])))
                    break
        return found[:_MAX_CANDIDATES]

    def detect(self, context: DetectContext) -> Iterable[Finding]:
        ready = self.candidates_and_scorer(context)
        if ready is None:
            return []
        found, scorer = ready
        pairs: list[tuple[str, str] | None] = []
        for start, end, reordered in found:
            sentence = next((s for s in context.sentences if s.start <= start and end <= s.start + len(s.text)), None)
            if sentence is None:
                pairs.append(None)
                continue
            a, b = start - sentence.start, end - sentence.start
            pairs.append((sentence.text, sentence.text[:a] + reordered + sentence.text[b:]))
        scored = scorer.gains([p for p in pairs if p is not None])
        gains = iter(scored)
        findings = []
        for (start, end, reordered), pair in zip(found, pairs):
            if pair is None:
                continue
            gain = next(gains)
            if gain < MIN_GAIN:
                continue
            findings.append(
                Finding(
                    category="mt_artefact",
                    start=start,
                    end=end,
                    message=(
                        "word order of a Romance or Slavic noun phrase inside a name (adjective after the "
                        f"noun); the language model prefers “{reordered}” by {gain:.1f} nats"
                    ),
                    detector=self.id,
                    confidence=0.65,
                    suggestion=reordered,
                    details={"pattern": "noun-adjective", "lm_gain": round(gain, 2)},
                )
            )
        return findings
