"""Boilerplate removal on whole scraped pages given as plain text, scored like the article-extraction benchmark.

Run: ``PYTHONPATH=$PWD .venv/bin/python benchmarks/boilerplate_eval.py DATA.jsonl [--per-page] [--no-justext] [--config TOML]``

``DATA.jsonl`` has one page per line with ``raw_text`` (the page as a scraper dumps its text),
``article_text`` (the human-annotated article body) and ``url`` (used for nothing but splitting the
pages into two halves with no site in both, for a held-out view). The page texts are read from the
path given and never written anywhere: they belong to their publishers.

Metric: scrapinghub/article-extraction-benchmark ``evaluate.py``: 4-gram shingles of ``\\w+`` tokens
(with counts; case kept: the script's IGNORECASE has no effect on ``\\w+``), per page true/false
positives and false negatives normalised to sum 1, precision and recall averaged over pages, F1 the
harmonic mean of the two averages.

Rows, all measured in the same run: doing nothing; jusText (``justext``, a maintained library for
HTML; ``pip install justext``) with each text line given to it as a ``<p>``; postedit's ``normalize``
+ ``boilerplate`` stages in-process (the configuration given with ``--config``, else the defaults),
with the pages as one run (the run-level pass counts lines shared across them, as ``postedit
clean`` on a JSONL file of the pages would) or, with ``--no-run-pass``, each page alone. Then the
same stages on the ``article_text`` bodies given as input (already clean text): applied removals
(edits), documents touched and flags, the count the issue caps at one removal per 20 documents.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from pipeline.config import PipelineConfig
from pipeline.document import Document
from pipeline.io.sources import RawDocument
from pipeline.runpass import repeated_lines
from pipeline.stages.registry import build_stages

_TOKEN = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)

Counts = tuple[float, float, float]


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """The benchmark's 4-gram shingles of ``\\w+`` tokens, with counts (a text shorter than n is one shingle)."""
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def shingle_match(true: str, predicted: str) -> Counts:
    """tp, fp, fn of one page, normalised to sum 1 (as evaluate.py)."""
    gold, pred = shingles(true), shingles(predicted)
    tp = fp = fn = 0.0
    for key in gold.keys() | pred.keys():
        t, p = gold.get(key, 0), pred.get(key, 0)
        tp += min(t, p)
        fp += max(0, p - t)
        fn += max(0, t - p)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (tp, fp, fn)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def prf(pages: Sequence[Counts]) -> tuple[float, float, float]:
    """Precision and recall averaged over pages (as evaluate.py), F1 of the two averages."""
    if not pages:
        return 0.0, 0.0, 0.0
    p = statistics.mean([_precision(*c) for c in pages if c[0] + c[1] > 0] or [0.0])
    r = statistics.mean([_recall(*c) for c in pages if c[0] + c[2] > 0] or [0.0])
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def site_half(url: str) -> int:
    """0 or 1: the page's site (host) hashed, so both halves hold different sites. Only for the split."""
    host = re.sub(r"^https?://", "", url or "").split("/")[0].lower().removeprefix("www.")
    return int(hashlib.sha256(host.encode()).hexdigest(), 16) % 2


def justext_text(text: str) -> str:
    """jusText's kept paragraphs, each non-empty text line given to it as an HTML paragraph."""
    import justext  # type: ignore[import-untyped]

    lines = [line for line in text.split("\n") if line.strip()]
    page = "<html><body>" + "".join(f"<p>{html.escape(line)}</p>" for line in lines) + "</body></html>"
    paragraphs = justext.justext(page.encode("utf-8"), justext.get_stoplist("English"), encoding="utf-8")
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


class Stages:
    """postedit's normalize + boilerplate stages, run in-process without a store.

    With ``texts`` (the run-level pass over them, as ``postedit clean`` does on a JSONL file of the
    same texts), each document's lines shared across the run count as furniture evidence.
    """

    def __init__(self, config: PipelineConfig, texts: Sequence[str] = ()):
        self.config = config.replace(stages=("normalize", "boilerplate"))
        self.shared = 0
        if texts:
            raw = [RawDocument(str(i), t.encode("utf-8"), "") for i, t in enumerate(texts)]
            self._folder = tempfile.TemporaryDirectory()
            self.config, _ = repeated_lines.prepare_run(self.config, lambda: raw, Path(self._folder.name))
            if self.config.run_lines_file:
                self.shared = len(json.loads(Path(self.config.run_lines_file).read_text())["frequent"])
        self.stages = build_stages(self.config)

    def run(self, doc_id: str, text: str) -> Document:
        doc = Document(doc_id, text)
        for stage in self.stages:
            stage.process(doc)
        return doc


