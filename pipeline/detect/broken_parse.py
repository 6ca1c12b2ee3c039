"""spaCy parses of running-text paragraphs for the broken-sentence checks.

Parsing is the slowest step of detection, so it is done once per paragraph and cached by the
paragraph's text (bounded, so memory stays flat over a run); a paragraph that repeats across
documents, or is asked for twice, is parsed once. Only paragraphs that read as running text are
parsed at all: headline-like lines are the boilerplate stage's business.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from pipeline.text.nlp import spacy_pipeline
from pipeline.text.segment import Span

MAX_PARAGRAPH = 100_000  # longer "paragraphs" are not prose and are not parsed


@lru_cache(maxsize=512)
def parse_paragraph(text: str) -> Any:
    """The spaCy ``Doc`` of one paragraph (token offsets are ``token.idx`` into ``text``)."""
    return spacy_pipeline()(text)


def parse_paragraphs(paragraphs: list[Span]) -> list[tuple[Span, Any]]:
    """``(paragraph, Doc)`` for each paragraph short enough to parse."""
    return [(para, parse_paragraph(para.text)) for para in paragraphs if len(para.text) <= MAX_PARAGRAPH]
