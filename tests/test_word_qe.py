"""Word-level QE (the fluency detector's post-editing operating point): features per word, the logistic
model, spans, and the detector's review hints on prose written for these tests."""

from __future__ import annotations

import json
import math

import pytest
from fluency_cases import FLUENT

from pipeline.config import PipelineConfig
from pipeline.detect.base import DetectContext
from pipeline.detect.mt.fluency import FluencyAnomalyDetector, scorable
from pipeline.detect.mt.word_qe import (
    FEATURES,
    MAX_SPAN_WORDS,
    MODEL_FILE,
    Word,
    WordQEModel,
    flagged_spans,
    load_model,
    sentence_words,
    unigram_logprob,
)
from pipeline.text.segment import Span

REVIEW = PipelineConfig(word_qe="post-editing")

# Written for these tests: the kind of English a machine translation leaves when it loses the sentence.
SALAD = [
    "Yesterday of the committee in the decided that the more of roads to be build it with for the next of years was.",
    "At the meeting it was by the mayor of the explained that of the bridge the repair with money of the region "
    "in the spring will to begin and the residents about it they are informed through the letters.",
]


def feature(word: Word, name: str) -> float:
    return word.features[FEATURES.index(name)]


def detect(text: str, config: PipelineConfig = REVIEW) -> list:
    return list(FluencyAnomalyDetector(config).detect(DetectContext(text, config)))


def test_unigram_log_probability_is_the_natural_log_of_the_zipf_frequency():
    assert unigram_logprob("the") > unigram_logprob("harbour") > unigram_logprob("qzxvbnmw")
    assert unigram_logprob("qzxvbnmw") == pytest.approx((1.0 - 9.0) * math.log(10), rel=1e-6)


def test_tokens_belong_to_the_word_they_start_in_and_punctuation_is_counted_apart():
    sentence = "Ships left, slowly."
    # token offsets as a byte-level BPE gives them: a leading space belongs to the next token
    offsets = [(0, 5), (5, 10), (10, 11), (11, 18), (18, 19)]
    stats = [(-1.0, -0.5, 2.0), (-2.0, -1.0, 3.0), (-30.0, -0.1, 1.0), (-3.0, -1.5, 4.0), (-40.0, -0.2, 0.5)]
    words = sentence_words(sentence, offsets, stats)
    assert [sentence[w.core_start : w.core_end] for w in words] == ["Ships", "left", "slowly"]
    left = words[1]
    assert feature(left, "surprisal") == pytest.approx(2.0)
    assert feature(left, "punctuation_surprisal") == pytest.approx(30.0)  # the comma, not the word
    assert feature(left, "gap_to_best") == pytest.approx(1.0)
    assert feature(left, "entropy") == pytest.approx(3.0)
    assert feature(left, "neg_slor") == pytest.approx(2.0 + unigram_logprob("left"))
    assert feature(left, "prev_surprisal") == pytest.approx(1.0) and feature(left, "next_surprisal") == pytest.approx(
        3.0
    )
    assert feature(words[0], "prev_surprisal") == 0.0 and feature(words[2], "next_surprisal") == 0.0
    assert [feature(w, "first") for w in words] == [1.0, 0.0, 0.0]
    assert all(feature(w, "sentence_words") == 3.0 for w in words)
    # mean surprisal per token over all five tokens, punctuation included
    assert feature(left, "sentence_surprisal_per_token") == pytest.approx((1 + 2 + 30 + 3 + 40) / 5)
    assert feature(left, "relative_position") == 0.5 and feature(left, "characters") == 4.0
    assert feature(left, "prev_gap_to_best") == pytest.approx(0.5) and feature(
        left, "next_gap_to_best"
    ) == pytest.approx(1.5)
    assert feature(left, "sentence_max_gap") == pytest.approx(1.5)
    assert feature(left, "sentence_max_neg_slor") == pytest.approx(
        max(-(-1.0 - unigram_logprob("Ships")), -(-2.0 - unigram_logprob("left")), -(-3.0 - unigram_logprob("slowly")))
    )


def test_invisible_format_characters_are_not_part_of_a_word():
    sentence = "\u200fThe test of bidi.\u202c"
    words = sentence_words(sentence, [], [])
    assert [sentence[w.core_start : w.core_end] for w in words] == ["The", "test", "of", "bidi"]


def test_a_word_repeated_in_its_sentence_is_marked_from_its_second_use():
    sentence = "The court and the Court met."
    words = sentence_words(sentence, [], [])
    assert [feature(w, "repeated_in_sentence") for w in words] == [0.0, 0.0, 0.0, 1.0, 1.0, 0.0]


