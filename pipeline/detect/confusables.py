"""Real-word confusions ("could loose" for "could lose"), confirmed by language-model gain.

Every occurrence of a word of ``data/lexicons/confusables.tsv`` is a candidate: the sentence is
scored as written and with the word swapped for each partner (one batched ``gains`` call for the
document), and the word is flagged only when the swapped sentence is far more likely. The flag
carries the partner as its ``suggestion``; the rewriter applies it when its own guards pass.

A part-of-speech cue lowers the bar: the word straight after "not" or a modal, parsed by spaCy as
the verb there ("must not waiver", "could effect"), where a noun or adjective of the lexicon cannot
stand. Without it the gain must be large, so that correct uses ("a tax waiver", "the waiver was
granted") are never flagged.

The LM is the one the rewrite stage loads (one per process); when the rewriter does not run this
detector does nothing, and it fails soft when no model can be loaded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from pipeline.detect.base import DetectContext, Finding, LanguageModelDetector
from pipeline.lexicons.confusables import confusable_pairs
from pipeline.text.lexical import match_case

# nats the swapped sentence must gain. On the clean control set (tests/data/clean_news) the best
# swap gains -1.0 (council -> counsel); real confusions gain 6-12 ("could loose" 6.9, "city
# counsel" 11.5), correct uses lose ("a tax waiver" -9.3).
MIN_GAIN = 6.0
MIN_GAIN_POS_CUE = 2.0  # the word sits in a verb slot after "not" or a modal ("could effect": 2.1)
_MAX_CANDIDATES = 60  # per document: a bound on LM work
# "to" is left out: spaCy tags any word after it as a verb ("referred to counsel")
_VERB_SLOT = frozenset("not will would can could shall should may might must n't never cannot".split())
_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")


def _noun_in_verb_slot(sentence: str, start: int, end: int) -> bool:
    """The word follows "not" or a modal and spaCy parses it as the verb there (fails soft)."""
    before = re.findall(r"[A-Za-z']+", sentence[:start])
    if not before or before[-1].lower() not in _VERB_SLOT:
        return False
    try:
        from pipeline.text.nlp import parse_paragraph

        doc = parse_paragraph(sentence)
    except Exception:
        return False
    token = next((t for t in doc if t.idx == start), None)
    return token is not None and token.pos_ in {"VERB", "AUX"}


class ConfusableWordDetector(LanguageModelDetector):
    id = "grammar.confusable"
    version = "1"

    def settings(self) -> dict[str, Any]:
        return {
            **super().settings(),
            "min_gain": MIN_GAIN,
            "min_gain_pos_cue": MIN_GAIN_POS_CUE,
            "lexicon_words": len(confusable_pairs()),
        }

    def candidates(self, context: DetectContext) -> list[tuple[int, int, str, str, str, int]]:
        """(start, end, partner, sentence, swapped sentence, sentence start) for each lexicon word and partner."""
        pairs = confusable_pairs()
        found = []
        for sentence in context.sentences:
            for match in _WORD.finditer(sentence.text):
                word = match.group()
                for partner in pairs.get(word.lower(), ()):
                    a, b = match.start(), match.end()
                    option = match_case(partner, word)
                    swapped = sentence.text[:a] + option + sentence.text[b:]
                    found.append(
                        (sentence.start + a, sentence.start + b, option, sentence.text, swapped, sentence.start)
                    )
                    if len(found) >= _MAX_CANDIDATES:
                        return found
        return found

    def detect(self, context: DetectContext) -> Iterable[Finding]:
        ready = self.candidates_and_scorer(context)
        if ready is None:
            return []
        found, scorer = ready
        gains = scorer.gains([(c[3], c[4]) for c in found])
        best: dict[tuple[int, int], tuple[float, str, str, int]] = {}
        for (start, end, option, original, _swapped, s0), gain in zip(found, gains):
            if (start, end) not in best or gain > best[(start, end)][0]:
                best[(start, end)] = (gain, option, original, s0)
        findings = []
        for (start, end), (gain, option, original, s0) in sorted(best.items()):
            if gain < MIN_GAIN_POS_CUE:
                continue
            cue = _noun_in_verb_slot(original, start - s0, end - s0)
            if gain < (MIN_GAIN_POS_CUE if cue else MIN_GAIN):
                continue
            word = context.text[start:end]
            findings.append(
                Finding(
                    category="grammar",
                    start=start,
                    end=end,
                    message=(
                        f"“{word}” is likely confused with “{option}”; the language model prefers "
                        f"“{option}” by {gain:.1f} nats"
                    ),
                    detector=self.id,
                    confidence=0.7 if cue else 0.6,
                    suggestion=option,
                    apply=False,
                    details={"lm_gain": round(float(gain), 2), "pos_cue": cue, "original": word},
                )
            )
        return findings
