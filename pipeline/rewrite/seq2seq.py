"""An optional Hugging Face seq2seq correction model (CoEdIT, T5 grammar models) as a candidate source.

None can be downloaded on our build machines, so it is off by default; a user with internet (or a
local copy) names one with ``seq2seq_model``. Its outputs are only candidates: they face the same
language-model choice and guards as every other candidate, so a hallucinating model cannot push
text past the guards.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Sequence
from typing import Any

from models.registry import resolve


class Seq2SeqCorrector:
    """``AutoModelForSeq2SeqLM`` + tokenizer from a registry name, folder or hub id."""

    def __init__(
        self,
        model: str,
        *,
        prefix: str = "",
        device: str = "auto",
        batch_size: int = 8,
        num_candidates: int = 3,
        max_new_tokens: int = 96,
    ):
        import torch
        from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

        from pipeline.lm.device import select_device

        started = time.perf_counter()
        self.name = model
        self.source = resolve(model)
        if not self.source.hub:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
        self.prefix = prefix
        self.batch_size = max(1, batch_size)
        self.num_candidates = max(1, num_candidates)
        self.max_new_tokens = max_new_tokens
        self.device = select_device(device)
        self.tokenizer = AutoTokenizer.from_pretrained(self.source.path)
        self.model = AutoModelForSeq2SeqLM.from_pretrained(self.source.path, dtype=torch.float32).to(self.device).eval()
        self._torch = torch
        self.load_seconds = time.perf_counter() - started

    def correct(self, sentences: Sequence[str]) -> list[list[str]]:
        """Up to ``num_candidates`` distinct corrections per sentence (beam search, deterministic)."""
        results: list[list[str]] = []
        beams = max(2, self.num_candidates)
        for begin in range(0, len(sentences), self.batch_size):
            chunk = list(sentences[begin : begin + self.batch_size])
            inputs = self.tokenizer(
                [self.prefix + s for s in chunk], return_tensors="pt", padding=True, truncation=True, max_length=256
            )
            inputs = {k: v.to(self.device) for k, v in inputs.items()}
            # a correction is about as long as its input; a model that never stops must not run on
            limit = min(self.max_new_tokens, int(inputs["input_ids"].shape[1] * 1.5) + 8)
            with self._torch.inference_mode():
                output = self.model.generate(
                    **inputs,
                    num_beams=beams,
                    num_return_sequences=self.num_candidates,
                    do_sample=False,
                    max_new_tokens=limit,
                )
            decoded = self.tokenizer.batch_decode(output, skip_special_tokens=True)
            for row in range(len(chunk)):
                outs = decoded[row * self.num_candidates : (row + 1) * self.num_candidates]
                results.append(list(dict.fromkeys(o.strip() for o in outs if o.strip())))
        return results


_MODELS: dict[tuple[str, str, str], Seq2SeqCorrector] = {}
_LOCK = threading.Lock()


def get_seq2seq(config: Any) -> Seq2SeqCorrector | None:
    """The process-wide seq2seq corrector named by ``config.seq2seq_model``, or None when unset."""
    name = getattr(config, "seq2seq_model", None)
    if not name:
        return None
    prefix = getattr(config, "seq2seq_prefix", "") or ""
    device = getattr(config, "device", "auto") or "auto"
    with _LOCK:
        model = _MODELS.get((name, prefix, device))
        if model is None:
            model = _MODELS[(name, prefix, device)] = Seq2SeqCorrector(
                name, prefix=prefix, device=device, batch_size=int(getattr(config, "batch_size", 8) or 8)
            )
        return model
