"""The causal-LM scorer and the embedding similarity, on the real SmolLM2 and MiniLM models."""

from __future__ import annotations

import pytest

from models.registry import REGISTRY, resolve
from pipeline.config import PipelineConfig

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def scorer():
    from pipeline.lm.scorer import get_scorer

    return get_scorer(PipelineConfig(batch_size=4))


@pytest.fixture(scope="module")
def similarity():
    from pipeline.lm.similarity import get_similarity

    return get_similarity(PipelineConfig())


def test_scorer_is_loaded_once_per_process(scorer):
    from pipeline.lm.scorer import get_scorer

    assert get_scorer(PipelineConfig(batch_size=4)) is scorer


def test_registry_resolves_the_default_lm_to_a_loadable_source():
    source = resolve("smollm2-135m")
    assert source.prepared or (source.gguf_file or "").endswith(".gguf")
    assert REGISTRY["smollm2-135m"].source == "pypi"


def test_fluent_word_order_scores_higher(scorer):
    scrambled, fluent = scorer.logprob(
        ["The lorry was stuck on the Bridge Tower London.", "The lorry was stuck on the London Tower Bridge."]
    )
    assert fluent > scrambled


def test_gain_prefers_the_right_verb_over_a_lookalike_noun(scorer):
    [gain] = scorer.gain(
        "Officials fear the storm will effect thousands of homes.",
        ["Officials fear the storm will affect thousands of homes."],
    )
    assert gain > 0


def test_gain_of_the_original_against_itself_is_zero(scorer):
    [gain] = scorer.gain("Prices rose sharply in March.", ["Prices rose sharply in March."])
    assert gain == pytest.approx(0.0, abs=1e-6)


def test_batched_scores_equal_one_by_one_scores(scorer):
    texts = ["A short one.", "A somewhat longer sentence about the harbour and its ferries.", "Rain."]
    batched = scorer.logprob(texts)
    single = [scorer.logprob([t])[0] for t in texts]
    assert batched == pytest.approx(single, abs=1e-3)


def test_gain_counts_only_tokens_after_the_shared_prefix(scorer):
    original, candidate = "The minister arrived late and left early.", "The minister arrived late and leaves early."
    full = scorer.logprob([candidate])[0] - scorer.logprob([original])[0]
    [gain] = scorer.gain(original, [candidate])
    # under a causal model the shared prefix contributes identically, so both must agree
    assert gain == pytest.approx(full, abs=1e-3)


def test_variants_scored_over_a_shared_beginning_equal_each_scored_whole(scorer):
    beginning = "After the vote the harbour committee met again and the chair gave"
    texts = [f"{beginning} {word} notice to the ferry operators." for word in ("short", "a week's", "formal")]
    keep = [len(scorer.encode(text)) - 1 - k for k, text in enumerate(texts)]  # cut at different points
    shared = scorer.variant_logprobs(texts, keep)
    whole = scorer.prefix_logprobs(texts, keep)
    assert [len(values) for values in shared] == keep
    for a, b in zip(shared, whole):
        assert a == pytest.approx(b, abs=1e-3)


def test_similarity_is_high_for_a_repair_and_low_for_another_topic(similarity):
    repair, unrelated = similarity.similarity(
        "The mayor said the bridge will reopen in May .",
        ["The mayor said the bridge will reopen in May.", "Bananas are rich in potassium."],
    )
    assert repair > 0.9 > 0.5 > unrelated
