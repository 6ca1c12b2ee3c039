"""Quotation state carried from sentence to sentence within a paragraph, never across paragraphs."""

from __future__ import annotations

from pipeline.config import PipelineConfig
from pipeline.detect.base import DetectContext


def opened(text: str) -> list[bool]:
    """Per sentence: whether a quotation is open where it starts."""
    return [state.inside_after() for state in DetectContext(text, PipelineConfig()).quotation_states]


def test_a_quotation_carries_into_the_next_sentences_of_its_paragraph_until_it_closes():
    text = "The mayor spoke. “The bridge is safe. Traffic resumes today. Tolls stay,” she said. Crews left."
    assert opened(text) == [False, False, True, True, False]


def test_an_unclosed_quotation_does_not_carry_into_the_next_paragraph():
    text = "He said “we will appeal. The court erred.\n\nThe hearing is set for May. Lawyers agreed."
    assert opened(text) == [False, True, False, False]


def test_straight_marks_are_counted_the_same_way():
    assert opened('Fans shouted "We won. We won again." Then they left. Nobody stayed.') == [False, True, False, False]
