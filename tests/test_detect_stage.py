"""The detect stage records one flag per span and category, however many detectors found it."""

from __future__ import annotations

from pipeline.detect.base import Finding
from pipeline.detect.stage import merge_same_span, record_findings
from pipeline.document import Document

TEXT = "The council approved the plan for the vrelnik market on Tuesday."
WORD = (TEXT.index("vrelnik"), TEXT.index("vrelnik") + len("vrelnik"))


def finding(detector: str, confidence: float, category: str = "mt_artefact", **details) -> Finding:
    return Finding(category, *WORD, f"{detector} says so", detector, confidence, details=details)


def test_two_detectors_on_the_same_words_give_one_flag_that_names_both():
    doc = Document("t", TEXT)
    view = doc.view()
    record_findings(doc, view, "detect", [finding("mt.fluency", 0.4), finding("mt.nonword", 0.6, rewrite=False)])
    (flag,) = doc.flags
    assert flag.detector == "mt.nonword" and flag.message == "mt.nonword says so"
    assert flag.details["also_found_by"] == ["mt.fluency"]
    assert flag.details["rewrite"] is False


def test_a_detector_asking_for_no_change_keeps_the_merged_flag_from_the_rewriter():
    (merged,) = merge_same_span([finding("mt.nonword", 0.6), finding("mt.untranslated", 0.3, rewrite=False)])
    assert merged.detector == "mt.nonword" and merged.details["rewrite"] is False
    assert merged.details["also_found_by"] == ["mt.untranslated"]


def test_other_categories_other_spans_and_findings_with_a_replacement_stay_apart():
    shifted = Finding("mt_artefact", WORD[0], WORD[1] + 7, "wider", "mt.fluency", 0.4)
    fixing = Finding("glued_words", *WORD, "split", "glued.split", 0.9, replacement="vrel nik")
    kept = merge_same_span(
        [finding("mt.nonword", 0.6), finding("grammar.x", 0.5, category="spelling"), shifted, fixing]
    )
    assert [f.detector for f in kept] == ["mt.nonword", "grammar.x", "mt.fluency", "glued.split"]
    assert all("also_found_by" not in f.details for f in kept)


def test_the_merged_flag_keeps_every_detector_s_suggestion_among_its_alternatives():
    first = Finding(
        "mt_artefact", *WORD, "one", "mt.a", 0.7, suggestion="held", details={"alternatives": ["held", "staged"]}
    )
    second = Finding("mt_artefact", *WORD, "two", "mt.b", 0.7, suggestion="made")
    (merged,) = merge_same_span([first, second])
    assert merged.suggestion == "held" and merged.details["alternatives"] == ["staged", "made"]


def test_one_detector_flagging_the_same_words_twice_gives_one_flag_and_no_also_found_by():
    (merged,) = merge_same_span([finding("broken.syntax", 0.5), finding("broken.syntax", 0.6)])
    assert merged.confidence == 0.6 and "also_found_by" not in merged.details
