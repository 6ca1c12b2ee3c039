"""Detection quality and speed: recall/precision on the development gold, false flags on clean text.

Run: ``.venv/bin/python benchmarks/detect_eval.py [--stages normalize,boilerplate,detect]``
Prints recall per category and level, precision, the clean control set's flags per 1,000 words and
applied edits, and each detector's throughput (characters per second, parse shared and excluded).
"""

from __future__ import annotations

import argparse
import platform
import time
from datetime import date
from pathlib import Path

from pipeline.boilerplate.detector import find_boilerplate
from pipeline.config import PipelineConfig
from pipeline.detect.base import DetectContext
from pipeline.detect.registry import DETECTORS
from pipeline.detect.stage import load_detectors
from pipeline.evaluate.run import evaluate
from pipeline.evaluate.table import print_result
from pipeline.text.nlp import parse_paragraph
from pipeline.text.segment import paragraphs

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO.parent / "shared" / "gold" / "seeds.gold.jsonl"


def throughput(folders: list[Path], config: PipelineConfig, rounds: int = 3) -> list[tuple[str, float]]:
    texts = [p.read_text(encoding="utf-8") for folder in folders for p in sorted(folder.glob("*.txt"))]
    detectors = load_detectors(config, DETECTORS)
    seconds = {"boilerplate (stage)": 0.0, **{d.id: 0.0 for d in detectors}}
    for text in texts:
        for para in paragraphs(text):
            parse_paragraph(para.text)  # parses are cached per paragraph: time each detector's own work
        started = time.perf_counter()
        for _ in range(rounds):
            find_boilerplate(text)
        seconds["boilerplate (stage)"] += time.perf_counter() - started
        for detector in detectors:
            started = time.perf_counter()
            for _ in range(rounds):
                list(detector.detect(DetectContext(text, config)))
            seconds[detector.id] += time.perf_counter() - started
    started = time.perf_counter()
    for text in texts:
        for para in paragraphs(text):
            parse_paragraph.__wrapped__(para.text)
    seconds["spaCy parse (every paragraph, once)"] = (time.perf_counter() - started) * rounds
    chars = sum(len(t) for t in texts) * rounds
    return [(name, chars / spent) for name, spent in seconds.items()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gold", default=str(GOLD))
    parser.add_argument("--input", default=str(REPO / "seeds"))
    parser.add_argument("--control", default=str(REPO / "tests" / "data" / "clean_news"))
    parser.add_argument("--stages", default="normalize,boilerplate,detect")
    args = parser.parse_args()
    config = PipelineConfig(stages=tuple(s for s in args.stages.split(",") if s), rewrite=False)
    print(f"{date.today()} {platform.node()} python {platform.python_version()} stages={args.stages}")
    result = evaluate(args.gold, args.input, config, control_path=args.control)
    print_result(result)
    print("\nthroughput (characters per second; the shared spaCy parse is timed on its own):")
    for name, rate in throughput([Path(args.input), Path(args.control)], config):
        print(f"  {name:40s} {rate:>12,.0f}")


if __name__ == "__main__":
    main()
