"""Fluency anomalies: words the language model finds far less likely than their frequency predicts.

Machine translation leaves errors no lexicon lists: a wrong word sense, a calqued phrase, a word
salad where the system lost the sentence. A causal LM sees them as surprise, but raw surprisal
mostly measures how rare a word is ("Tskhinvali" surprises any model). SLOR (syntactic
log-odds ratio) removes that part: a word's log-probability under the LM in its context minus its
unigram log-probability (Lau, Clark & Lappin 2017, "Grammaticality, acceptability, and
probability: a probabilistic view of linguistic knowledge", Cognitive Science 41(5); Kann, Rothe &
Filippova 2018, "Sentence-level fluency evaluation: references help, but can be spared!", CoNLL).
A rare word in a fitting context scores near zero; a common word where English would never put it
scores far below zero.

Here SLOR is computed per word: the LM log-probabilities (nats) of the word's tokens, summed, minus
the natural-log unigram probability from the project's one frequency list
(:func:`pipeline.text.lexical.zipf`: Zipf = log10 of occurrences per billion words, so
ln p = (Zipf - 9) * ln 10; unknown words count as Zipf 1). A word is an anomaly when it is rare
(Zipf < ``RARE_ZIPF``) and its SLOR is below ``-MAX_NEG_SLOR``, a threshold set where clean English
(human post-edited news sentences) shows about 0.5 such words per 1,000 words. Neighbouring words below half that threshold join the
span (at most ``MAX_SPAN_WORDS`` words). Words that are surprising for reasons other than fluency
are never anchors nor joined: the first word of a sentence (the LM has no context yet),
capitalised words (names), numbers, quoted words and anything that is not a plain word.

That is the default operating point, ``word_qe = "clean-text"``: flags that clean English almost
never gets. For input known to be raw machine translation, ``word_qe = "post-editing"`` asks the
word-level QE model instead (:mod:`pipeline.detect.mt.word_qe`: SLOR, the gap to the model's first
choice, entropy, the neighbours and the sentence, the kind of word; a logistic model fitted on human
post-edits) which words a post-editor would change, and marks those at the threshold with the best
mean per-direction word-level MCC: about one word in four of raw MT, as review hints
(``details["review_hint"] = True``) that the rewriter is not asked about (``details["rewrite"] = False``)
and that hide no grammar flag. At the clean-text budget that model found no more than SLOR does,
so the default keeps SLOR (numbers in benchmarks/README.md, "Word-level QE"). ``"off"``: no flags.

The LM is the rewriter's (``pipeline.lm.scorer.get_scorer``), each sentence scored once, in
batches; the detector runs only when the rewrite stage runs (``--no-rewrite`` runs no model). Flags
are ``mt_artefact`` without a suggestion; at the default point the rewriter's candidates and guards
decide whether anything is changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from pipeline.detect.base import DetectContext, Finding, LanguageModelDetector
from pipeline.detect.mt.word_qe import (
    PUNCTUATION,
    ZIPF_FLOOR,
    WordQEModel,
    flagged_spans,
    load_model,
    sentence_words,
    token_owners,
    unigram_logprob,
    word_spans,
)
from pipeline.text.lexical import zipf
from pipeline.text.segment import Span, sentences

# Calibrated on post-edited (clean) MT sentences: -15 nats is exceeded by ~0.5 words per 1,000
# (benchmarks/README.md, "Fluency anomalies"). The only tuned numbers are this and the span rule.
MAX_NEG_SLOR = 15.0
JOIN_FRACTION = 0.5  # a neighbour joins a span when its -SLOR is at least this share of the threshold
MAX_SPAN_WORDS = 3
# Only a word rarer than this (Zipf; 3 = once per million words) can start a span, and only sentences
# with such a word are scored. SLOR below -15 nats asks a common word for an LM probability below
# e^-(15 + |ln p_unigram|): on post-edited text 5 of 41 such flags were common words (all false
# alarms), on MT 7 of 178; the gate skips three sentences in four (the cost is the LM pass).
RARE_ZIPF = 3.0
MIN_SENTENCE_WORDS = 4  # shorter lines (headings, datelines) are not scored
MAX_SENTENCE_CHARS = 1000  # longer "sentences" are lists or tables, not prose
_PLAIN_WORD = re.compile(r"[a-z][a-z'’-]*")
_QUOTES = re.compile(r"[\"“”«»‘’'„]")


@dataclass(frozen=True)
class WordScore:
    """One whitespace token of a sentence: its core (without punctuation) and its SLOR."""

    start: int  # offsets of the core in the sentence
    end: int
    core: str
    slor: float | None  # None: not scored (cut off, or no token starts inside the core)
    eligible: bool  # may join a span
    rare: bool = False  # eligible and rarer than RARE_ZIPF: may start a span


def word_scores(sentence: str, offsets: Sequence[tuple[int, int]], logprobs: Sequence[float]) -> list[WordScore]:
    """Per-word SLOR from the LM's per-token log-probabilities and the tokens' character offsets.

    A token belongs to the word in whose core its first non-space character lies; tokens on the
    word's punctuation are not counted (the comma after a word is not the word's fault).
    """
    spans = word_spans(sentence)
    sums = [0.0] * len(spans)
    counted = [False] * len(spans)
    for owner, lp in zip(token_owners(sentence, spans, offsets), logprobs):
        if owner is not None and owner[1]:
            sums[owner[0]] += lp
            counted[owner[0]] = True
    result = []
    for k, ((s, e, cs, ce), total, seen) in enumerate(zip(spans, sums, counted)):
        core = sentence[cs:ce]
        eligible = (
            k > 0
            and seen
            and bool(_PLAIN_WORD.fullmatch(core))  # lower case: names, numbers, symbols excluded
            and not _QUOTES.search(sentence[s:e].replace(core, "", 1))  # a quoted word is cited, not written
        )
        slor = total - unigram_logprob(core) if seen and core else None
        result.append(WordScore(cs, ce, core, slor, eligible, eligible and zipf(core) < RARE_ZIPF))
    return result


def anomalous_spans(scores: Sequence[WordScore]) -> list[tuple[int, int, float]]:
    """(first word, last word, lowest SLOR) of each anomalous span, in order, not overlapping."""
    threshold = -MAX_NEG_SLOR
    join = -MAX_NEG_SLOR * JOIN_FRACTION

    def below(k: int, limit: float, anchor: bool = False) -> bool:
        s = scores[k]
        return (s.rare if anchor else s.eligible) and s.slor is not None and s.slor <= limit

    spans: list[tuple[int, int, float]] = []
    taken = -1
    for k in range(len(scores)):
        if k <= taken or not below(k, threshold, anchor=True):
            continue
        lo = hi = k
        while hi - lo + 1 < MAX_SPAN_WORDS and lo - 1 > taken and below(lo - 1, join):
            lo -= 1
        while hi - lo + 1 < MAX_SPAN_WORDS and hi + 1 < len(scores) and below(hi + 1, join):
            hi += 1
        worst = min(s.slor for s in scores[lo : hi + 1] if s.slor is not None)
        spans.append((lo, hi, worst))
        taken = hi
    return spans


def scorable(sentence: Span) -> bool:
    """Whether the detector scores this sentence: prose-sized, at least ``MIN_SENTENCE_WORDS`` words."""
    return len(sentence.text) <= MAX_SENTENCE_CHARS and len(sentence.text.split()) >= MIN_SENTENCE_WORDS


def scored_sentences(text: str) -> list[Span]:
    """The sentences of ``text`` the post-editing point scores, as the detect stage splits them."""
    return [s for s in sentences(text) if scorable(s)]


def _has_rare_word(sentence: str) -> bool:
    """Whether a word after the first is a plain lower-case word rarer than ``RARE_ZIPF``."""
    for token in sentence.split()[1:]:
        core = token.strip(PUNCTUATION)
        if _PLAIN_WORD.fullmatch(core) and zipf(core) < RARE_ZIPF:
            return True
    return False


class FluencyAnomalyDetector(LanguageModelDetector):
    id = "mt.fluency"
    version = "3"

    def enabled(self) -> bool:
        return super().enabled() and self.config.word_qe != "off"

    def reviewing(self) -> bool:
        """The post-editing operating point (word-level QE) rather than SLOR anomalies."""
        return self.config.word_qe == "post-editing"

    def qe_model(self) -> WordQEModel:
        return load_model()

    def settings(self) -> dict[str, Any]:
        values: dict[str, Any] = {**super().settings(), "operating_point": self.config.word_qe}
        if self.enabled() and self.reviewing():
            model = self.qe_model()
            return {**values, "threshold": model.thresholds["post-editing"], "fitted": model.provenance.get("fitted")}
        return {
            **values,
            "max_neg_slor": MAX_NEG_SLOR,
            "join_fraction": JOIN_FRACTION,
            "max_span_words": MAX_SPAN_WORDS,
            "zipf_floor": ZIPF_FLOOR,
            "rare_zipf": RARE_ZIPF,
        }

    def prepare(self) -> None:
        """Every document is scored, so the model loads with the stage (when the rewriter runs)."""
        if self.enabled():
            if self.reviewing():
                self.qe_model()
            self.scorer()

    def candidates(self, context: DetectContext) -> list:
        """The prose sentences; for SLOR anomalies only those with a word that could start a span
        (lower case, not first, rare); word-level QE scores every one."""
        found = [s for s in context.sentences if scorable(s)]
        return found if self.reviewing() else [s for s in found if _has_rare_word(s.text)]

    def detect(self, context: DetectContext) -> Iterable[Finding]:
        ready = self.candidates_and_scorer(context)
        if ready is None:
            return []
        found, scorer = ready
        if self.reviewing():
            return self._post_editing(context, found, scorer)
        texts = [s.text for s in found]
        logprobs = scorer.token_logprobs(texts)  # one pass per sentence, batched by length
        findings = []
        for sentence, values in zip(found, logprobs):
            offsets = scorer.token_offsets(sentence.text)
            scores = word_scores(sentence.text, offsets, values)
            for lo, hi, worst in anomalous_spans(scores):
                start, end = sentence.start + scores[lo].start, sentence.start + scores[hi].end
                span = context.text[start:end]
                findings.append(
                    Finding(
                        category="mt_artefact",
                        start=start,
                        end=end,
                        message=(
                            f"fluency anomaly: the language model finds “{span}” far less likely than the "
                            f"words' frequencies predict (SLOR {worst:.1f} nats; clean English rarely goes "
                            f"below -{MAX_NEG_SLOR:.0f}); a possible mistranslation"
                        ),
                        detector=self.id,
                        confidence=0.4,
                        details={"kind": "fluency", "slor": round(worst, 2)},
                    )
                )
        return findings

    def _post_editing(self, context: DetectContext, found: list[Span], scorer: Any) -> list[Finding]:
        """Word-level QE review hints: words at or above the post-editing threshold, in spans."""
        model = self.qe_model()
        threshold = model.thresholds["post-editing"]
        statistics = scorer.token_statistics([s.text for s in found])  # one pass per sentence, batched by length
        findings = []
        for sentence, stats in zip(found, statistics):
            offsets = scorer.token_offsets(sentence.text)
            words = sentence_words(sentence.text, offsets, stats)
            probabilities = [model.probability(w.features) for w in words]
            for lo, hi, worst in flagged_spans(words, probabilities, threshold):
                start, end = sentence.start + words[lo].core_start, sentence.start + words[hi].core_end
                findings.append(
                    Finding(
                        category="mt_artefact",
                        start=start,
                        end=end,
                        message=(
                            f"word-level QE: a post-editor would likely change “{context.text[start:end]}” "
                            f"(probability {worst:.2f}); review the translation here"
                        ),
                        detector=self.id,
                        confidence=round(worst, 2),
                        details={
                            "kind": "word_qe",
                            "qe_probability": round(worst, 3),
                            "rewrite": False,
                            "review_hint": True,
                        },
                    )
                )
        return findings
