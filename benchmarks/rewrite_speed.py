"""Rewriter speed: model load (cold GGUF vs prepared safetensors), time per flagged sentence
(median, p95), batched versus one-by-one, and peak memory.

    .venv/bin/python benchmarks/rewrite_speed.py [--device auto|cpu|cuda] [--threads N] [--batch-size N] [--skip-cold]

The flagged sentences are written here (one flag each, the kinds the detectors raise); nothing is
cached between measurements (the rewriter is called directly, not through the sentence cache).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time

FLAGGED = [
    ("Ships waited at the Canal Suez entrance for two days.", "Canal Suez", "mt_artefact"),
    ("The bakery reopened after the floodand sales recovered quickly.", "floodand", "glued_words"),
    ("The roads were cleared by noon They reopened an hour later.", "noon They", "broken_sentence"),
    ("Tickets sold out within an hour .", "hour .", "punctuation"),
    ("Officials fear the storm will effect thousands of homes.", "effect", "grammar"),
    ("Councillor Mary Brewn opened the fair on Saturday.", "Brewn", "spelling"),
    ("The ferry docked at noon.Passengers cheered as the band played.", "noon.Passengers", "glued_words"),
    ("Tickets cost 20 euros ; children go free.", "euros ;", "punctuation"),
    ("Visitors queued outside the Museum Prado before dawn.", "Museum Prado", "mt_artefact"),
    ("Residents opposed the Council. Plan for a new road was dropped.", "Council. Plan", "broken_sentence"),
    ("The match was called off because of snow. of snow.", "snow. of snow.", "broken_sentence"),
    ("Voting ended early in the north Voters queued for hours.", "north Voters", "broken_sentence"),
    ("He will not loose his seat, the latest poll suggests.", "loose", "grammar"),
    (
        "The storm damaged roofs across the valley and left Dozens of families without power.",
        "left Dozens",
        "broken_sentence",
    ),
    (
        "The union said the strike would go ahead unless the offer improvedthe vote is on Friday.",
        "improvedthe",
        "glued_words",
    ),
    ("The bridge reopened to traffic on Monday ..", "Monday ..", "punctuation"),
]


def jobs():
    from pipeline.rewrite.candidates import FlagContext
    from pipeline.rewrite.rewriter import RewriteJob

    return [RewriteJob(s, FlagContext(s.index(w), s.index(w) + len(w), c)) for s, w, c in FLAGGED]


def load_time(prepared: bool, device: str, threads: int) -> float:
    """Wall time to build the scorer in a fresh process (cold: from the GGUF, no prepared copy)."""
    cache = os.environ.get("POSTEDIT_MODEL_CACHE") if prepared else tempfile.mkdtemp(prefix="no-prepared-")
    env = dict(os.environ, **({"POSTEDIT_MODEL_CACHE": cache} if cache else {}))
    code = (
        "import time, json; t=time.perf_counter();"
        "from pipeline.lm.scorer import ScorerSettings, CausalLMScorer;"
        f"s=CausalLMScorer(ScorerSettings(device={device!r}, threads={threads}));"
        "print(json.dumps({'seconds': time.perf_counter()-t, 'from': s.source.describe()}))"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    result = json.loads(out.strip().splitlines()[-1])
    print(f"  load {'prepared' if prepared else 'cold (GGUF)':12} {result['seconds']:6.1f} s  [{result['from']}]")
    return result["seconds"]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--device", default="auto")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--repeat", type=int, default=1, help="one-by-one passes over the sentences")
    parser.add_argument("--skip-cold", action="store_true", help="skip the slow cold GGUF load")
    args = parser.parse_args()
    print(
        f"{time.strftime('%Y-%m-%d %H:%M')} {platform.node()} {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}, "
        f"python {platform.python_version()}, device={args.device} threads={args.threads} batch_size={args.batch_size}"
    )

    if not args.skip_cold:
        load_time(False, args.device, args.threads)
    load_time(True, args.device, args.threads)

    from pipeline.config import PipelineConfig
    from pipeline.lm.scorer import get_scorer
    from pipeline.lm.similarity import get_similarity
    from pipeline.rewrite.rewriter import Rewriter, Thresholds

    config = PipelineConfig(device=args.device, threads=args.threads, batch_size=args.batch_size)
    started = time.perf_counter()
    scorer, similarity = get_scorer(config), get_similarity(config)
    rewriter = Rewriter(scorer, similarity, Thresholds.from_config(config))
    print(f"  scorer + embedder + spaCy ready in {time.perf_counter() - started:.1f} s in process ({scorer.device})")
    work = jobs()
    rewriter.decide(work[:2])  # warm-up: spaCy, first kernels

    per_sentence = []
    for _ in range(args.repeat):
        for job in work:
            t = time.perf_counter()
            rewriter.decide([job])
            per_sentence.append(time.perf_counter() - t)
    t = time.perf_counter()
    decisions = rewriter.decide(work)
    batched = (time.perf_counter() - t) / len(work)
    candidates = sum(
        len(c) for c in rewriter.candidates(work, {j.sentence: rewriter.names_of(j.sentence) for j in work})
    )
    print(
        f"  {len(work)} flagged sentences, {candidates} candidates ({candidates / len(work):.1f} per sentence), "
        f"{sum(1 for d in decisions if d and d.applied)} applied"
    )
    print(
        f"  one by one: median {statistics.median(per_sentence) * 1000:.0f} ms, p95 {percentile(per_sentence, 0.95) * 1000:.0f} ms per flagged sentence"
    )
    print(f"  batched (all in one call): {batched * 1000:.0f} ms per flagged sentence")

    texts = [s for s, _, _ in FLAGGED] * 2
    for size in (1, args.batch_size):
        object.__setattr__(scorer.settings, "batch_size", size)
        t = time.perf_counter()
        scorer.logprob(texts)
        print(
            f"  LM scoring, batch size {size:2d}: {(time.perf_counter() - t) / len(texts) * 1000:.0f} ms per sentence"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"  peak memory (RSS) {peak:.0f} MB"
        + (f"; CUDA peak {_cuda_peak():.0f} MB" if scorer.device.startswith("cuda") else "")
    )


def _cuda_peak() -> float:
    import torch

    return torch.cuda.max_memory_allocated() / 2**20


if __name__ == "__main__":
    main()
