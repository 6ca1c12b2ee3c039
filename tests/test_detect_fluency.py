"""The fluency anomaly detector at its default operating point (SLOR on the rewriter's SmolLM2): it flags
words no English context predicts, leaves fluent prose, names, numbers and quotations alone, and never runs
without the rewriter. The post-editing point (word-level QE) is tested in tests/test_word_qe.py."""

from __future__ import annotations

import re

import pytest
from fluency_cases import FLUENT

from pipeline.config import PipelineConfig
from pipeline.detect.base import DetectContext
from pipeline.detect.mt.fluency import (
    MAX_NEG_SLOR,
    MAX_SPAN_WORDS,
    FluencyAnomalyDetector,
    WordScore,
    anomalous_spans,
    unigram_logprob,
    word_scores,
)
from pipeline.detect.stage import DetectStage
from pipeline.lm.scorer import _SCORERS, ScorerSettings

CONFIG = PipelineConfig()


def detect(text: str, config: PipelineConfig = CONFIG) -> list[tuple[str, float]]:
    findings = FluencyAnomalyDetector(config).detect(DetectContext(text, config))
    return [(text[f.start : f.end], f.details["slor"]) for f in findings]


def score(slor: float | None, eligible: bool = True, rare: bool = True) -> WordScore:
    return WordScore(0, 1, "x", slor, eligible, rare and eligible)


def test_unigram_log_probability_is_the_natural_log_of_the_zipf_frequency():
    # Zipf 9 would be every word; a common word is far likelier than a rare one; unknown words are floored
    assert unigram_logprob("the") > unigram_logprob("harbour") > unigram_logprob("qzxvbnmw")
    assert unigram_logprob("qzxvbnmw") == pytest.approx((1.0 - 9.0) * 2.302585, rel=1e-4)


def test_word_scores_assign_tokens_to_words_without_their_punctuation():
    sentence = "Ships left, slowly."
    # token offsets as a byte-level BPE gives them: a leading space belongs to the next token
    offsets = [(0, 5), (5, 10), (10, 11), (11, 18), (18, 19)]
    logprobs = [-1.0, -2.0, -30.0, -3.0, -40.0]
    scores = word_scores(sentence, offsets, logprobs)
    assert [s.core for s in scores] == ["Ships", "left", "slowly"]
    assert scores[1].slor == pytest.approx(-2.0 - unigram_logprob("left"))  # the comma's -30 is not counted
    assert scores[2].slor == pytest.approx(-3.0 - unigram_logprob("slowly"))
    assert [s.eligible for s in scores] == [False, True, True]  # the first word has no context


def test_names_numbers_and_quoted_words_are_never_eligible():
    sentence = "He met Anna Berg at 10:30 and “whispered” twice."
    offsets = [(m.start(), m.end()) for m in re.finditer(r"\S+", sentence)]
    scores = word_scores(sentence, offsets, [-50.0] * len(offsets))
    eligible = {s.core: s.eligible for s in scores}
    assert eligible == {
        "He": False,
        "met": True,
        "Anna": False,
        "Berg": False,
        "at": True,
        "10:30": False,
        "and": True,
        "whispered": False,
        "twice": True,
    }


def test_spans_start_at_an_anomaly_join_weaker_neighbours_and_stay_short():
    t = -MAX_NEG_SLOR
    scores = [score(0.0), score(t * 0.6), score(t - 1), score(t * 0.6), score(t * 0.6), score(t * 0.6), score(0.0)]
    spans = anomalous_spans(scores)
    assert len(spans) == 1
    lo, hi, worst = spans[0]
    assert hi - lo + 1 == MAX_SPAN_WORDS and lo == 1 and worst == t - 1
    # neighbours that are merely unusual do not make a span on their own, nor do ineligible words
    assert anomalous_spans([score(t * 0.9), score(t * 0.6)]) == []
    assert anomalous_spans([score(t * 3, eligible=False)]) == []
    # a common word never starts a span, however surprising, but may join one
    assert anomalous_spans([score(t * 3, rare=False)]) == []
    assert anomalous_spans([score(t * 3, rare=False), score(t - 1)]) == [(0, 1, t * 3)]


@pytest.mark.slow
def test_invented_words_inside_a_fluent_sentence_are_flagged_as_one_span():
    text = "The minister told reporters that the new harbour wolbrintak fesquarnel would open in spring next year."
    found = detect(text)
    assert [span for span, _ in found] == ["wolbrintak fesquarnel"]
    assert found[0][1] < -MAX_NEG_SLOR


@pytest.mark.slow
def test_fluent_news_prose_with_names_numbers_and_quotes_gets_no_flag():
    assert detect("\n\n".join(FLUENT)) == []


@pytest.mark.slow
def test_findings_are_mt_artefact_flags_without_a_replacement():
    text = "The minister told reporters that the new harbour wolbrintak fesquarnel would open in spring next year."
    (finding,) = FluencyAnomalyDetector(CONFIG).detect(DetectContext(text, CONFIG))
    assert finding.category == "mt_artefact"
    assert "fluency anomaly" in finding.message and "SLOR" in finding.message
    assert finding.replacement is None and finding.suggestion is None and not finding.apply


def test_the_detector_does_not_run_or_load_a_model_without_the_rewriter_or_when_off():
    text = "The minister told reporters that the new harbour wolbrintak fesquarnel would open in spring next year."
    for config in (
        CONFIG.replace(rewrite=False, batch_size=7),
        CONFIG.replace(stages=("normalize", "detect"), batch_size=7),
        CONFIG.replace(word_qe="off", batch_size=7),
    ):
        detector = FluencyAnomalyDetector(config)
        detector.prepare()
        assert detect(text, config) == []
        assert ScorerSettings.from_config(config) not in _SCORERS


def test_the_detect_stage_cache_key_changes_with_the_rewrite_switch_and_the_operating_point():
    on = DetectStage(CONFIG).settings()["mt.fluency"]
    off = DetectStage(CONFIG.replace(rewrite=False)).settings()["mt.fluency"]
    review = DetectStage(CONFIG.replace(word_qe="post-editing")).settings()["mt.fluency"]
    assert on["enabled"] and not off["enabled"]
    assert on["max_neg_slor"] == MAX_NEG_SLOR and on["operating_point"] == "clean-text"
    assert review["operating_point"] == "post-editing" and "threshold" in review and review != on
