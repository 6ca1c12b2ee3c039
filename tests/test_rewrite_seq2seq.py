"""The seq2seq candidate source, through the real ``from_pretrained`` path with a tiny random T5.

No correction model can be downloaded here, so the test builds a T5 from a config, saves it with a
word-level tokenizer, and lets the rewriter load it by folder exactly as it would load CoEdIT.
"""

from __future__ import annotations

import pytest

from pipeline.config import PipelineConfig

pytestmark = pytest.mark.slow

SENTENCE = "The roads were cleared by noon They reopened an hour later ."


@pytest.fixture(scope="module")
def tiny_t5(tmp_path_factory) -> str:
    import torch
    from tokenizers import Tokenizer, models, pre_tokenizers, processors
    from transformers import PreTrainedTokenizerFast, T5Config, T5ForConditionalGeneration

    folder = tmp_path_factory.mktemp("tiny-t5")
    vocab = {"<pad>": 0, "</s>": 1, "<unk>": 2}
    for word in ("Fix grammar: " + SENTENCE).split():
        vocab.setdefault(word, len(vocab))
    backend = Tokenizer(models.WordLevel(vocab, unk_token="<unk>"))
    backend.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    backend.post_processor = processors.TemplateProcessing(single="$A </s>", special_tokens=[("</s>", 1)])
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=backend, pad_token="<pad>", eos_token="</s>", unk_token="<unk>"
    )
    tokenizer.save_pretrained(folder)
    torch.manual_seed(0)
    config = T5Config(
        vocab_size=len(vocab),
        d_model=16,
        d_kv=8,
        d_ff=32,
        num_layers=1,
        num_decoder_layers=1,
        num_heads=2,
        pad_token_id=0,
        eos_token_id=1,
        decoder_start_token_id=0,
    )
    T5ForConditionalGeneration(config).save_pretrained(folder)
    return str(folder)


@pytest.fixture(scope="module")
def corrector(tiny_t5):
    from pipeline.rewrite.seq2seq import get_seq2seq

    corrector = get_seq2seq(PipelineConfig(seq2seq_model=tiny_t5, batch_size=2))
    corrector.max_new_tokens = 12  # a random model never stops on its own
    return corrector


def test_no_seq2seq_model_unless_configured():
    from pipeline.rewrite.seq2seq import get_seq2seq

    assert get_seq2seq(PipelineConfig()) is None


def test_model_loads_from_a_folder_through_from_pretrained(corrector, tiny_t5):
    assert type(corrector.model).__name__ == "T5ForConditionalGeneration"
    assert corrector.source.path == tiny_t5 and not corrector.source.hub


def test_corrections_are_batched_deterministic_strings(corrector):
    first = corrector.correct([SENTENCE, "noon hour", "later"])
    assert len(first) == 3 and all(isinstance(o, str) for outs in first for o in outs)
    assert corrector.correct([SENTENCE, "noon hour", "later"]) == first


def test_seq2seq_outputs_are_candidates_but_never_skip_the_guards(corrector):
    from pipeline.lm.scorer import get_scorer
    from pipeline.lm.similarity import get_similarity
    from pipeline.rewrite import guards
    from pipeline.rewrite.candidates import FlagContext
    from pipeline.rewrite.rewriter import RewriteJob, Rewriter, Thresholds

    start = SENTENCE.index("noon They")
    job = RewriteJob(SENTENCE, FlagContext(start, start + len("noon They"), "broken_sentence"))
    rewriter = Rewriter(get_scorer(PipelineConfig()), get_similarity(PipelineConfig()), Thresholds(), seq2seq=corrector)
    names = {SENTENCE: rewriter.names_of(SENTENCE)}
    [candidates] = rewriter.candidates([job], names)
    outputs = corrector.correct([SENTENCE])[0]
    from_model = [c for c in candidates if c.source.startswith("seq2seq:")]
    assert from_model, outputs  # the seeded random model rewrites the flagged words
    assert {c.text for c in from_model} <= set(outputs)
    for candidate in from_model:
        # a random model's output rewrites most of the sentence: the hard guards stop every one
        results = guards.hard_guards(SENTENCE, candidate.text, names[SENTENCE], 3, span=(job.flag.start, job.flag.end))
        assert not all(r.passed for r in results), candidate.text
    [decision] = rewriter.decide([job])
    assert decision is not None and decision.applied  # the rule-based boundary repair still wins
    assert not decision.source.startswith("seq2seq:")