def test_word_classes_are_features_names_numbers_quotes_and_unknown_words():
    sentence = "He met Anna at 10:30 and “whispered” zorbled the."
    offsets = [(m, m + 1) for m in range(len(sentence)) if sentence[m] != " "]
    words = sentence_words(sentence, offsets, [(-1.0, -1.0, 1.0)] * len(offsets))
    by_core = {sentence[w.core_start : w.core_end]: w for w in words}
    assert feature(by_core["Anna"], "capitalised") == 1.0 and feature(by_core["He"], "capitalised") == 0.0  # first word
    assert feature(by_core["10:30"], "number") == 1.0
    assert feature(by_core["whispered"], "quoted") == 1.0
    assert feature(by_core["zorbled"], "unknown_lower") == 1.0 and feature(by_core["met"], "unknown_lower") == 0.0
    assert feature(by_core["the"], "function_word") == 1.0 and feature(by_core["met"], "function_word") == 0.0
    assert feature(by_core["whispered"], "tokens") == len("whispered")


def test_words_past_the_scored_tokens_get_zero_log_probability():
    sentence = "one two three"
    words = sentence_words(sentence, [(0, 3)], [(-5.0, -1.0, 2.0)])
    assert feature(words[0], "surprisal") == 5.0
    assert feature(words[2], "surprisal") == 0.0 and feature(words[2], "tokens") == 0.0


def test_spans_join_adjacent_flagged_words_and_are_cut_at_the_maximum_length():
    sentence = "a b c d e f g h , i"
    words = sentence_words(sentence, [], [])
    p = [0.1, 0.9, 0.8, 0.95, 0.7, 0.9, 0.9, 0.1, 0.99, 0.9]
    spans = flagged_spans(words, p, 0.7)
    assert spans[0] == (1, MAX_SPAN_WORDS, 0.95)  # four words, the highest probability kept
    assert spans[1] == (MAX_SPAN_WORDS + 1, 6, 0.9)
    # a lone comma is never flagged and breaks the run; the word after it is its own span
    assert spans[2:] == [(9, 9, 0.9)]
    assert flagged_spans(words, [0.5] * len(words), 0.7) == []


def test_web_tokens_capitals_numbers_and_other_scripts_are_never_flagged():
    sentence = "see https://example.org/a-b or @newsdesk, NATO 1,200 京都 Zürich ok"
    words = sentence_words(sentence, [], [])
    flagged = {sentence[w.core_start : w.core_end] for w in words if w.flaggable}
    assert flagged == {"see", "or", "Zürich", "ok"}


def test_the_logistic_model_is_the_sigmoid_of_the_standardised_weighted_sum():
    n = len(FEATURES)
    model = WordQEModel((1.0,) * n, (2.0,) * n, (0.5,) + (0.0,) * (n - 1), -1.0, {"post-editing": 0.3}, {})
    x = (5.0,) + (123.0,) * (n - 1)
    assert model.probability(x) == pytest.approx(1 / (1 + math.exp(-(-1.0 + 0.5 * (5.0 - 1.0) / 2.0))))
    assert WordQEModel.from_json(model.to_json()) == model
    stale = {**model.to_json(), "features": list(FEATURES[:-1])}
    with pytest.raises(ValueError, match="refit"):
        WordQEModel.from_json(stale)


def test_the_shipped_model_records_how_it_was_fitted_and_its_held_out_numbers():
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert data["features"] == list(FEATURES)
    model = load_model()
    assert 0.0 < model.thresholds["post-editing"] < 1.0
    assert "train_word_qe" in model.provenance["command"]
    held_out = model.provenance["numbers"]["post-editing"]["held_out"]
    assert 0.0 < held_out["flag_share"] < 0.5 and "pooled" in held_out


def test_only_prose_sized_sentences_are_scored():
    assert scorable(Span(0, 30, "The river rose again last night."))
    assert not scorable(Span(0, 12, "Weather: rain"))
    assert not scorable(Span(0, 1200, "word " * 240))


@pytest.mark.slow
def test_the_post_editing_point_marks_word_salad_far_more_densely_than_fluent_prose_as_review_hints():
    def flagged_share(texts: list[str]) -> float:
        text = "\n\n".join(texts)
        found = detect(text, REVIEW)
        assert all(f.details["rewrite"] is False for f in found)
        return sum(len(text[f.start : f.end].split()) for f in found) / len(text.split())

    salad, fluent = flagged_share(SALAD), flagged_share(FLUENT)
    assert salad >= 0.5 and fluent <= 0.2


@pytest.mark.slow
def test_review_hints_are_mt_artefact_flags_without_a_replacement():
    found = detect(SALAD[0])
    assert found and all(f.category == "mt_artefact" and f.details["kind"] == "word_qe" for f in found)
    assert all(f.replacement is None and f.suggestion is None and not f.apply for f in found)
    assert "post-editor" in found[0].message
