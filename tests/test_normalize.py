"""The normalize stage: ftfy for news typography, with every change an aligned, explained edit."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.config import PipelineConfig
from pipeline.document import Document, apply_edits
from pipeline.normalize.alignment import align_changes
from pipeline.normalize.stage import NormalizeStage


def normalize(text: str) -> Document:
    doc = Document("d", text)
    NormalizeStage(PipelineConfig()).process(doc)
    return doc


def test_news_typography_is_left_alone():
    text = "“We won’t stop,” she said — and left. Zürich’s café, 5–7 p.m.\n"
    doc = normalize(text)
    assert doc.edits == []
    assert doc.cleaned_text == text


def test_mojibake_is_repaired_with_an_edit_at_the_damaged_characters():
    text = "The cafÃ© owner said â€œnoâ€\x9d."
    doc = normalize(text)
    assert doc.cleaned_text == "The café owner said “no”."
    first = doc.edits[0]
    assert text[first.start : first.end] == first.before == "Ã©"
    assert first.after == "é"
    assert "mojibake" in first.reason or "encoding" in first.reason
    assert all(flag.category == "encoding" for flag in doc.flags)


def test_html_entities_zero_width_and_odd_spaces_are_fixed():
    doc = normalize("AT&amp;T\u200b said\u00a0it  would.\n")
    assert doc.cleaned_text == "AT&T said it would.\n"
    reasons = " ".join(edit.reason for edit in doc.edits)
    assert "HTML entity" in reasons and "zero-width" in reasons and "space" in reasons


def test_control_characters_are_removed():
    doc = normalize("Breaking\x07 news\x1b[31m today")
    assert "\x07" not in doc.cleaned_text and "\x1b" not in doc.cleaned_text


def test_crlf_line_endings_are_kept():
    text = "First line.\r\nSecond line.\r\n"
    assert normalize(text).cleaned_text == text


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40), st.text(max_size=40))
def test_alignment_replays_to_the_repaired_text(before, after):
    changes = align_changes(before, after)
    rebuilt = before
    for change in sorted(changes, key=lambda c: c.start, reverse=True):
        rebuilt = rebuilt[: change.start] + change.after + rebuilt[change.end :]
    assert rebuilt == after


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .\n\u00a0\u200b&;’Ã©â€œ\x9d\x07")), max_size=60))
def test_normalize_edits_always_replay(text):
    doc = normalize(text)
    assert apply_edits(doc.original_text, doc.edits) == doc.cleaned_text
