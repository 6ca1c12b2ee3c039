"""The replay invariant: applied edits replayed onto the original give the cleaned text exactly."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.document import Document, Edit, ProposedEdit, ReplayError, apply_edits, tally_key


def test_edits_replay_right_to_left_onto_the_original():
    edits = [
        Edit("e1", "s", 0, 5, "Hello", "Hi", "r"),
        Edit("e2", "s", 6, 11, "wrold", "world", "r"),
    ]
    assert apply_edits("Hello wrold!", edits) == "Hi world!"


def test_overlapping_edits_are_refused():
    edits = [Edit("e1", "s", 0, 5, "Hello", "Hi", "r"), Edit("e2", "s", 3, 8, "lo wr", "x", "r")]
    with pytest.raises(ReplayError):
        apply_edits("Hello wrold!", edits)


def test_edit_whose_before_does_not_match_is_refused():
    with pytest.raises(ReplayError):
        apply_edits("Hello", [Edit("e1", "s", 0, 2, "Xe", "He", "r")])


def test_later_stage_edit_is_mapped_back_to_original_offsets():
    doc = Document("d", "aa  bb cc")
    view = doc.view()
    doc.add_edits(view, "one", [ProposedEdit(2, 4, " ", "spaces")])
    view = doc.view()
    assert view.text == "aa bb cc"
    (edit,) = doc.add_edits(view, "two", [ProposedEdit(6, 8, "CC", "caps")])
    assert (edit.start, edit.end, edit.before) == (7, 9, "cc")
    assert doc.cleaned_text == "aa bb CC"


def test_edit_over_an_earlier_edit_absorbs_it():
    doc = Document("d", "the cafÃ© opened")
    doc.add_edits(doc.view(), "one", [ProposedEdit(7, 9, "é", "mojibake")])
    view = doc.view()
    (edit,) = doc.add_edits(view, "two", [ProposedEdit(4, 8, "bistro", "word")])
    assert doc.cleaned_text == "the bistro opened"
    assert edit.details["merged"] == ["e1"]
    assert len(doc.edits) == 1


def test_two_changes_inside_one_earlier_edit_become_one_edit_and_both_land():
    doc = Document("d", "x â€œquotedâ€\x9d y")
    doc.add_edits(doc.view(), "one", [ProposedEdit(2, 14, "“quoted”", "mojibake")])
    view = doc.view()
    assert view.text == "x “quoted” y"
    (edit,) = doc.add_edits(view, "two", [ProposedEdit(2, 3, "‘", "quote"), ProposedEdit(9, 10, "’", "quote")])
    assert doc.cleaned_text == "x ‘quoted’ y"
    assert edit.details["merged"] == ["e1"] and edit.details["combined"] == ["quote"]


def test_unapplied_suggestion_does_not_change_the_text():
    doc = Document("d", "prices could loose value")
    doc.add_edits(doc.view(), "grammar", [ProposedEdit(13, 18, "lose", "confusable", applied=False)])
    assert doc.cleaned_text == "prices could loose value"
    assert (doc.edits[0].before, doc.edits[0].after, doc.edits[0].applied) == ("loose", "lose", False)


def test_report_round_trips_through_json():
    doc = Document("d", "x  y")
    doc.add_edits(doc.view(), "one", [ProposedEdit(1, 3, " ", "spaces")])
    doc.add_flag(doc.view(), "grammar", 0, 1, "m", "det", 0.5)
    again = Document.from_report(doc.to_report())
    assert again.to_report() == doc.to_report()


@st.composite
def stage_batches(draw):
    text = draw(st.text(alphabet=st.sampled_from("ab cdé\n.’"), min_size=0, max_size=40))
    batches = []
    for _ in range(draw(st.integers(1, 4))):
        proposals = []
        for _ in range(draw(st.integers(0, 4))):
            proposals.append(
                (
                    draw(st.integers(0, 60)),
                    draw(st.integers(0, 6)),
                    draw(st.text(alphabet="xyz ", max_size=4)),
                    draw(st.booleans()),
                )
            )
        batches.append(proposals)
    return text, batches


@settings(max_examples=300, deadline=None)
@given(stage_batches())
def test_any_sequence_of_stage_edits_keeps_the_replay_invariant(case):
    text, batches = case
    doc = Document("d", text)
    for number, batch in enumerate(batches):
        view = doc.view()
        proposals = []
        for start, length, after, applied in batch:
            start = min(start, len(view.text))
            end = min(start + length, len(view.text))
            proposals.append(ProposedEdit(start, end, after, "r", applied=applied))
        doc.add_edits(view, f"stage{number}", proposals)
    cleaned = doc.cleaned_text
    assert apply_edits(doc.original_text, doc.edits) == cleaned
    ordered = sorted(doc.edits, key=lambda e: (e.start, e.end))
    for left, right in zip(ordered, ordered[1:]):
        assert left.end <= right.start
    for edit in doc.edits:
        assert doc.original_text[edit.start : edit.end] == edit.before
    # rejecting any single applied edit still replays
    for edit in doc.edits:
        others = [e for e in doc.edits if e is not edit]
        apply_edits(doc.original_text, others)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30), st.integers(0, 30), st.integers(0, 5), st.text(max_size=5))
def test_single_stage_edit_lands_where_the_stage_meant(text, start, length, after):
    doc = Document("d", text)
    view = doc.view()
    start = min(start, len(text))
    end = min(start + length, len(text))
    doc.add_edits(view, "s", [ProposedEdit(start, end, after, "r")])
    assert doc.cleaned_text == text[:start] + after + text[end:]


@settings(max_examples=300, deadline=None)
@given(stage_batches())
def test_cleaned_text_equals_applying_each_stage_to_the_text_it_saw(case):
    text, batches = case
    doc = Document("d", text)
    expected = text
    for number, batch in enumerate(batches):
        view = doc.view()
        assert view.text == expected
        proposals: list[ProposedEdit] = []
        for start, length, after, _ in batch:
            start = min(start, len(view.text))
            end = min(start + length, len(view.text))
            if start == end or any(p.start < end and start < p.end for p in proposals):
                continue  # keep the batch unambiguous: non-empty, non-overlapping spans
            proposals.append(ProposedEdit(start, end, after, "r"))
        doc.add_edits(view, f"stage{number}", proposals)
        for proposal in sorted(proposals, key=lambda p: p.start, reverse=True):
            expected = expected[: proposal.start] + proposal.after + expected[proposal.end :]
    assert doc.cleaned_text == expected


def test_review_hints_are_tallied_apart_from_their_category():
    doc = Document("tally", "The ministry of the affairs external met yesterday.")
    view = doc.view()
    hint = doc.add_flag(view, "mt_artefact", 4, 37, "look here", "mt.fluency", 0.4, details={"review_hint": True})
    finding = doc.add_flag(view, "mt_artefact", 38, 42, "calque", "mt.test", 0.9)
    assert [tally_key(f) for f in (hint, finding)] == ["review_hint", "mt_artefact"]
    assert [tally_key(f.to_json()) for f in (hint, finding)] == ["review_hint", "mt_artefact"]
