"""The sentence splitter (pipeline/text/segment.py).

Outcomes, not durations: every non-blank character lands in exactly one sentence, in order, on the
gold and on the issue-12 shapes; the behaviours the module's docstring promises hold.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.text.segment import paragraphs, sentences

HERE = Path(__file__).parent / "data"


def _split(text: str) -> list[str]:
    return [s.text for s in sentences(text)]


def _covers(text: str) -> bool:
    spans = sentences(text)
    pos = 0
    for s in spans:
        if s.start < pos or text[s.start : s.end] != s.text or text[pos : s.start].strip():
            return False
        pos = s.end
    return not text[pos:].strip()


@pytest.mark.parametrize("name", ["sentence_gold.jsonl", "sentence_heldout.jsonl"])
def test_offsets_are_exact_on_the_gold(name: str) -> None:
    for line in (HERE / name).open(encoding="utf-8"):
        assert _covers(json.loads(line)["text"])


@pytest.mark.parametrize(
    "text",
    [
        "Mr. " * 50_000 + "The vote passed.",
        "a" * 300_000,
        "".join(f"Menu item {i}\n" for i in range(20_000)),
        "It was a surprise" + "!" * 100_000 + " Nobody expected it.",
        "“" * 50_000 + "word" + "”" * 50_000,
        "word" + " " * 200_000 + "word",
        "x" + "!" * 100_000 + "x",
    ],
    ids=["mr", "long-token", "short-lines", "bangs", "quotes", "spaces", "glued-bangs"],
)
def test_pathological_shapes_are_split_and_keep_every_character(text: str) -> None:
    assert _covers(text)


def test_glued_sentences_are_split_but_urls_and_abbreviations_are_not() -> None:
    assert _split("It closed in 2021.The staff left.") == ["It closed in 2021.", "The staff left."]
    assert _split("He called it “unfair.”His party left.") == ["He called it “unfair.”", "His party left."]
    assert len(_split("See https://example.org/Annual.Report.pdf now.")) == 1
    assert len(_split("Mr.Lopez and ASP.NET and Node.js.")) == 1


def test_abbreviations_end_a_sentence_only_before_a_sentence_starter() -> None:
    assert _split("They moved to the U.S. It worked.") == ["They moved to the U.S.", "It worked."]
    assert len(_split("U.S. officials met Dr. Kim on Jan. 5 at No. 10.")) == 1


def test_quotations_ellipses_and_list_numbers() -> None:
    assert len(_split("“We won!” she said.")) == 1
    assert len(_split("“Why now?” Garcia asked.")) == 1
    assert _split("“We tried. We failed,” he said.") == ["“We tried.", "We failed,” he said."]
    assert len(_split("The answer was… complicated.")) == 1
    assert _split("1. Close the road. 2. Open the bridge.") == ["1. Close the road.", "2. Open the bridge."]


def test_paragraphs_are_lines() -> None:
    assert [p.text for p in paragraphs("Title\n\n  Body one. Body two.  \n")] == ["Title", "Body one. Body two."]
