"""The structural MT detectors (issue 13, parts 2-4): false flags on clean English and MLQE-PE word-level MCC.

Run (data paths are arguments; nothing of the data is stored in the repository)::

    PYTHONPATH=. .venv/bin/python benchmarks/mt_structure_eval.py \\
        --articles ../shared/eval/articles_dev.jsonl --mlqe ../shared/eval/mlqe_pe_dev.jsonl \\
        --scorer ../shared/eval/score_mlqe.py [--control tests/data/clean_news] [--workdir DIR]

Prints, for each detector and for all of them together:

- flags per 1,000 words on the ``article_text`` bodies of the articles file, on the
  ``post_edit_detok`` sentences of the MLQE file (human-corrected English) and on the control folder;
- the number of flags per detector on the ``mt_detok`` side and the MLQE scorer's numbers (pooled and per direction MCC beside a random
  flagger at the same rate, flagged share, token precision): the detectors run on each segment
  through the library (no normalisation, so offsets are into ``mt_detok`` itself), their flags are
  written as ``reports/<id>.json`` files in a scratch folder (one per detector and one combined), and
  the scorer, used as it is, reads them;
- the detectors' own time beside spaCy's parse of the same text (parses are shared and cached: each
  paragraph is parsed once, timed apart, before the detectors run).

The detectors make no edits themselves (they flag, with suggestions where the fix is exact), so the
"applied edits" of this benchmark are 0 by construction; edits come from the rewriter.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from pipeline.config import PipelineConfig
from pipeline.detect.base import DetectContext, Detector, Finding
from pipeline.detect.registry import STRUCTURAL_MT_DETECTORS
from pipeline.detect.stage import load_detectors
from pipeline.text.nlp import parse_paragraph
from pipeline.text.segment import paragraphs

STRUCTURAL = STRUCTURAL_MT_DETECTORS


def run(detectors: list[Detector], texts: list[tuple[str, str]], seconds: Counter) -> dict[str, list[Finding]]:
    """Findings per text id (all detectors), timing each detector's own work and, apart, the shared
    spaCy parse of every paragraph (done first, so no detector is charged for it)."""
    config = detectors[0].config
    out: dict[str, list[Finding]] = {}
    for key, text in texts:
        started = time.perf_counter()
        for para in paragraphs(text):
            parse_paragraph(para.text)
        seconds["(spaCy parse)"] += time.perf_counter() - started
        findings: list[Finding] = []
        context = DetectContext(text, config)
        for detector in detectors:
            started = time.perf_counter()
            findings.extend(detector.detect(context))
            seconds[detector.id] += time.perf_counter() - started
        out[key] = findings
    return out


def per_kword(found: dict[str, list[Finding]], words: int, ids: list[str]) -> dict[str, float]:
    counts = Counter(f.detector for fs in found.values() for f in fs)
    rates = {d: 1000 * counts.get(d, 0) / words for d in ids}
    rates["all"] = 1000 * sum(counts.values()) / words
    return rates


def score(segments: Path, scorer: Path, found: dict[str, list[Finding]], texts: dict[str, str], folder: Path, only):
    reports = folder / "reports"
    reports.mkdir(parents=True, exist_ok=True)
    for key, text in texts.items():
        flags = [{"start": f.start, "end": f.end, "detector": f.detector} for f in found[key] if only(f)]
        (reports / f"{key}.json").write_text(json.dumps({"original_text": text, "flags": flags, "edits": []}))
    result = folder / "score.json"
    subprocess.run(
        [sys.executable, str(scorer), str(segments), str(folder), "--json", str(result)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.read_text())["directions"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", required=True, type=Path, help="articles_dev.jsonl (article_text)")
    parser.add_argument("--mlqe", required=True, type=Path, help="mlqe_pe_dev.jsonl (mt_detok, post_edit_detok)")
    parser.add_argument("--scorer", required=True, type=Path, help="score_mlqe.py, used as it is")
    parser.add_argument(
        "--control", type=Path, default=Path(__file__).resolve().parent.parent / "tests/data/clean_news"
    )
    parser.add_argument("--workdir", type=Path, help="where the per-detector reports go (default: a temp folder)")
    args = parser.parse_args()

    config = PipelineConfig()
    detectors = load_detectors(config, STRUCTURAL)
    ids = [d.id for d in detectors]
    articles = [json.loads(line) for line in args.articles.open(encoding="utf-8") if line.strip()]
    segments = [json.loads(line) for line in args.mlqe.open(encoding="utf-8") if line.strip()]
    clean_sets = {
        "articles (article_text)": [(str(a["id"]), a["article_text"]) for a in articles],
        "MLQE post-edits": [(s["id"], s["post_edit_detok"]) for s in segments],
        "control (clean_news)": [(p.name, p.read_text(encoding="utf-8")) for p in sorted(args.control.glob("*.txt"))],
    }
    seconds: Counter = Counter()
    print("flags per 1,000 words on clean English")
    print(f"{'set':26} {'words':>7} " + " ".join(f"{i.split('.')[-1][:14]:>14}" for i in ids) + f" {'all':>7}")
    for name, texts in clean_sets.items():
        words = sum(len(t.split()) for _, t in texts)
        found = run(detectors, texts, seconds)
        rates = per_kword(found, words, ids)
        print(f"{name:26} {words:>7} " + " ".join(f"{rates[i]:>14.3f}" for i in ids) + f" {rates['all']:>7.3f}")
        kinds = Counter(f.details.get("kind") for fs in found.values() for f in fs if f.detector == "mt.numbers")
        if kinds:
            print(f"{'':26} number flags by kind: {dict(kinds)}")
        if name == "MLQE post-edits":
            # a flag on words the machine translation already had: the post-editor kept them
            mt_of = {s["id"]: s["mt_detok"] for s in segments}
            text_of = dict(texts)
            kept = Counter(
                f.detector for key, fs in found.items() for f in fs if text_of[key][f.start : f.end] in mt_of[key]
            )
            print(f"{'':26} flags on words the MT already had (kept by the post-editor): {dict(kept)}")

    mt = {s["id"]: s["mt_detok"] for s in segments}
    found = run(detectors, list(mt.items()), seconds)
    print("\nMLQE-PE machine translation (mt_detok), scored with", args.scorer.name)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="mt_structure_"))
    rows = [(i, lambda f, i=i: f.detector == i) for i in ids] + [("all structural", lambda f: True)]
    counts = Counter(f.detector for fs in found.values() for f in fs)
    print("flags per family:", ", ".join(f"{i} {counts.get(i, 0)}" for i in ids), f"(all {sum(counts.values())})")
    directions: list[str] = []
    for name, only in rows:
        table = score(args.mlqe, args.scorer, found, mt, work / name.replace(" ", "_"), only)
        directions = directions or [d for d in table if d != "pooled"]
        pooled = table["pooled"]
        per = " ".join(f"{d} {table[d]['mcc']:+.3f}({table[d]['random_mcc']:+.3f})" for d in directions)
        print(
            f"{name:24} MCC {pooled['mcc']:+.4f} (random {pooled['random_mcc']:+.4f})  flagged "
            f"{pooled['flag_share']:.2%}  precision {pooled['token_precision']:.0%} | {per}"
        )
    parse_time = seconds.pop("(spaCy parse)")
    total = sum(seconds.values())
    print(f"\ntime: detectors {total:.1f}s (" + ", ".join(f"{k} {v:.1f}s" for k, v in seconds.items()) + ")")
    print(
        f"      spaCy parse of the same text {parse_time:.1f}s: detectors / parse = {total / max(parse_time, 1e-9):.2f}"
    )


if __name__ == "__main__":
    main()
