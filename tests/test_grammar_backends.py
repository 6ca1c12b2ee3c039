"""lingotweaker and Harper, for real: offsets are string indices, kinds are translated."""

from __future__ import annotations

import threading

import pytest

from pipeline.grammar.backends.harper import HarperBackend
from pipeline.grammar.backends.lingotweaker import LingotweakerBackend, byte_to_char_offsets
from pipeline.grammar.backends.spacing import SpacingBackend
from pipeline.grammar.rules import RuleFilter


@pytest.fixture(scope="module")
def lingotweaker() -> LingotweakerBackend:
    return LingotweakerBackend("en-US", RuleFilter.build())


@pytest.fixture(scope="module")
def harper() -> HarperBackend:
    return HarperBackend("en-US")


def test_byte_offsets_map_to_string_indices():
    text = "é😀a"
    table = byte_to_char_offsets(text)
    assert table[0] == 0 and table[2] == 1 and table[6] == 2 and table[7] == 3


def test_lingotweaker_spans_are_string_indices_after_an_emoji(lingotweaker):
    text = "😀 Fans said the the match was over."
    (match,) = [m for m in lingotweaker.check(text) if m.issue_type == "duplication"]
    assert text[match.start : match.end] == "the the"
    assert match.suggestions[0] == "the"
    assert match.rule_id == "ENGLISH_WORD_REPEAT_RULE"


def test_lingotweaker_disabled_rule_is_not_reported():
    backend = LingotweakerBackend("en-US", RuleFilter.build(disabled_rules=("ENGLISH_WORD_REPEAT_RULE",)))
    assert not [m for m in backend.check("Fans said the the match was over.") if m.issue_type == "duplication"]


def test_harper_finds_run_together_words_and_unclosed_quotes(harper):
    text = "“It was the top concernwe heard about, adding nothing."
    found = {(text[m.start : m.end], m.rule_id) for m in harper.check(text)}
    assert ("concernwe", "HARPER_Typo") in found
    assert ("“", "HARPER_Formatting") in found


def test_harper_space_before_comma_is_a_whitespace_issue(harper):
    text = "Nora Quill , a photographer, took it."
    (match,) = [m for m in harper.check(text) if m.issue_type == "whitespace"]
    assert (match.start, match.end) == (10, 11) and match.suggestions == ("",)


def test_harper_keeps_one_linter_per_thread(harper):
    linters = []

    def grab():
        linters.append(harper._linter())

    thread = threading.Thread(target=grab)
    thread.start()
    thread.join()
    assert linters[0] is not harper._linter()


def test_spacing_rule_finds_space_before_colon_but_not_an_ellipsis():
    backend = SpacingBackend()
    text = "Leeds, 3 May : the council said . . . nothing ."
    spans = [text[m.start : m.end] for m in backend.check(text)]
    assert spans == [" :", " ."]
    assert backend.check("He said: “yes” .")[0].suggestions == (".",)
