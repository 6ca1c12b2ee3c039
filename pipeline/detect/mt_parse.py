"""One spaCy parse per text, shared by the MT-artefact detectors that need parts of speech or names.

Several detectors look at the same document in a row; parsing it once instead of once per detector
keeps the detect stage cheap. Paragraphs are parsed separately (``nlp.pipe``) so a very long document
never hits spaCy's length limit and an entity never spans two paragraphs. The cache holds only the
last few texts, so memory stays flat over a run.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from pipeline.text.nlp import spacy_pipeline
from pipeline.text.segment import paragraphs

_MAX_PARAGRAPH = 100_000


@lru_cache(maxsize=4)
def parse(text: str) -> tuple[tuple[int, Any], ...]:
    """``(paragraph start offset, spaCy Doc)`` for each paragraph of ``text``.

    A token's offset in ``text`` is ``start + token.idx``.
    """
    spans = [p for p in paragraphs(text) if len(p.text) <= _MAX_PARAGRAPH]
    docs = spacy_pipeline().pipe(p.text for p in spans)
    return tuple((span.start, doc) for span, doc in zip(spans, docs))
