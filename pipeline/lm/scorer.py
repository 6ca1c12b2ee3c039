"""Causal-LM scoring: how much more likely a language model finds a candidate than the original.

The rewriter never lets the model generate text (a 135M model rewriting freely hallucinates); it
only asks which of a few candidate sentences the model finds more fluent. The score of a text is
the sum of its tokens' log-probabilities after a beginning-of-text token, so the first word is
scored too. ``gain`` compares a candidate with the original over the tokens from the first one
that differs: the shared token prefix has identical log-probabilities in both and is skipped, which
keeps long unchanged sentence openings from adding noise and is where batching saves work.

Usage::

    scorer = get_scorer(config)            # loaded once per process
    scorer.logprob(["A sentence.", ...])   # -> [float, ...] in nats
    scorer.gain("the Cross Red International", ["the International Red Cross"])  # -> [float]
"""

from __future__ import annotations

import copy
import dataclasses
import os
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from models.registry import DEFAULT_LM, resolve


class TokenStatistics(NamedTuple):
    """What the model said at one token position (nats)."""

    logprob: float  # of the token that is there
    best: float  # of the model's first choice
    entropy: float  # of the whole predicted distribution


@dataclass(frozen=True)
class ScorerSettings:
    model: str = DEFAULT_LM
    device: str = "auto"
    batch_size: int = 16
    threads: int = 1
    max_tokens: int = 256  # longer texts are cut (a sentence is far shorter)
    context_before: int = 32  # shared tokens kept as context before a difference
    context_after: int = 12  # shared tokens scored after a difference

    @classmethod
    def from_config(cls, config: Any) -> ScorerSettings:
        return cls(
            model=getattr(config, "lm_model", DEFAULT_LM) or DEFAULT_LM,
            device=getattr(config, "device", "auto") or "auto",
            batch_size=int(getattr(config, "batch_size", 16) or 16),
            threads=int(getattr(config, "threads", 1) or 0),
        )


