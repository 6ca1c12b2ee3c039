"""Word-level quality estimation (QE) without the source: which words of a sentence a post-editor is
likely to change, from what a causal language model says about them.

This is the feature-based word-level QE of the WMT shared tasks (QuEst's black-box features,
Specia, Shah, de Souza & Cohn 2013, "QuEst - A translation quality estimation framework", ACL
demos; word-level features as in Logacheva, Hokamp & Specia 2016, "MARMOT: A toolkit for
translation quality estimation at the word level", LREC) restricted to what a target-only system
can see: no source sentence, no alignment. Per word (a whitespace token; its *core* is the token
without leading and trailing punctuation) the features are

- the LM's log-probability of the core's tokens (summed), the log-probability the model's first
  choice would have had at those positions (the gap between the two says "the model expected
  something else"), and the entropy of the predicted distributions (a high entropy excuses a low
  probability);
- SLOR: log-probability minus the word's unigram log-probability (Lau, Clark & Lappin 2017,
  "Grammaticality, acceptability, and probability", Cognitive Science 41(5)), so that rare words
  are not anomalies by being rare; the unigram comes from the project's frequency list
  (:func:`pipeline.text.lexical.zipf`; unknown words count as Zipf 1);
- the same for the neighbouring words, the sentence's mean SLOR and mean token surprisal, the
  sentence length in words (QuEst's strongest single feature: long sentences are translated worse);
- what the word is: first of the sentence, capitalised, a number, a function word, an unknown
  lower-case word, quoted, how many tokens it took.

A logistic model over the standardised features gives the probability that the word is BAD (changed
or deleted by a post-editor). Its weights and thresholds are data (``pipeline/data/qe/word_qe.json``),
fitted by ``benchmarks/train_word_qe.py`` on half of the MLQE-PE development segments (BAD tags as
WMT derives them, against the human post-edits) with the post-edited sentences as clean negatives;
the file records the command, the data and the held-out numbers.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline.text.lexical import FUNCTION_WORDS, zipf
from pipeline.text.shape import WEB_TOKEN

MODEL_FILE = Path(__file__).resolve().parents[2] / "data" / "qe" / "word_qe.json"
ZIPF_FLOOR = 1.0  # unknown words are treated as this rare (Zipf 1: once per billion words)
UNKNOWN_ZIPF = 2.0  # a lower-case word rarer than this is "unknown" as a feature
_LN10 = math.log(10)
PUNCTUATION = "\"'“”‘’«»()[]{}.,;:!?…—–-*/\\"
_QUOTE = re.compile(r"[\"“”«»]")
_ALPHA = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_DIGIT = re.compile(r"\d")
_LATIN_LETTER = re.compile(r"[A-Za-zÀ-ɏ]")
_NON_LATIN_LETTER = re.compile(r"[^\W\dA-Za-zÀ-ɏ_'’-]")

FEATURES = (
    "surprisal",
    "neg_slor",
    "surprisal_minus_entropy",
    "gap_to_best",
    "rarity",
    "entropy",
    "punctuation_surprisal",
    "prev_neg_slor",
    "prev_surprisal",
    "next_neg_slor",
    "next_surprisal",
    "sentence_neg_slor",
    "sentence_surprisal_per_token",
    "capitalised",
    "first",
    "number",
    "function_word",
    "unknown_lower",
    "quoted",
    "tokens",
    "gap_per_token",
    "sentence_words",
    "relative_position",
    "characters",
    "repeated_in_sentence",
    "prev_gap_to_best",
    "next_gap_to_best",
    "sentence_max_gap",
    "sentence_max_neg_slor",
)


@dataclass(frozen=True)
class Word:
    """One whitespace token of a sentence and its features (character offsets into the sentence)."""

    start: int
    end: int
    core_start: int
    core_end: int
    features: tuple[float, ...]
    flaggable: bool = True  # a word of the language: has a letter, not in capitals only, not a web token


@dataclass
class _Acc:
    logprob: float = 0.0  # core tokens
    logprob_all: float = 0.0  # with the punctuation's tokens
    best: float = 0.0
    entropy: float = 0.0
    tokens: int = 0  # all tokens
    core_tokens: int = 0


def _flaggable(core: str, token: str) -> bool:
    """Whether a fluency flag may cover this word. Not: punctuation or numbers alone, words in capitals
    only (headlines, acronyms), words in a non-Latin script (the untranslated-text detector's job),
    URLs, e-mail addresses, @handles and #hashtags. The model never saw them in post-edited MT, and
    on published pages they were most of its false alarms."""
    return (
        bool(_LATIN_LETTER.search(core))
        and not (core.isupper() and len(core) > 1)
        and not _NON_LATIN_LETTER.search(core)
        and not WEB_TOKEN.search(token)
    )


def unigram_logprob(word: str) -> float:
    """Natural-log unigram probability of ``word`` from its Zipf frequency (floored)."""
    return _unigram_from_zipf(zipf(word))


def _unigram_from_zipf(value: float) -> float:
    """Zipf is log10 of occurrences per billion words, so ln p = (Zipf - 9) * ln 10 (floored)."""
    return (max(value, ZIPF_FLOOR) - 9.0) * _LN10


def word_spans(sentence: str) -> list[tuple[int, int, int, int]]:
    """(start, end, core start, core end) of each whitespace token; the core is the token without
    leading and trailing punctuation and invisible format characters (bidi marks, zero-width
    joiners: Unicode category Cf); empty, at the token's start, for punctuation alone."""
    spans = []
    for match in re.finditer(r"\S+", sentence):
        token = match.group()
        edges = PUNCTUATION + "".join(ch for ch in token if unicodedata.category(ch) == "Cf")
        left = len(token) - len(token.lstrip(edges))
        right = len(token.rstrip(edges))
        core = (match.start(), match.start()) if right <= left else (match.start() + left, match.start() + right)
        spans.append((match.start(), match.end(), *core))
    return spans


def token_owners(
    sentence: str, spans: Sequence[tuple[int, int, int, int]], offsets: Sequence[tuple[int, int]]
) -> list[tuple[int, bool] | None]:
    """Per LM token: (index of the word its first non-space character is in, whether that character
    is in the word's core), or None for a token of spaces only. The comma after a word is the word's
    token but not its core's: the word is not to blame for the comma."""
    owner = {pos: k for k, (s, e, _, _) in enumerate(spans) for pos in range(s, e)}
    result: list[tuple[int, bool] | None] = []
    for a, b in offsets:
        piece = sentence[a:b]
        first = a + (len(piece) - len(piece.lstrip()))
        k = owner.get(first) if first < b else None
        result.append(None if k is None else (k, spans[k][2] <= first < spans[k][3]))
    return result


def sentence_words(sentence: str, offsets: Sequence[tuple[int, int]], statistics: Sequence[Any]) -> list[Word]:
    """The words of ``sentence`` with their feature vectors (in ``FEATURES`` order).

    ``offsets`` are the tokens' character spans in the sentence and ``statistics`` the LM's
    (logprob, best, entropy) per token (:meth:`pipeline.lm.scorer.CausalLMScorer.token_statistics`),
    possibly cut short: words past the last scored token get zeros. A token belongs to the word its
    first non-space character is in; it counts for the core when that character is in the core.
    """
    spans = word_spans(sentence)
    if not spans:
        return []
    acc = [_Acc() for _ in spans]
    for owner, stat in zip(token_owners(sentence, spans, offsets), statistics):
        if owner is None:
            continue
        k, in_core = owner
        logprob, best, entropy = float(stat[0]), float(stat[1]), float(stat[2])
        w = acc[k]
        w.logprob_all += logprob
        w.tokens += 1
        if in_core:
            w.logprob += logprob
            w.best += best
            w.entropy += entropy
            w.core_tokens += 1
    cores = [sentence[cs:ce] for _, _, cs, ce in spans]
    zipfs = [zipf(c) if c else 0.0 for c in cores]
    unigrams = [_unigram_from_zipf(z) for z in zipfs]
    slor = [w.logprob - u for w, u in zip(acc, unigrams)]
    n = len(spans)
    sentence_neg_slor = -sum(slor) / n
    sentence_tokens = sum(w.tokens for w in acc)
    sentence_surprisal = -sum(w.logprob_all for w in acc) / max(1, sentence_tokens)
    gaps = [w.best - w.logprob for w in acc]
    seen: set[str] = set()
    words = []
    for k, ((s, e, cs, ce), w, core, z, u) in enumerate(zip(spans, acc, cores, zipfs, unigrams)):
        prev_ok, next_ok = k > 0, k + 1 < n
        features = (
            -w.logprob,
            -slor[k],
            -(w.logprob + w.entropy),
            w.best - w.logprob,
            -u,
            w.entropy,
            -(w.logprob_all - w.logprob),
            -slor[k - 1] if prev_ok else 0.0,
            -acc[k - 1].logprob if prev_ok else 0.0,
            -slor[k + 1] if next_ok else 0.0,
            -acc[k + 1].logprob if next_ok else 0.0,
            sentence_neg_slor,
            sentence_surprisal,
            float(core[:1].isupper() and k > 0),
            float(k == 0),
            float(bool(_DIGIT.search(core))),
            float(core.lower() in FUNCTION_WORDS),
            float(not core[:1].isupper() and bool(_ALPHA.fullmatch(core)) and z < UNKNOWN_ZIPF),
            float(bool(_QUOTE.search(sentence[s:e]))),
            float(w.core_tokens),
            (w.best - w.logprob) / max(1, w.core_tokens),
            float(n),
            k / max(1, n - 1),
            float(len(core)),
            float(bool(core) and core.lower() in seen),
            gaps[k - 1] if prev_ok else 0.0,
            gaps[k + 1] if next_ok else 0.0,
            max(gaps),
            -min(slor),
        )
        seen.add(core.lower())
        words.append(Word(s, e, cs, ce, features, _flaggable(core, sentence[s:e])))
    return words


@dataclass(frozen=True)
class WordQEModel:
    """A logistic model over standardised ``FEATURES``: P(BAD) = sigmoid(b + sum w_i (x_i - mean_i) / scale_i).

    ``thresholds`` maps an operating point name to the probability at or above which a word is flagged.
    """

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    thresholds: dict[str, float]
    provenance: dict[str, Any]

    def probability(self, features: Sequence[float]) -> float:
        """P(BAD) of one word, in [0, 1]."""
        z = self.bias + sum(w * (x - m) / s for w, x, m, s in zip(self.weights, features, self.mean, self.scale))
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "features": list(FEATURES),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "weights": list(self.weights),
            "bias": self.bias,
            "thresholds": self.thresholds,
            "provenance": self.provenance,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> WordQEModel:
        """Raises ValueError when the file was fitted on other features than this code computes."""
        if tuple(data.get("features", ())) != FEATURES:
            raise ValueError("word QE model: its features differ from pipeline.detect.mt.word_qe.FEATURES; refit it")
        return cls(
            tuple(data["mean"]),
            tuple(data["scale"]),
            tuple(data["weights"]),
            float(data["bias"]),
            {str(k): float(v) for k, v in data["thresholds"].items()},
            dict(data.get("provenance", {})),
        )


@lru_cache(maxsize=2)
def load_model(path: str = str(MODEL_FILE)) -> WordQEModel:
    """The shipped model (or another file of the same shape). Raises OSError or ValueError."""
    return WordQEModel.from_json(json.loads(Path(path).read_text(encoding="utf-8")))


MAX_SPAN_WORDS = 4  # a longer run of flagged words is cut into spans of this many


def flagged_spans(
    words: Sequence[Word], probabilities: Sequence[float], threshold: float
) -> list[tuple[int, int, float]]:
    """(first word, last word, highest probability) of each run of adjacent words at or above
    ``threshold``, cut into spans of at most ``MAX_SPAN_WORDS``; words without a core
    and words that are not words of the language (``Word.flaggable``) are never flagged."""
    spans: list[tuple[int, int, float]] = []
    lo = -1
    for k in range(len(words) + 1):
        hit = k < len(words) and words[k].flaggable and probabilities[k] >= threshold
        if hit and lo < 0:
            lo = k
        if lo >= 0 and (not hit or k - lo == MAX_SPAN_WORDS):
            hi = k - 1
            spans.append((lo, hi, max(probabilities[lo : hi + 1])))
            lo = k if hit else -1
    return spans
