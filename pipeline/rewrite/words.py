"""Word-level helpers the candidate generators and guards share: tokens, frequencies, casing."""

from __future__ import annotations

import re
from functools import lru_cache

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.:/]*\d|\d")


def words(text: str) -> list[str]:
    """Word and number tokens, punctuation dropped ("people.Wolfgang" -> people, Wolfgang)."""
    return WORD.findall(text)


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """Zipf frequency of ``word`` in English (wordfreq, offline data); 0.0 when unknown or unavailable."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - wordfreq is part of the nlp extra
        return 0.0
    return zipf_frequency(word.lower(), "en")


def match_case(replacement: str, model: str) -> str:
    """``replacement`` with the capitalisation of ``model`` (Waiver -> Waver, WAIVER -> WAVER)."""
    if model.isupper() and len(model) > 1:
        return replacement.upper()
    if model[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement
