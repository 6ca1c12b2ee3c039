"""The rewrite stage end to end on the real SmolLM2 scorer and MiniLM embeddings.

Documents and flags are written here (no detector involved), so these tests specify what the
rewriter does with a flag, whatever detector raised it.
"""

from __future__ import annotations

import pytest

from pipeline.config import PipelineConfig
from pipeline.document import Document, apply_edits
from pipeline.rewrite.candidates import FlagContext
from pipeline.rewrite.rewriter import RewriteJob, Rewriter, Thresholds
from pipeline.rewrite.stage import RewriteStage

pytestmark = pytest.mark.slow

CLEAN = "The storm closed schools across the region on Monday.\n"
TEXT = (
    CLEAN
    + "Food parcels were handed out by the Crescent Red Turkish in the camp.\n"
    + "Housing is the top prioritythe council will build more homes, she said.\n"
    + "The deal was signed in Madrid It will take effect next year.\n"
    + "The mayor of Zaporizhzhia asked for help.\n"
    + "The convoy reached the border at dawn. .\n"
    + "Officials expect the bridge to reopen in early spring.\n"
)


def _flag(doc: Document, category: str, words: str, suggestion: str | None = None, message: str = "test flag"):
    start = doc.original_text.index(words)
    return doc.add_flag(
        doc.original_view(), category, start, start + len(words), message, "test", 0.9, suggestion=suggestion
    )


def _flagged_document() -> Document:
    doc = Document("test", TEXT)
    _flag(doc, "mt_artefact", "Crescent Red Turkish")
    _flag(doc, "glued_words", "prioritythe")
    _flag(doc, "broken_sentence", "Madrid It")
    _flag(doc, "spelling", "Zaporizhzhia", suggestion="Zaporizhia")
    _flag(doc, "punctuation", "dawn. .")
    _flag(doc, "boilerplate", "Officials expect the bridge")
    return doc


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory):
    return str(tmp_path_factory.mktemp("rewrite-cache"))


@pytest.fixture(scope="module")
def config(cache_dir) -> PipelineConfig:
    return PipelineConfig(cache_dir=cache_dir, batch_size=8)


@pytest.fixture(scope="module")
def processed(config) -> Document:
    doc = _flagged_document()
    RewriteStage(config).process(doc)
    return doc


def _edit_for(doc: Document, words: str):
    start = doc.original_text.index(words)
    found = [e for e in doc.edits if e.start <= start < e.end]
    assert len(found) == 1, doc.edits
    return found[0]


def test_word_order_calque_is_repaired(processed):
    edit = _edit_for(processed, "Crescent Red Turkish")
    assert edit.applied and edit.after == "Turkish Red Crescent"
    assert edit.details["source"] == "permutation"


def test_glued_words_are_split(processed):
    edit = _edit_for(processed, "prioritythe")
    assert edit.applied and edit.after.replace(".", "").replace(":", "").replace(",", "").lower() == "priority the"


def test_lost_sentence_boundary_is_repaired(processed):
    edit = _edit_for(processed, "Madrid It")
    assert edit.applied and edit.after in {"Madrid. It", "Madrid, it", "Madrid it"}


def test_stray_full_stop_is_removed(processed):
    assert _edit_for(processed, "dawn. .").after == "dawn."


def test_spelling_suggestion_for_a_name_stays_a_suggestion(processed):
    edit = _edit_for(processed, "Zaporizhzhia")
    assert not edit.applied and edit.after == "Zaporizhia"
    assert edit.details["guards"]["names"]["passed"] is False
    assert "Zaporizhzhia" in processed.cleaned_text


def test_clean_and_unhandled_sentences_come_out_byte_identical(processed):
    cleaned = processed.cleaned_text
    assert cleaned.startswith(CLEAN)
    assert cleaned.endswith("Officials expect the bridge to reopen in early spring.\n")
    assert all(e.flag_ids for e in processed.edits)


def test_every_edit_records_source_gain_guards_and_confidence(processed):
    flags = {f.id for f in processed.flags}
    for edit in processed.edits:
        assert edit.stage == "rewrite" and set(edit.flag_ids) <= flags
        expected = {"numbers_dates", "names", "changed_words", "similarity", "lm_gain"}
        if edit.category == "spelling":
            expected.add("misspelling")  # spelling flags only change clearly misspelt words
        assert set(edit.details["guards"]) == expected
        assert edit.details["lm_gain"] > 0 and 0 < edit.confidence < 1
        assert edit.applied == all(g["passed"] for g in edit.details["guards"].values())


def test_edits_replay_onto_the_original(processed):
    assert apply_edits(processed.original_text, processed.edits) == processed.cleaned_text
    report = processed.to_report()
    assert report["cleaned_text"] == processed.cleaned_text


def test_a_document_without_rewritable_flags_is_untouched(config):
    doc = Document("clean", TEXT)
    _flag(doc, "boilerplate", "Officials expect")
    stage = RewriteStage(config)
    stage.process(doc)
    assert doc.edits == [] and doc.cleaned_text == TEXT
    assert stage._rewriter is None  # nothing to rewrite: no model was even asked


def test_rewrite_disabled_does_nothing(config):
    doc = _flagged_document()
    stage = RewriteStage(config.replace(rewrite=False))
    stage.process(doc)
    assert doc.edits == [] and stage.describe()["enabled"] is False


