"""What running the stages in a stoppable child process costs: ``python benchmarks/isolation_cost.py``.

The same generated corpus is cleaned by ``postedit clean`` with ``isolate_stages`` on and off,
alternating, each run with fresh caches, and the ratio isolated / in-process of wall and CPU time
(parent and children) is printed per pair. Ratios, not seconds, because the machine is shared.
The cost has two parts: one fresh interpreter per worker (imports, preparing the stages) and a copy
of each document state through a socket per stage.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SUBJECTS = ["The council", "A spokeswoman for the port", "Local farmers", "The regional court", "Two inspectors"]
VERBS = ["said on Tuesday that", "warned that", "confirmed that", "denied reports that", "argued that"]
CLAUSES = [
    "the new bridge would open in the spring",
    "water levels in the reservoir had fallen for a third week",
    "the contract had been signed without a public tender",
    "the ferry service would resume once the storm passed",
]


def generate(folder: Path, documents: int, paragraphs: int) -> None:
    rng = random.Random(1)
    folder.mkdir(parents=True)
    for index in range(documents):
        lines = [
            " ".join(f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(CLAUSES)}." for _ in range(3))
            for _ in range(paragraphs)
        ]
        (folder / f"doc{index:04d}.txt").write_text("\n".join(lines) + "\n")


def run(corpus: Path, work: Path, isolate: bool, stages: str) -> tuple[float, float]:
    config = work / "config.toml"
    config.write_text(
        f"[postedit]\nisolate_stages = {str(isolate).lower()}\nrewrite = false\ncache_dir = {json.dumps(str(work / 'cache'))}\n"
    )
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    command = [str(Path(sys.executable).with_name("postedit")), "clean", str(corpus), str(work / "out")]
    command += ["--config", str(config), "--no-progress", "--stages", stages]
    subprocess.run(command, check=True, capture_output=True, cwd=REPO)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    shutil.rmtree(work / "out")
    shutil.rmtree(work / "cache", ignore_errors=True)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--paragraphs", type=int, default=6)
    parser.add_argument("--pairs", type=int, default=3)
    parser.add_argument("--stages", default="normalize,boilerplate,detect,grammar")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        generate(corpus, args.documents, args.paragraphs)
        print(f"{args.documents} documents, stages {args.stages}\n")
        print("| pair | in-process wall s | isolated wall s | wall ratio | CPU ratio |\n|---:|---:|---:|---:|---:|")
        for pair in range(1, args.pairs + 1):
            plain = run(corpus, Path(tmp), False, args.stages)
            isolated = run(corpus, Path(tmp), True, args.stages)
            print(
                f"| {pair} | {plain[0]:.1f} | {isolated[0]:.1f} | {isolated[0] / plain[0]:.2f} | {isolated[1] / plain[1]:.2f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