def removals(doc: Document) -> int:
    """Applied edits of the boilerplate stage that delete text (one per removed block)."""
    return sum(1 for e in doc.edits if e.stage == "boilerplate" and e.applied and e.after.strip() == "")


def timed(function: Callable[[str], str], texts: Sequence[str]) -> tuple[list[str], float]:
    """Outputs and CPU milliseconds per text (CPU time: the machine is shared)."""
    started = time.process_time()
    outputs = [function(text) for text in texts]
    return outputs, (time.process_time() - started) * 1000 / max(1, len(texts))


def row(name: str, pages: Sequence[Counts], halves: Sequence[int], extra: str = "") -> str:
    cells = [prf([c for c, h in zip(pages, halves) if h == half]) for half in (0, 1)] + [prf(pages)]
    scores = " | ".join("/".join(f"{x:.3f}" for x in cell) for cell in cells)
    return f"| {name} | {scores} | {extra} |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", help="JSONL with raw_text, article_text and url per page")
    parser.add_argument("--config", help="TOML with pipeline settings for the postedit row (e.g. keep_embeds)")
    parser.add_argument("--no-justext", action="store_true", help="skip the jusText row")
    parser.add_argument("--per-page", action="store_true", help="also print each page's P/R (no text)")
    parser.add_argument(
        "--no-run-pass", action="store_true", help="each page alone (no lines shared across the pages counted)"
    )
    args = parser.parse_args(argv)

    rows = [json.loads(line) for line in Path(args.data).read_text(encoding="utf-8").splitlines() if line.strip()]
    halves = [site_half(r.get("url", "")) for r in rows]
    raw = [r["raw_text"] for r in rows]
    gold = [r["article_text"] for r in rows]
    config = PipelineConfig.load(args.config)
    print(
        f"{date.today().isoformat()}: {len(rows)} pages ({halves.count(0)} in half A, {halves.count(1)} in half B, "
        f"split by site); postedit configuration: {args.config or 'defaults'}"
    )
    print("\n| method | half A P/R/F1 | half B P/R/F1 | all P/R/F1 | bodies as input | CPU ms/page |")
    print("| --- | --- | --- | --- | --- | ---: |")
    print(row("do nothing", [shingle_match(g, t) for g, t in zip(gold, raw)], halves, "0 removals | 0"))

    if not args.no_justext:
        try:
            outputs, ms = timed(justext_text, raw)
        except ImportError:
            print("| jusText | (not installed: pip install justext) | | | | |")
        else:
            on_bodies = [justext_text(g) for g in gold]
            touched = sum(1 for g, o in zip(gold, on_bodies) if shingle_match(g, o)[2] > 0)
            pages = [shingle_match(g, o) for g, o in zip(gold, outputs)]
            print(row("jusText, each line as `<p>`", pages, halves, f"{touched} docs lose text | {ms:.0f}"))

    started = time.process_time()
    stages = Stages(config, () if args.no_run_pass else raw)
    docs: list[Document] = []
    for r in rows:
        docs.append(stages.run(str(r["id"]), r["raw_text"]))
    ms = (time.process_time() - started) * 1000 / max(1, len(rows))
    pages = [shingle_match(g, d.cleaned_text) for g, d in zip(gold, docs)]
    on_bodies = Stages(config, () if args.no_run_pass else gold)
    body_docs = [on_bodies.run(str(r["id"]), r["article_text"]) for r in rows]
    cut = [removals(d) for d in body_docs]
    flags = sum(len([f for f in d.flags if f.category in ("boilerplate", "metadata")]) for d in body_docs)
    extra = f"{sum(cut)} removals in {sum(1 for c in cut if c)} docs, {flags} flags | {ms:.0f}"
    shared = stages.shared
    name = "postedit normalize + boilerplate" + (", pages alone" if args.no_run_pass else ", pages as one run")
    print(row(name, pages, halves, extra))
    if not args.no_run_pass:
        print(f"\n(run-level pass: {shared} lines shared by >= {config.repeated_line_documents} of the pages)")

    if args.per_page:
        print("\npage half P R (postedit) removals-on-body")
        for r, half, counts, c in zip(rows, halves, pages, cut):
            print(f"{r['id']} {half} {_precision(*counts):.2f} {_recall(*counts):.2f} {c}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
