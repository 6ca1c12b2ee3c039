"""The normalize stage: ftfy for news typography and unwrapping of hard-wrapped paragraphs, with every
change an aligned, explained edit, in linear time on any input."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.config import PipelineConfig
from pipeline.document import Document, apply_edits
from pipeline.normalize.alignment import Replacement, align_changes
from pipeline.normalize.stage import NormalizeStage
from pipeline.normalize.unwrap import hyphen_is_a_break
from pipeline.text.segment import paragraphs


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


def test_a_zero_width_space_between_two_words_becomes_a_space_and_one_inside_a_word_goes():
    doc = normalize("The harbour\u200bopened at dawn; the news\u200bpaper and Narendra\u200bModi said so.\n")
    assert doc.cleaned_text == "The harbour opened at dawn; the newspaper and Narendra Modi said so.\n"
    spaced = [edit for edit in doc.edits if edit.after == " "]
    assert len(spaced) == 2 and all("between two words" in edit.reason for edit in spaced)
    assert apply_edits(doc.original_text, doc.edits) == doc.cleaned_text


def test_a_zero_width_space_inside_a_web_address_is_removed_without_a_space():
    doc = normalize("Read it at https://example.org/local/harbour\u200bopened before noon.\n")
    assert "https://example.org/local/harbouropened" in doc.cleaned_text


def test_a_right_quote_whose_last_byte_was_lost_is_restored():
    # UTF-8 of a closing quote read as windows-1252 by a decoder that replaced the byte 0x9D
    text = "The mayor called it \u00e2\u20ac\u0153a fresh start\u00e2\u20ac\ufffd on Monday.\n"
    doc = normalize(text)
    assert doc.cleaned_text == "The mayor called it \u201ca fresh start\u201d on Monday.\n"
    assert "\ufffd" not in doc.cleaned_text
    assert any("last byte was lost" in flag.message for flag in doc.flags)


def test_a_lost_byte_that_is_not_a_quote_is_left_as_a_replacement_character():
    doc = normalize("The \u00c3\ufffdrea was closed.\n")  # U+00C1 or U+00CD or ...: cannot be told apart
    assert "\ufffd" in doc.cleaned_text


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


# ----------------------------------------------------------------------------- hard-wrapped text
# Paragraphs written for these tests: wire-style copy about a fictional harbour dispute.
HARBOUR = (
    "Harbour pilots and the port authority resumed their talks on Monday after a pause of two weeks, "
    "but the main disagreements over night shifts and pension contributions were not settled by the "
    "evening. A spokeswoman for the pilots said the ferry service to the islands would keep running "
    "while the negotiations continued, although freight traffic could be delayed at short notice."
)
COUNCIL = (
    "The regional council will decide next month whether to lend the authority the money for a new "
    "pilot boat, which would replace a vessel that has been in service for more than thirty years."
)


def _ends_a_sentence(line: str) -> bool:
    return line.rstrip().endswith((".", "!", "?"))


@pytest.mark.parametrize("width", [34, 50, 66, 78])
def test_wrapped_wire_copy_is_unwrapped_at_any_width(width):
    paragraphs = [textwrap.wrap(HARBOUR, width), textwrap.wrap(COUNCIL, width)]
    text = "\n\n".join("\n".join(lines) for lines in paragraphs) + "\n"
    doc = normalize(text)
    cleaned = doc.cleaned_text.split("\n\n")
    assert len(cleaned) == 2  # the blank line between the paragraphs stays
    for lines, result in zip(paragraphs, cleaned):
        # each line break inside the paragraph became a space, except (at most) one after a full stop
        # before a capital, which reads the same either way and is left as it was
        kept = [a for a, b in zip(lines, lines[1:]) if f"{a}\n{b}" in result]
        assert all(_ends_a_sentence(line) for line in kept)
        assert result.replace("\n", " ").strip() == " ".join(lines)
    assert doc.edits and all(edit.reason.startswith("hard-wrapped paragraph") for edit in doc.edits)
    assert all(edit.before == "\n" and edit.after == " " for edit in doc.edits)
    assert apply_edits(doc.original_text, doc.edits) == doc.cleaned_text


def test_later_stages_see_one_paragraph_where_the_text_was_wrapped():
    text = "\n".join(textwrap.wrap(HARBOUR, 60)) + "\n\n" + "\n".join(textwrap.wrap(COUNCIL, 60)) + "\n"
    doc = normalize(text)
    assert [span.text for span in paragraphs(doc.view().text)] == [HARBOUR, COUNCIL]


def test_a_word_broken_by_a_line_end_hyphen_is_rejoined_and_a_compound_keeps_its_hyphen():
    text = (
        "Dock workers and the port authority met again on Monday, but the nego-\n"
        "tiations over the state-\n"
        "owned ferry company and the pension fund ended with-\n"
        "out any agreement, and the union said it would ballot its members.\n"
    )
    doc = normalize(text)
    assert doc.cleaned_text == (
        "Dock workers and the port authority met again on Monday, but the negotiations over the "
        "state-owned ferry company and the pension fund ended without any agreement, and the union said "
        "it would ballot its members.\n"
    )
    kinds = [(edit.details["unwrap"], edit.before, edit.details["left"]) for edit in doc.edits]
    assert kinds == [
        ("hyphen_removed", "-\n", "nego"),
        ("hyphen_kept", "\n", "state"),
        ("hyphen_removed", "-\n", "with"),
    ]
    assert "state-owned" in doc.edits[1].reason


def test_the_documents_own_spelling_decides_a_line_end_hyphen():
    wrapped = (
        "Officials said the co-\n"
        "operation between the two harbours had improved over the winter months and that the\n"
        "pilots had been consulted on the new timetable before it was published last week.\n"
    )
    assert "co-operation" in normalize(wrapped + "Further co-operation is planned.\n").cleaned_text
    assert "cooperation between" in normalize(wrapped + "Further cooperation is planned.\n").cleaned_text


def test_hyphen_rule_on_word_frequencies():
    from collections import Counter

    assert hyphen_is_a_break("nego", "tiations", Counter())[0]  # pieces that are not words
    assert hyphen_is_a_break("with", "out", Counter())[0]  # two words whose joined spelling is common
    assert hyphen_is_a_break("work", "ing", Counter())[0]  # a suffix
    assert not hyphen_is_a_break("long", "range", Counter())[0]  # a compound: "longrange" is rare
    assert not hyphen_is_a_break("Anglo", "French", Counter())[0]  # a capital after the hyphen


def test_a_wrapped_paragraph_before_a_list_is_joined_and_the_list_is_left_alone():
    text = (
        "The authority published the conditions it will put to the pilots when\n"
        "the talks resume, together with a timetable for the vote on the offer:\n"
        "- a pay rise of four per cent from April\n"
        "- no change to the night rotas this year\n"
        "- an independent review of the pension scheme\n"
    )
    doc = normalize(text)
    lines = doc.cleaned_text.splitlines()
    assert lines[0].endswith("on the offer:") and lines[0].count("pilots when the talks") == 1
    assert lines[1:] == text.splitlines()[2:]


def test_a_block_of_short_headlines_is_left_alone():
    text = (
        "Pilots and port authority resume talks\n"
        "Ferry operator trims its winter timetable\n"
        "Council to decide on loan for pilot boat\n"
        "Harbour master announces her retirement\n"
        "Freight traffic delayed by strong winds\n"
    )
    assert normalize(text).edits == []


def test_a_scraped_page_with_one_paragraph_per_line_is_left_alone():
    text = (
        "Home\nNews\nHarbour\nmore stories\n"
        + HARBOUR
        + "\n"
        + COUNCIL
        + "\n"
        + "the pilots' union has not yet said whether it will accept the authority's offer of talks.\n"
        + "Share this article\nfacebook\ntwitter\nemail\n"
        + "Sign up for our newsletter to receive the latest harbour news every morning before eight\n"
        + "by signing up you accept the terms of the harbour newsletter\n"
    )
    assert normalize(text).edits == []


def test_verse_addresses_and_code_are_left_alone():
    verse = (
        "The boats come in before the light is gone,\n"
        "The pilots watch the water from the wall;\n"
        "And when the ferry sounds its horn at dawn\n"
        "The harbour wakes, and answers to its call.\n"
    )
    address = "Harbour Pilots' Association\nUnit 4, Quay Buildings\nNorth Pier Road\nPortmouth PT1 4QQ\n"
    code = (
        "def average_delay(delays, ferries):\n"
        "    total = sum(delay for delay in delays if delay is not None)\n"
        "    return total / max(len(ferries), 1)\n"
    )
    for text in (verse, address, code):
        assert normalize(text).edits == [], text


def test_windows_line_endings_are_unwrapped_and_kept_elsewhere():
    lines = textwrap.wrap(HARBOUR, 64)
    text = "\r\n".join(lines) + "\r\n\r\n" + COUNCIL + "\r\n"
    doc = normalize(text)
    assert doc.edits and all(edit.before == "\r\n" and edit.after == " " for edit in doc.edits)
    first, rest = doc.cleaned_text.split("\r\n\r\n")
    assert rest == COUNCIL + "\r\n"
    assert all(_ends_a_sentence(line) for line in first.split("\r\n")[:-1])
    assert first.replace("\r\n", " ") == HARBOUR


def test_unwrapping_can_be_switched_off():
    text = "\n".join(textwrap.wrap(HARBOUR, 50)) + "\n"
    doc = Document("d", text)
    NormalizeStage(PipelineConfig(unwrap_lines=False)).process(doc)
    assert doc.edits == []


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(HARBOUR.split() + COUNCIL.lower().split()), min_size=3, max_size=60), max_size=4),
    st.integers(min_value=20, max_value=90),
)
def test_unwrapping_never_merges_blank_separated_paragraphs_and_always_replays(paragraph_words, width):
    text = "\n\n".join("\n".join(textwrap.wrap(" ".join(words), width)) for words in paragraph_words)
    doc = normalize(text)
    assert apply_edits(doc.original_text, doc.edits) == doc.cleaned_text
    assert doc.cleaned_text.count("\n\n") == text.count("\n\n")
    assert all(edit.before.strip("-\r\n") == "" for edit in doc.edits)


# ------------------------------------------------------------------- linear time on any input
def test_alignment_of_repetitive_text_finds_the_one_change():
    before = "Mr. " * 20_000 + "caf\u00c3\u00a9" + " Mr." * 20_000
    after = "Mr. " * 20_000 + "caf\u00e9" + " Mr." * 20_000
    assert align_changes(before, after) == [Replacement(80_003, 80_005, "\u00e9")]


def test_many_changes_in_one_long_word_stay_small_edits():
    text = "ab\x07cd\x1b[31mef\x00" * 3000  # control characters glued into one 48,000-character word
    doc = normalize(text)
    assert doc.cleaned_text == "abcdef" * 3000
    assert len(doc.edits) > 3000 and max(len(edit.before) for edit in doc.edits) <= 5


@pytest.mark.parametrize(
    "text",
    [
        "x" * 200_000,
        "Mr. " * 50_000 + "The council met.\n",
        "".join(f"cell {i}\n" for i in range(20_000)),
        "It rose" + "!" * 100_000 + " again.\n",
        "before" + " " * 200_000 + "after\n",
        " " * 200_000 + "indented\n",
        "the caf\u00c3\u00a9 \u00e2\u20ac\u0153said\u00e2\u20ac\x9d " * 10_000,
    ],
    ids=["long-word", "mr-dot", "tiny-lines", "exclamations", "space-run", "leading-spaces", "mojibake"],
)
def test_pathological_shapes_are_processed(text):
    doc = normalize(text)
    assert apply_edits(doc.original_text, doc.edits) == doc.cleaned_text
