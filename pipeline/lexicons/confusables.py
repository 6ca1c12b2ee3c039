"""Real-word confusion pairs ("waiver"/"waver") from ``confusables.tsv``: one reader for the
confusable-word detector and the rewriter's candidate generator."""

from __future__ import annotations

from functools import lru_cache

from pipeline.lexicons.loader import load_tsv


@lru_cache(maxsize=1)
def confusable_pairs() -> dict[str, tuple[str, ...]]:
    """word -> the words it is confused with, both directions of every lexicon row (lower case)."""
    out: dict[str, tuple[str, ...]] = {}
    for row in load_tsv("confusables.tsv"):
        if len(row) < 2:
            continue
        a, b = row[0].lower(), row[1].lower()
        for word, partner in ((a, b), (b, a)):
            if partner not in out.get(word, ()):
                out[word] = out.get(word, ()) + (partner,)
    return out