class CausalLMScorer:
    """A causal language model plus its tokenizer, scoring texts in padded batches."""

    def __init__(self, settings: ScorerSettings):
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer

        from pipeline.lm.device import select_device, set_threads

        started = time.perf_counter()
        self.settings = settings
        set_threads(settings.threads)
        self.device = select_device(settings.device)
        self.source = resolve(settings.model)
        if not self.source.hub:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
        kwargs: dict[str, Any] = {"gguf_file": self.source.gguf_file} if self.source.gguf_file else {}
        self.tokenizer = AutoTokenizer.from_pretrained(self.source.path, **kwargs)
        self.model = AutoModelForCausalLM.from_pretrained(self.source.path, dtype=torch.float32, **kwargs)
        self.model.to(self.device).eval()  # type: ignore[arg-type]  # transformers' decorator hides .to's signature
        self._torch = torch
        self._bos = self._start_token_id()
        self._pad = self.tokenizer.pad_token_id if self.tokenizer.pad_token_id is not None else self._bos
        self.load_seconds = time.perf_counter() - started

    def _start_token_id(self) -> int:
        for candidate in (self.tokenizer.bos_token_id, self.tokenizer.eos_token_id, self.tokenizer.pad_token_id):
            if candidate is not None:
                return int(candidate)
        return 0

    def describe(self) -> dict[str, Any]:
        return {"model": self.settings.model, "loaded_from": self.source.describe(), "device": self.device}

    def encode(self, text: str) -> list[int]:
        ids = self.tokenizer(text, add_special_tokens=False)["input_ids"]
        return [self._bos] + list(ids)[: self.settings.max_tokens]

    def token_offsets(self, text: str) -> list[tuple[int, int]]:
        """Character span in ``text`` of each token :meth:`encode` scores (the start token excluded),
        cut where ``encode`` cuts: the n-th span belongs to the n-th value of ``token_logprobs``."""
        encoded = self.tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
        return [(int(a), int(b)) for a, b in encoded["offset_mapping"]][: self.settings.max_tokens]

    def token_logprobs(self, texts: Sequence[str]) -> list[list[float]]:
        """Per-token log-probabilities (nats) of each text, its start token excluded."""
        # similar lengths share a batch, so little compute goes to padding
        return self._score_ids([self.encode(t) for t in texts])

    def prefix_logprobs(self, texts: Sequence[str], keep: Sequence[int]) -> list[list[float]]:
        """Per-token log-probabilities (nats) of the first ``keep[i]`` tokens of each text (start token
        excluded), exactly as ``token_logprobs`` gives them: a causal model's value for a token does
        not depend on what follows it, so the tokens after are neither fed nor scored."""
        return self._score_ids([self.encode(t)[: k + 1] for t, k in zip(texts, keep)])

    def variant_logprobs(self, texts: Sequence[str], keep: Sequence[int]) -> list[list[float]]:
        """``prefix_logprobs`` for variants of one text that share a long beginning ("... paid big
        attention", "... paid great attention"): the tokens all of them share are run once and their
        key-value cache is reused for each variant's remaining tokens, so twenty variants cost about
        one pass over the sentence plus twenty short continuations. The values are those of
        ``prefix_logprobs`` up to float rounding (a causal model's value for a token depends only on
        the tokens before it)."""
        encoded = [self.encode(t)[: k + 1] for t, k in zip(texts, keep)]
        if len(encoded) < 2:
            return self._score_ids(encoded)
        shared = min(min(_common_prefix(encoded[0], ids) for ids in encoded), min(len(ids) for ids in encoded) - 1)
        if shared < 2:
            return self._score_ids(encoded)
        torch = self._torch
        prefix, rests = encoded[0][:shared], [ids[shared:] for ids in encoded]
        width = max(len(rest) for rest in rests)
        input_ids = torch.full((len(rests), width), self._pad, dtype=torch.long)
        mask = torch.zeros((len(rests), shared + width), dtype=torch.long)
        mask[:, :shared] = 1
        for row, rest in enumerate(rests):
            input_ids[row, : len(rest)] = torch.tensor(rest, dtype=torch.long)
            mask[row, shared : shared + len(rest)] = 1
        with torch.inference_mode():
            first = self.model(input_ids=torch.tensor([prefix], device=self.device), use_cache=True)
            prefix_logprobs = torch.log_softmax(first.logits[0].float(), dim=-1)
            shared_values = prefix_logprobs[:-1].gather(-1, torch.tensor(prefix[1:], device=self.device).unsqueeze(-1))
            cache = first.cache
            cache.batch_repeat_interleave(len(rests))
            logits = self.model(
                input_ids=input_ids.to(self.device), attention_mask=mask.to(self.device), cache=cache
            ).logits.float()
            logprobs = torch.log_softmax(logits[:, :-1], dim=-1)
            picked = logprobs.gather(-1, input_ids[:, 1:].unsqueeze(-1).to(self.device)).squeeze(-1).cpu()
            opening = prefix_logprobs[-1].cpu()
        head = shared_values.squeeze(-1).cpu().tolist()
        return [
            head + [float(opening[rest[0]])] + picked[row, : len(rest) - 1].tolist() for row, rest in enumerate(rests)
        ]

    def token_statistics(self, texts: Sequence[str]) -> list[list[TokenStatistics]]:
        """Per token of each text (its start token excluded): log-probability, the best token's
        log-probability and the entropy of the predicted distribution, all in nats.

        The word-level quality estimator needs all three (surprisal alone confounds "this word is
        wrong" with "anything could follow here"); they come from the same forward pass.
        """
        return self._score_ids([self.encode(t) for t in texts], statistics=True)

    def _batch_logprobs(self, batch: list[list[int]], statistics: bool = False) -> list[list[Any]]:
        torch = self._torch
        width = max(len(ids) for ids in batch)
        input_ids = torch.full((len(batch), width), self._pad, dtype=torch.long)
        mask = torch.zeros((len(batch), width), dtype=torch.long)
        for row, ids in enumerate(batch):
            input_ids[row, : len(ids)] = torch.tensor(ids, dtype=torch.long)
            mask[row, : len(ids)] = 1
        input_ids, mask = input_ids.to(self.device), mask.to(self.device)
        with torch.inference_mode():
            logits = self.model(input_ids=input_ids, attention_mask=mask).logits.float()
            logprobs = torch.log_softmax(logits[:, :-1], dim=-1)
            picked = logprobs.gather(-1, input_ids[:, 1:].unsqueeze(-1)).squeeze(-1).cpu()
            if not statistics:
                return [picked[row, : len(ids) - 1].tolist() for row, ids in enumerate(batch)]
            best = logprobs.max(dim=-1).values.cpu()
            entropy = (-(logprobs.exp() * logprobs).sum(dim=-1)).cpu()
        return [
            [
                TokenStatistics(p, b, e)
                for p, b, e in zip(
                    picked[row, : len(ids) - 1].tolist(),
                    best[row, : len(ids) - 1].tolist(),
                    entropy[row, : len(ids) - 1].tolist(),
                )
            ]
            for row, ids in enumerate(batch)
        ]

    def logprob(self, texts: Sequence[str]) -> list[float]:
        """Total log-probability (nats) of each text."""
        return [sum(values) for values in self.token_logprobs(texts)]

    def gain(self, original: str, candidates: Sequence[str]) -> list[float]:
        """Log-likelihood gain (nats) of each candidate over ``original``; > 0 means more fluent.

        Only tokens from the first differing token on are summed (the shared prefix scores the same
        in both texts under a causal model), up to ``context_after`` tokens past the last difference.
        """
        return self.gains([(original, c) for c in candidates])

    def gains(
        self, pairs: Sequence[tuple[str, str]], context_before: int | None = None, context_after: int | None = None
    ) -> list[float]:
        """``gain`` for many (original, candidate) pairs at once, all in the same batches.

        Each pair is scored on a window: up to ``context_before`` shared tokens before the first
        difference (as context, not summed), the differing tokens, and up to ``context_after``
        shared tokens after it (summed: the change alters how likely they are). Short sentences fit
        whole; long ones cost no more than short ones. Both default to the scorer's settings; a
        detector judging a local change (an article) may ask for narrower windows.
        """
        before = self.settings.context_before if context_before is None else context_before
        after = self.settings.context_after if context_after is None else context_after
        ids = {t: self.encode(t)[1:] for t in {t for pair in pairs for t in pair}}
        windows: dict[tuple[int, ...], int] = {}
        plans = []
        for original, candidate in pairs:
            a, b = ids[original], ids[candidate]
            prefix = _common_prefix(a, b)
            suffix = _common_prefix(a[prefix:][::-1], b[prefix:][::-1])
            left = max(0, prefix - before)
            plan = []
            for tokens in (a, b):
                right = min(len(tokens), len(tokens) - suffix + after)
                window = (self._bos, *tokens[left:right])
                windows.setdefault(window, len(windows))
                plan.append(window)
            plans.append((prefix - left, plan))
        unique = sorted(windows, key=lambda window: windows[window])
        scored = dict(zip(unique, self._score_ids([list(w) for w in unique])))
        return [sum(scored[cand][skip:]) - sum(scored[orig][skip:]) for skip, (orig, cand) in plans]

    def _score_ids(self, encoded: list[list[int]], statistics: bool = False) -> list[list[Any]]:
        results: list[list[Any]] = [[] for _ in encoded]
        order = sorted(range(len(encoded)), key=lambda i: len(encoded[i]))
        size = max(1, self.settings.batch_size)
        for begin in range(0, len(order), size):
            chunk = order[begin : begin + size]
            for index, values in zip(chunk, self._batch_logprobs([encoded[i] for i in chunk], statistics)):
                results[index] = values
        return results


def _common_prefix(a: Sequence[int], b: Sequence[int]) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


_SCORERS: dict[ScorerSettings, CausalLMScorer] = {}
_LOCK = threading.Lock()


def get_scorer(config: Any = None) -> CausalLMScorer:
    """The process-wide scorer for ``config`` (a PipelineConfig, ScorerSettings or None = defaults).

    Settings that only change batching share the loaded model: a second batch size must not cost a
    second model load.
    """
    settings = config if isinstance(config, ScorerSettings) else ScorerSettings.from_config(config)
    with _LOCK:
        scorer = _SCORERS.get(settings)
        if scorer is None:
            same_model = next(
                (s for k, s in _SCORERS.items() if dataclasses.replace(k, batch_size=settings.batch_size) == settings),
                None,
            )
            if same_model is not None:
                scorer = copy.copy(same_model)
                scorer.settings = settings
            else:
                scorer = CausalLMScorer(settings)
            _SCORERS[settings] = scorer
        return scorer
