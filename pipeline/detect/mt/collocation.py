"""Intensifier collocations no English writer uses: "strong rain", "big attention", "high mistake".

Which adjective says "very" or "much" of a noun is a property of the noun, not of the meaning: English
has heavy rain, strong wind, high temperature, great attention, a big mistake, deep regret; Russian
says сильный дождь ("strong rain") and большое внимание ("big attention"), Romanian ploaie puternică.
Mel'čuk's lexical function Magn (Explanatory Combinatorial Dictionary; Mel'čuk 1996, "Lexical
Functions") names this choice, and learners and machine translation copy the source language's
(Nesselhauf 2003, "The use of collocations by advanced learners of English").

Candidates come from the parse: one of English's common Magn adjectives (``MAGN``) directly before
the common noun it modifies, outside names (a proper noun is not a candidate: "Great Britain",
"High Court"). The rewriter's language model compares the sentence with each of the other
intensifiers in the adjective's place; the pair is flagged only when one of them is far likelier
(``MIN_GAIN`` nats). The flag carries that adjective as its suggestion for the reviewer, and
``details.rewrite = False``: a 135M model's preference between two intensifiers is evidence, not a
fix the rewriter should apply on its own.

Calibrated on the ``article_text`` bodies of articles_dev (52,475 words of published English: one pair
of 55 gains more than 6 nats) and MLQE-PE dev (129 pairs in the MT, of which 13 gain more than 5
nats; 118 in the post-edits, of which 3): ``benchmarks/README.md``. Like the other language-model
detectors it runs only when the rewrite stage runs and loads no model of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from pipeline.detect.base import DetectContext, Finding, LanguageModelDetector
from pipeline.detect.mt.structure import parsed_prose
from pipeline.text.lexical import match_case

# English's frequent Magn adjectives: each intensifies its own nouns (heavy rain, strong wind, high
# price, great interest, deep concern, severe damage, big mistake, large number, hard work, ...)
MAGN = ("strong", "heavy", "big", "high", "large", "great", "hard", "deep", "severe", "intense", "major", "huge")
MIN_GAIN = 5.0  # nats the best other intensifier must gain over the one written
_MAX_CANDIDATES = 40  # per document: a bound on language-model work for pathological input
_TRIGGER = re.compile(rf"\b(?:{'|'.join(MAGN)})\b", re.IGNORECASE)


class IntensifierCollocationDetector(LanguageModelDetector):
    id = "mt.collocation"
    version = "1"

    def settings(self) -> dict[str, Any]:
        return {"enabled": self.enabled(), "lm_model": getattr(self.config, "lm_model", None), "min_gain": MIN_GAIN}

    def candidates(self, context: DetectContext) -> list[tuple[int, int, str, str, int]]:
        """(start, end) of each Magn adjective before its common noun, the noun, the sentence and the
        adjective's offset in it."""
        found = []
        for offset, doc in parsed_prose(context, _TRIGGER):
            for adjective in doc:
                noun = adjective.head
                if adjective.dep_ != "amod" or adjective.lower_ not in MAGN or adjective.tag_ != "JJ":
                    continue
                if noun.pos_ != "NOUN" or noun.i != adjective.i + 1 or adjective.ent_type_ or noun.ent_type_:
                    continue
                sentence = adjective.sent
                start = offset + adjective.idx
                found.append(
                    (start, start + len(adjective.text), noun.text, sentence.text, adjective.idx - sentence.start_char)
                )
                if len(found) >= _MAX_CANDIDATES:
                    return found
        return found

    def detect(self, context: DetectContext) -> Iterable[Finding]:
        ready = self.candidates_and_scorer(context)
        if ready is None:
            return []
        found, scorer = ready
        pairs: list[tuple[str, str]] = []
        plans: list[list[str]] = []
        for start, end, _noun, text, at in found:
            written = context.text[start:end]
            others = [match_case(a, written) for a in MAGN if a != written.lower()]
            plans.append(others)
            pairs.extend((text, text[:at] + other + text[at + len(written) :]) for other in others)
        gains = iter(scorer.gains(pairs))
        findings = []
        for (start, end, noun, _text, _at), others in zip(found, plans):
            scored = [(next(gains), other) for other in others]
            gain, best = max(scored)
            if gain < MIN_GAIN:
                continue
            written = context.text[start:end]
            findings.append(
                Finding(
                    category="mt_artefact",
                    start=start,
                    end=end,
                    message=(
                        f"“{written} {noun}”: English chooses the intensifier by the noun (heavy rain, great "
                        "attention) and a translation copies the source's (Russian 'сильный дождь' = 'strong rain'); "
                        f"the language model prefers “{best} {noun}” by {gain:.1f} nats"
                    ),
                    detector=self.id,
                    confidence=0.55,
                    suggestion=best,
                    details={"mqm": "Fluency/Unidiomatic", "lm_gain": round(gain, 2), "rewrite": False},
                )
            )
        return findings
