"""Rewriter quality on the development gold: exact fixes, changes for the worse, clean controls.

Each gold item of a category the rewriter handles becomes a flag with no suggestion (so the
rewriter is measured on its own candidates, not on a detector's answer), the rewrite stage runs on
the document, and the text around the item is compared with the gold ``expected`` value:

- exact: the window now reads exactly as expected;
- better / worse: changed, and closer to / farther from the expected text (character edit distance);
- unchanged: no applied edit touches the item.

Control: clean sentences written for this benchmark (not taken from the corpus) each get a spurious
flag on a few words; every applied change there is a false rewrite.

    .venv/bin/python benchmarks/rewrite_gold.py [--gold FILE] [--seeds DIR] [--min-similarity X] [--min-lm-gain X]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import tempfile
import time
from collections import Counter
from pathlib import Path

from pipeline.config import PipelineConfig
from pipeline.document import Document, apply_edits
from pipeline.grammar.spelling_filter import edit_distance
from pipeline.rewrite.stage import REWRITE_CATEGORIES, RewriteStage

WINDOW = 30
CONTROL_SENTENCES = [
    "The city council approved the new budget on Tuesday after a long debate.",
    "Heavy rain flooded several streets in the old town overnight, officials said.",
    "The company reported a small rise in quarterly profit and kept its forecast unchanged.",
    "Farmers in the region are worried that the dry summer will hurt the harvest.",
    "The museum will reopen next month with a new exhibition on medieval maps.",
    "Police closed the bridge for several hours while divers searched the river.",
    "The minister told reporters that talks with the unions would continue next week.",
    "Ticket prices for the festival have doubled since it first opened to the public.",
    "Teachers say the new timetable leaves too little time for reading in class.",
    "The hospital has hired more nurses to shorten waiting times in the emergency ward.",
    "Engineers expect the repairs to the railway line to take at least two weeks.",
    "Residents gathered outside the town hall to protest against the planned car park.",
    "The central bank left interest rates unchanged, citing uncertainty about inflation.",
    "A spokesperson for the airline apologised for the delays and promised refunds.",
    "The report found that most small firms had no plan for a power cut.",
    "Volunteers planted more than a thousand trees along the river last weekend.",
    "The court ruled that the contract had been signed without proper approval.",
    "Local shops said sales were slower than usual during the holiday season.",
    "The team lost its opening match but won the next three games comfortably.",
    "Scientists warned that the glacier is shrinking faster than previously thought.",
]
CONTROL_CATEGORIES = sorted(REWRITE_CATEGORIES)


def judge(doc: Document, item: dict) -> str:
    start, end = item["start"], item["end"]
    # edits that overlap the item itself (one that merely ends where it starts is another item's)
    touching = [
        e for e in doc.edits if e.applied and ((e.start < end and start < e.end) or start <= e.start == e.end <= end)
    ]
    if not touching:
        return "unchanged"
    lo = min([start - WINDOW] + [e.start for e in touching])
    hi = max([end + WINDOW] + [e.end for e in touching])
    lo, hi = max(0, lo), min(len(doc.original_text), hi)
    original = doc.original_text[lo:hi]
    after = apply_edits(original, [_shift(e, lo) for e in touching])
    if item["expected"] is None:
        return "changed_no_expected"
    expected = doc.original_text[lo:start] + item["expected"] + doc.original_text[end:hi]
    if after == expected:
        return "exact"
    # on word and punctuation tokens, so that a spacing repair on the way to the fix is not "worse"
    now, before = edit_distance(_tokens(after), _tokens(expected)), edit_distance(_tokens(original), _tokens(expected))
    return "better" if now < before else "worse" if now > before else "neutral"


def _tokens(text: str) -> list[str]:
    return re.findall(r"\w+|[^\w\s]", text)


def _shift(edit, offset):
    from dataclasses import replace

    return replace(edit, start=edit.start - offset, end=edit.end - offset)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default="../shared/gold/seeds.gold.jsonl")
    parser.add_argument("--seeds", default="seeds")
    parser.add_argument("--min-similarity", type=float)
    parser.add_argument("--min-lm-gain", type=float)
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--control-dir", help="also flag one span in every sentence of these clean .txt files")
    parser.add_argument(
        "--full-pipeline",
        action="store_true",
        help="instead: run every stage (detectors' own flags), with and without the rewriter",
    )
    args = parser.parse_args()
    if args.full_pipeline:
        return full_pipeline(args)
    overrides = {
        k: v
        for k, v in {"min_similarity": args.min_similarity, "min_lm_gain": args.min_lm_gain}.items()
        if v is not None
    }
    config = PipelineConfig(cache_dir=tempfile.mkdtemp(prefix="rewrite-gold-")).replace(**overrides)
    stage = RewriteStage(config)
    items = [json.loads(line) for line in open(args.gold, encoding="utf-8") if line.strip()]
    items = [i for i in items if i["category"] in REWRITE_CATEGORIES]
    outcomes: Counter = Counter()
    started = time.perf_counter()
    for name in sorted({i["doc"] for i in items}):
        text = (Path(args.seeds) / name).read_text(encoding="utf-8")
        doc = Document(name, text)
        view = doc.original_view()
        mine = [i for i in items if i["doc"] == name]
        for item in mine:
            # a neutral message: the gold note must not steer candidate generation
            doc.add_flag(view, item["category"], item["start"], item["end"], "gold item", "gold", 1.0)
        stage.process(doc)
        for item in mine:
            verdict = judge(doc, item)
            key = "with_expected" if item["expected"] is not None else "no_expected"
            outcomes[(key, verdict)] += 1
            if args.verbose:
                edits = [
                    f"{e.before!r}->{e.after!r} {'APPLIED' if e.applied else 'suggested'} {e.reason} sim={e.details['guards']['similarity']['value']}"
                    for e in doc.edits
                    if e.start < item["end"] and item["start"] < e.end
                ]
                print(f"{item['id']} {verdict:10} {item['text']!r} -> {item['expected']!r} | {'; '.join(edits)}")
    gold_seconds = time.perf_counter() - started
    with_expected = sum(v for (k, _), v in outcomes.items() if k == "with_expected")

    control = _control(stage, _control_sentences(args.control_dir))
    print(
        f"rewriter on development gold ({with_expected} items with an expected value, {sum(outcomes.values())} in all)"
    )
    for verdict in ("exact", "better", "neutral", "unchanged", "worse"):
        count = outcomes[("with_expected", verdict)]
        print(f"  {verdict:10} {count:3d}  {count / max(with_expected, 1):6.1%}")
    print(
        f"  changed where gold gives no expected text: {outcomes[('no_expected', 'changed_no_expected')]} of {sum(v for (k, _), v in outcomes.items() if k == 'no_expected')}"
    )
    print(
        f"control: {control['sentences']} clean sentences with a spurious flag each: "
        f"{control['applied']} applied changes, {control['suggested']} suggestions"
    )
    print(
        f"settings: min_lm_gain={config.min_lm_gain} min_similarity={config.min_similarity} max_changed_words={config.max_changed_words}; "
        f"gold pass {gold_seconds:.1f} s (models loaded inside)"
    )


def full_pipeline(args) -> None:
    """Every stage on the corpus, flags from the detectors: what the whole pipeline fixes."""
    from pipeline.io.sources import iter_documents
    from pipeline.runner import DocumentProcessor

    items = [json.loads(line) for line in open(args.gold, encoding="utf-8") if line.strip()]
    items = [i for i in items if i["expected"] is not None]
    for rewrite in (False, True):
        config = PipelineConfig(cache_dir=tempfile.mkdtemp(prefix="rewrite-gold-"), rewrite=rewrite)
        processor = DocumentProcessor(config)
        processor.prepare()
        outcomes: Counter = Counter()
        by_stage: Counter = Counter()
        for raw in iter_documents(args.seeds, config.max_bytes):
            doc = processor.process(raw).doc
            name = Path(doc.doc_id).name
            for item in (i for i in items if i["doc"] == name):
                verdict = judge(doc, item)
                outcomes[verdict] += 1
                if args.verbose and rewrite:
                    print(f"{item['id']} {verdict:10} {item['text']!r} -> {item['expected']!r}")
            by_stage.update(e.stage for e in doc.edits if e.applied)
        processor.close()
        total = sum(outcomes.values())
        shares = ", ".join(
            f"{v} {outcomes[v]} ({outcomes[v] / total:.0%})"
            for v in ("exact", "better", "neutral", "unchanged", "worse")
        )
        print(
            f"full pipeline, rewrite={rewrite}: {total} gold items with an expected value: {shares}; applied edits by stage {dict(by_stage)}"
        )


def _control_sentences(folder: str | None) -> list[str]:
    found = list(CONTROL_SENTENCES)
    if folder:
        from pipeline.text.segment import sentences

        for path in sorted(Path(folder).glob("*.txt")):
            found.extend(s.text for s in sentences(path.read_text(encoding="utf-8")) if len(s.text.split()) >= 4)
    return found


def _control(stage: RewriteStage, control: list[str]) -> dict:
    rng = random.Random(13)
    text = "\n".join(control) + "\n"
    doc = Document("control", text)
    view = doc.original_view()
    offset = 0
    for sentence in control:
        tokens = [(m.start(), m.end()) for m in re.finditer(r"\S+", sentence)]
        first = rng.randrange(len(tokens) - 1)
        last = min(len(tokens) - 1, first + rng.randrange(3))
        doc.add_flag(
            view,
            rng.choice(CONTROL_CATEGORIES),
            offset + tokens[first][0],
            offset + tokens[last][1],
            "spurious",
            "control",
            0.5,
        )
        offset += len(sentence) + 1
    stage.process(doc)
    for edit in doc.edits:
        print(
            f"  control {'APPLIED' if edit.applied else 'suggested'}: {edit.before!r} -> {edit.after!r} ({edit.reason})"
        )
    return {
        "sentences": len(control),
        "applied": sum(1 for e in doc.edits if e.applied),
        "suggested": sum(1 for e in doc.edits if not e.applied),
    }


if __name__ == "__main__":
    main()
