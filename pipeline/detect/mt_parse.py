"""spaCy parses of single paragraphs, shared by the MT-artefact detectors that need names or syntax.

spaCy is by far the slowest thing these detectors do (a few KB per second on this CPU), so a
detector first finds the paragraphs where its pattern can occur with a cheap regex and parses only
those. Parses are cached by paragraph text, so two detectors asking for the same paragraph parse it
once; the cache is bounded, so memory stays flat over a run.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from pipeline.text.nlp import spacy_pipeline

MAX_PARAGRAPH = 100_000  # longer "paragraphs" are not prose; they are not parsed


@lru_cache(maxsize=256)
def parse_paragraph(text: str) -> Any:
    """The spaCy ``Doc`` of one paragraph (offsets are ``token.idx`` into ``text``)."""
    return spacy_pipeline()(text[:MAX_PARAGRAPH])
