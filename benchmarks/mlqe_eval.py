"""MT-error detection on real machine translation (MLQE-PE dev) and false alarms on clean text.

Three measurements, all with the real pipeline and the real SmolLM2 (nothing cached here):

1. **MLQE-PE** (``--segments``, default ``/work/shared/eval/mlqe_pe_dev.jsonl``): each segment's
   ``mt_detok`` is one document of a ``postedit clean`` run (rewriter on); the outside scorer
   ``score_mlqe.py`` (used as it is) turns the reports' flags and edits into word-level MCC per
   direction beside a random flagger at the same rate, and counts untouched segments
   (``mt == post_edit``) with an applied edit. The same reports are scored again with the fluency
   detector's flags (and the edits made for them) removed, so the detector's share is visible.
   ``--sample N`` draws N segments stratified by direction (seeded) for a quicker run.
   ``--half held-out`` (default) keeps only the odd-numbered segments, which the word-level QE model
   (``benchmarks/train_word_qe.py``) was not fitted on; ``--half all`` uses every segment.
   ``--word-qe`` chooses the fluency detector's operating point (``clean-text``, the default, or
   ``post-editing``).
2. **False alarms** on clean English the fluency detector was not calibrated on: the
   ``article_text`` bodies of ``--articles`` (published pages) and ``tests/data/clean_news``
   (written for this project), in flags per 1,000 words, of the fluency detector and of all the
   detectors issue 13 added (``OTHER_ISSUE_13`` beside it).
3. **Cost**: their time on those texts as a ratio to spaCy's parse of the same text
   (``pipeline.text.nlp.parse_paragraph``, cache emptied first) measured in the same run. The ratio
   moves with load: torch's two threads lose more to a busy machine than the one-thread parse, so
   measure on an otherwise idle machine.

usage: PYTHONPATH=. python -m benchmarks.mlqe_eval [--sample 250] [--word-qe post-editing] [--articles-limit 20]
       [--keep DIR]
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.train_word_qe import held_out
from pipeline.detect.registry import STRUCTURAL_MT_DETECTORS

ROOT = Path(__file__).resolve().parents[1]
DEV = Path("/work/shared/eval/mlqe_pe_dev.jsonl")
ARTICLES = Path("/work/shared/eval/articles_dev.jsonl")
SCORER = Path("/work/shared/eval/score_mlqe.py")
CLEAN_NEWS = ROOT / "tests" / "data" / "clean_news"
FLUENCY = "mt.fluency"


def direction(segment: dict[str, Any]) -> str:
    return str(segment.get("pair") or segment.get("src_lang", "?"))


def stratified(segments: list[dict[str, Any]], size: int, seed: int = 13) -> list[dict[str, Any]]:
    """``size`` segments, the same number from each direction (as far as each has), file order kept."""
    by_direction: dict[str, list[int]] = collections.defaultdict(list)
    for i, s in enumerate(segments):
        by_direction[direction(s)].append(i)
    rng = random.Random(seed)
    share = max(1, size // max(1, len(by_direction)))
    chosen = sorted(i for idx in by_direction.values() for i in rng.sample(idx, min(share, len(idx))))
    return [segments[i] for i in chosen]


def run_pipeline(segments: list[dict[str, Any]], work: Path, word_qe: str = "clean-text") -> float:
    """``postedit clean`` over one document per segment (rewriter on); returns wall seconds."""
    documents = work / "mt.jsonl"
    with documents.open("w", encoding="utf-8") as out:
        for s in segments:
            out.write(json.dumps({"id": s["id"], "text": s["mt_detok"]}, ensure_ascii=False) + "\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pipeline.cli",
            "clean",
            str(documents),
            str(work / "out"),
            "--rewrite",
            "--word-qe",
            word_qe,
            "--no-progress",
        ],
        check=False,
        env=env,
        cwd=ROOT,
    )
    return time.perf_counter() - started


def without_detector(out: Path, target: Path, detector: str) -> None:
    """A copy of the reports with ``detector``'s flags and the edits made only for them removed (a flag
    another detector also raised, ``details.also_found_by``, stays: that detector finds it alone)."""
    (target / "reports").mkdir(parents=True, exist_ok=True)
    for path in (out / "reports").glob("*.json"):
        report = json.loads(path.read_text(encoding="utf-8"))
        dropped = {f["id"] for f in report.get("flags", []) if f.get("detector") == detector}
        report["flags"] = [f for f in report.get("flags", []) if f["id"] not in dropped]
        report["edits"] = [
            e for e in report.get("edits", []) if not e.get("flag_ids") or not set(e["flag_ids"]) <= dropped
        ]
        (target / "reports" / path.name).write_text(json.dumps(report), encoding="utf-8")


def score(segments_file: Path, out: Path) -> dict[str, Any]:
    result = out / "score.json"
    printed = subprocess.run(
        [sys.executable, str(SCORER), str(segments_file), str(out), "--json", str(result)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    print(printed.rstrip())
    return dict(json.loads(result.read_text(encoding="utf-8")))


def _found_by(flag: dict[str, Any]) -> set[str]:
    """The detectors behind one flag: its own and those merged into it (``details.also_found_by``)."""
    return {flag.get("detector", ""), *(flag.get("details") or {}).get("also_found_by", ())}


def detector_counts(out: Path, segments: list[dict[str, Any]]) -> dict[str, Any]:
    """Fluency flags per direction, and the applied edits made for them (overall and on untouched)."""
    flags: collections.Counter[str] = collections.Counter()
    words: collections.Counter[str] = collections.Counter()
    applied = applied_untouched = 0
    for s in segments:
        path = out / "reports" / f"{s['id']}.json"
        words[direction(s)] += len(s["mt_detok"].split())
        if not path.exists():
            continue
        report = json.loads(path.read_text(encoding="utf-8"))
        ids = {f["id"] for f in report.get("flags", []) if FLUENCY in _found_by(f)}
        flags[direction(s)] += len(ids)
        made = [e for e in report.get("edits", []) if e.get("applied") and set(e.get("flag_ids") or ()) & ids]
        applied += len(made)
        applied_untouched += len(made) if s["mt"] == s["post_edit"] else 0
        for e in made:
            print(f"  applied for a fluency flag: {e['before']!r} -> {e['after']!r} ({s['id']})")
    per_kword = {d: round(1000 * flags[d] / max(1, words[d]), 2) for d in sorted(words)}
    return {"flags_per_1000_words": per_kword, "applied": applied, "applied_on_untouched": applied_untouched}


# the other detectors issue 13 added: the LM-confirmed collocation and bare-object checks and the
# structural families
OTHER_ISSUE_13 = [
    "pipeline.detect.mt.collocation:IntensifierCollocationDetector",
    "pipeline.detect.mt.bare_object:BareObjectDetector",
    *STRUCTURAL_MT_DETECTORS,
]


def clean_text_check(texts: list[str], label: str, word_qe: str = "clean-text") -> dict[str, Any]:
    """Flags per 1,000 words on clean ``texts`` and added time as a ratio to spaCy's parse.

    Per text: spaCy's parse of its paragraphs first (``parse_paragraph`` with its cache emptied, so
    it is a real parse, timed; the structural detectors then reuse it, as in the detect stage), then
    the fluency detector at the ``word_qe`` operating point, then the other issue-13 detectors
    (``OTHER_ISSUE_13``). Returns flag counts and seconds for the fluency detector and for all of
    them together; each ratio is detector seconds / parse seconds of the same run.
    """
    from pipeline.config import PipelineConfig
    from pipeline.detect.base import DetectContext
    from pipeline.detect.mt.fluency import FluencyAnomalyDetector
    from pipeline.detect.stage import load_detectors
    from pipeline.text.nlp import parse_paragraph, parse_paragraphs
    from pipeline.text.segment import paragraphs

    config = PipelineConfig(threads=2, word_qe=word_qe)
    fluency = FluencyAnomalyDetector(config)
    others = load_detectors(config, OTHER_ISSUE_13)
    for detector in (fluency, *others):
        detector.prepare()
    parse_paragraph("Warm up the parser.")
    words, parse_s = 0, 0.0
    flags: collections.Counter[str] = collections.Counter()
    seconds: collections.Counter[str] = collections.Counter()
    shown = 0
    for n, text in enumerate(texts, 1):
        words += len(text.split())
        parse_paragraph.cache_clear()
        started = time.perf_counter()
        parse_paragraphs(paragraphs(text))
        parse_s += time.perf_counter() - started
        for detector in (fluency, *others):
            started = time.perf_counter()
            found = list(detector.detect(DetectContext(text, config)))
            seconds[detector.id] += time.perf_counter() - started
            flags[detector.id] += len(found)
            for f in found[: max(0, 10 - shown)]:
                shown += 1
                detail = f.details.get("slor", f.details.get("qe_probability", ""))
                print(f"  {label} flag ({detector.id}): {text[f.start : f.end]!r} {detail}")
        if n % 10 == 0:
            print(
                f"  {label}: {n} texts, {words} words, fluency {flags[FLUENCY]} flags {seconds[FLUENCY]:.0f} s, "
                f"all {sum(flags.values())} flags {sum(seconds.values()):.0f} s, parse {parse_s:.0f} s"
            )
    total_s = sum(seconds.values())
    result = {
        "texts": len(texts),
        "words": words,
        "flags": flags[FLUENCY],
        "flags_per_1000_words": round(1000 * flags[FLUENCY] / max(1, words), 2),
        "detector_seconds": round(seconds[FLUENCY], 1),
        "spacy_parse_seconds": round(parse_s, 1),
        "ratio_to_parse": round(seconds[FLUENCY] / max(1e-9, parse_s), 2),
        "all_issue_13": {
            "flags_by_detector": {k: v for k, v in sorted(flags.items()) if v},
            "seconds_by_detector": {k: round(v, 1) for k, v in sorted(seconds.items())},
            "flags_per_1000_words": round(1000 * sum(flags.values()) / max(1, words), 2),
            "seconds": round(total_s, 1),
            "ratio_to_parse": round(total_s / max(1e-9, parse_s), 2),
        },
    }
    print(f"{label}: {result}")
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--segments", type=Path, default=DEV)
    ap.add_argument("--sample", type=int, default=0, help="stratified sample of this many segments (0: all)")
    ap.add_argument("--articles", type=Path, default=ARTICLES)
    ap.add_argument("--articles-limit", type=int, default=0, help="only the first N article bodies (0: all)")
    ap.add_argument(
        "--half",
        choices=["all", "held-out"],
        default="held-out",
        help="held-out: only the odd-numbered segments the word QE model was not fitted on",
    )
    ap.add_argument("--word-qe", choices=["clean-text", "post-editing"], default="clean-text")
    ap.add_argument("--skip-mlqe", action="store_true")
    ap.add_argument("--skip-clean", action="store_true")
    ap.add_argument("--keep", type=Path, help="keep the run's outputs in this folder")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="mlqe_eval_"))
    summary: dict[str, Any] = {}
    try:
        if not args.skip_mlqe:
            lines = [json.loads(line) for line in args.segments.open(encoding="utf-8") if line.strip()]
            if args.half == "held-out":
                lines = [s for s in lines if held_out(s["id"])]
            segments = stratified(lines, args.sample) if args.sample else lines
            chosen = work / "segments.jsonl"
            chosen.write_text("".join(json.dumps(s, ensure_ascii=False) + "\n" for s in segments), encoding="utf-8")
            print(f"MLQE-PE: {len(segments)} segments, {collections.Counter(map(direction, segments))}")
            seconds = run_pipeline(segments, work, args.word_qe)
            print(f"postedit clean: {seconds:.0f} s")
            print("== all detectors (rewriter on)")
            summary["with_fluency"] = score(chosen, work / "out")
            without_detector(work / "out", work / "without", FLUENCY)
            print("== the same reports without the fluency detector's flags")
            summary["without_fluency"] = score(chosen, work / "without")
            summary["fluency"] = detector_counts(work / "out", segments)
            print(f"fluency detector on MT: {summary['fluency']}")
        if not args.skip_clean:
            bodies = [json.loads(line)["article_text"] for line in args.articles.open(encoding="utf-8") if line.strip()]
            if args.articles_limit:
                bodies = bodies[: args.articles_limit]
            summary["articles"] = clean_text_check(bodies, "articles", args.word_qe)
            news = [p.read_text(encoding="utf-8") for p in sorted(CLEAN_NEWS.glob("*.txt"))]
            summary["clean_news"] = clean_text_check(news, "clean_news", args.word_qe)
        print(json.dumps(summary, indent=1))
    finally:
        if args.keep:
            shutil.copytree(work, args.keep, dirs_exist_ok=True)
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