def test_second_run_comes_from_the_sentence_cache(config, processed):
    doc = _flagged_document()
    stage = RewriteStage(config)
    stage.process(doc)
    assert stage._rewriter is None  # every decision was cached
    assert [(e.start, e.end, e.after, e.applied) for e in doc.edits] == [
        (e.start, e.end, e.after, e.applied) for e in processed.edits
    ]


def test_changed_settings_miss_the_cache(config):
    doc = _flagged_document()
    stage = RewriteStage(config.replace(min_lm_gain=1000.0))
    stage.process(doc)
    assert stage._rewriter is not None
    assert doc.edits and not any(e.applied for e in doc.edits)
    assert all(e.details["guards"]["lm_gain"]["passed"] is False for e in doc.edits)


def test_edit_after_an_earlier_stage_is_mapped_through_the_view(config):
    doc = Document("shifted", "HEADER junk\n" + TEXT)
    from pipeline.document import ProposedEdit

    doc.add_edits(doc.view(), "boilerplate", [ProposedEdit(0, 12, "", "menu text")])
    _flag(doc, "mt_artefact", "Crescent Red Turkish")
    RewriteStage(config).process(doc)
    assert doc.cleaned_text == TEXT.replace("Crescent Red Turkish", "Turkish Red Crescent")


@pytest.fixture(scope="module")
def rewriter(processed, config):
    stage = RewriteStage(config)
    return stage._load()


def _decide(rewriter, thresholds, sentence, words, category="grammar", suggestion=None):
    start = sentence.index(words)
    job = RewriteJob(sentence, FlagContext(start, start + len(words), category, suggestion))
    return Rewriter(rewriter.scorer, rewriter.similarity, thresholds).decide([job])[0]


def test_similarity_guard_holds_back_a_rewrite(rewriter):
    sentence = "The deal was signed in Madrid It will take effect next year."
    # cosine similarity never exceeds 1: this threshold holds back every candidate
    strict = _decide(rewriter, Thresholds(min_similarity=1.01), sentence, "Madrid It", "broken_sentence")
    loose = _decide(rewriter, Thresholds(min_similarity=0.0), sentence, "Madrid It", "broken_sentence")
    assert loose.applied and not strict.applied
    assert strict.guards["similarity"]["passed"] is False


def test_number_guard_holds_back_a_changed_number(rewriter):
    sentence = "The budget grew to 4 billion euros in 2019 after the crisis."
    decision = _decide(rewriter, Thresholds(min_lm_gain=-100.0), sentence, "2019", suggestion="the year")
    assert decision is None or (not decision.applied and decision.guards["numbers_dates"]["passed"] is False)


def test_changed_words_guard_holds_back_a_long_rewrite(rewriter):
    sentence = "The deal was signed in Madrid It will take effect next year."
    decision = _decide(
        rewriter,
        Thresholds(max_changed_words=0),
        sentence,
        "Madrid It will take effect",
        "broken_sentence",
        suggestion="Madrid and becomes law",
    )
    assert decision is not None
    assert not decision.applied or decision.guards["changed_words"]["value"] == 0


def test_batched_and_one_by_one_decisions_agree(rewriter):
    sentences = [
        ("The deal was signed in Madrid It will take effect next year.", "Madrid It"),
        ("Food parcels were handed out by the Crescent Red Turkish in the camp.", "Crescent Red Turkish"),
    ]
    jobs = [RewriteJob(s, FlagContext(s.index(w), s.index(w) + len(w), "mt_artefact")) for s, w in sentences]
    together = rewriter.decide(jobs)
    alone = [rewriter.decide([job])[0] for job in jobs]
    assert [(d.after, d.applied) for d in together] == [(d.after, d.applied) for d in alone]
    assert [d.lm_gain for d in together] == pytest.approx([d.lm_gain for d in alone], abs=0.05)


def test_a_flag_across_paragraphs_is_left_alone(config):
    text = "The minister arrived in Madrid\n, officials said on Monday.\n"
    doc = Document("paragraphs", text)
    _flag(doc, "punctuation", "Madrid\n,")
    RewriteStage(config).process(doc)
    assert doc.edits == []


def test_two_flags_on_the_same_words_share_one_edit(config):
    doc = Document("twice", TEXT)
    first = _flag(doc, "glued_words", "prioritythe")
    second = _flag(doc, "spelling", "prioritythe")
    RewriteStage(config).process(doc)
    [edit] = doc.edits
    assert edit.applied and edit.flag_ids == [first.id, second.id]


def test_a_spelling_flag_on_a_compound_or_known_word_is_never_applied(config):
    text = "After a weekslong standoff the carmakers agreed a deal.\nFighting resumd on Sunday in the north.\n"
    doc = Document("spelling", text)
    _flag(doc, "spelling", "weekslong", suggestion="week-long")
    _flag(doc, "spelling", "carmakers", suggestion="car makers")
    _flag(doc, "spelling", "resumd", suggestion="resumed")
    RewriteStage(config).process(doc)
    assert "weekslong standoff the carmakers" in doc.cleaned_text
    held = [e for e in doc.edits if e.before in ("weekslong", "carmakers")]
    assert held and all(not e.applied and not e.details["guards"]["misspelling"]["passed"] for e in held)
    assert "Fighting resumed on Sunday" in doc.cleaned_text
