"""The normalize stage against plain ``ftfy.fix_text``: ``python -m benchmarks.normalize_vs_ftfy``.

The stage does more than ftfy (line by line with explanations, whitespace repairs, offset alignment
and one edit per change), so it is slower; this says by how much, on the same text. Rows: ftfy's
defaults, ftfy with the stage's news configuration, ``fix_and_explain`` line by line (what the stage
calls), and the whole stage (including building the document's edits).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

MB = 1_000_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000, help="generated documents (about 2 KB each)")
    parser.add_argument("--corpus", type=Path, help="folder of .txt files instead of a generated corpus")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()

    import ftfy

    from pipeline.config import PipelineConfig
    from pipeline.document import Document
    from pipeline.normalize.fixer import NEWS_FTFY_CONFIG, fix_line
    from pipeline.normalize.stage import NormalizeStage

    texts = _texts(args.corpus, args.documents)
    size = sum(len(text.encode("utf-8")) for text in texts)
    stage = NormalizeStage(PipelineConfig(stages=("normalize",)))
    no_explain = NEWS_FTFY_CONFIG._replace(explain=False)

    def whole_stage(text: str) -> None:
        stage.process(Document("bench", text))

    candidates: list[tuple[str, Callable[[str], object]]] = [
        ("ftfy.fix_text (defaults)", ftfy.fix_text),
        ("ftfy.fix_text (news config)", lambda text: ftfy.fix_text(text, no_explain)),
        ("fix_line per line (stage's fixer)", lambda text: [fix_line(line) for line in text.splitlines(keepends=True)]),
        ("normalize stage (edits included)", whole_stage),
    ]
    print(f"{len(texts)} documents, {size / MB:.2f} MB of text, best of {args.repeat}")
    print(f"{'what':<36}{'wall s':>8}{'MB/s':>7}{'CPU s':>7}{'MB/CPU-s':>9}{'vs ftfy (CPU)':>14}")
    baseline = None
    for name, function in candidates:
        wall, cpu = min((_time(function, texts) for _ in range(args.repeat)), key=lambda pair: pair[1])
        baseline = baseline or cpu
        print(
            f"{name:<36}{wall:>8.2f}{size / MB / wall:>7.2f}{cpu:>7.2f}{size / MB / cpu:>9.2f}{cpu / baseline:>13.1f}x"
        )
    print("wall MB/s depends on what else runs on the machine; MB per CPU-second is this process's own work")


def _time(function: Callable[[str], object], texts: list[str]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        function(text)
    return time.perf_counter() - wall, time.process_time() - cpu


def _texts(corpus: Path | None, documents: int) -> list[str]:
    if corpus:
        return [p.read_text(encoding="utf-8", errors="replace") for p in sorted(corpus.rglob("*.txt"))]
    import random

    from benchmarks.generate_corpus import make_document

    rng = random.Random(3)
    return [make_document(rng, int(300 * rng.uniform(0.6, 1.4)), 0.2) for _ in range(documents)]


if __name__ == "__main__":
    main()
