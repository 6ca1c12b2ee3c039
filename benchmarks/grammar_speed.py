"""Grammar-stage throughput (cold and warm cache), flags per 1,000 words on clean news text versus
the sample corpus, and how many of Harper's spelling flags the name guard and spelling filter remove.

    .venv/bin/python benchmarks/grammar_speed.py [--input seeds] [--repeat 3]
    .venv/bin/python benchmarks/grammar_speed.py --shapes [--scale 1.0] [--only menu,quotes]

``--shapes`` times the stage alone (offline default, fresh cache) on generated pathological
documents at 1x and 4x of a size (``--scale`` shrinks the 1x size) and prints the 4x/1x ratio of
CPU seconds: about 4 means linear. CPU time, not wall time, because the machine is shared.

Prints numbers; asserts nothing. "Cold" is a fresh sentence cache with backends already loaded
(loading is reported separately; offline backends are shared within a process, so only the first
row's load time is real); "warm" re-processes the same documents from the cache.
"""

from __future__ import annotations

import argparse
import platform
import re
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from pipeline.config import PipelineConfig
from pipeline.document import Document
from pipeline.grammar.backends.harper import HarperBackend
from pipeline.grammar.examples import DATA
from pipeline.grammar.name_guard import NameGuard
from pipeline.grammar.spelling_filter import not_a_misspelling
from pipeline.grammar.stage import GrammarStage
from pipeline.text.segment import paragraphs, sentences


def load_texts(folder: Path) -> list[tuple[str, str]]:
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(folder.rglob("*.txt"))]


def words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def run_stage(stage: GrammarStage, texts: list[tuple[str, str]]) -> tuple[float, list[Document]]:
    started = time.perf_counter()
    docs = []
    for name, text in texts:
        doc = Document(name, text)
        stage.process(doc)
        docs.append(doc)
    return time.perf_counter() - started, docs


def throughput(texts: list[tuple[str, str]], grammar: str, repeat: int) -> None:
    n_sentences = sum(len(sentences(t)) for _, t in texts)
    n_paragraphs = sum(len(paragraphs(t)) for _, t in texts)
    config = PipelineConfig(
        cache_dir=tempfile.mkdtemp(prefix="grammar-speed-"), grammar=grammar, languagetool_probe_timeout=0.5
    )
    stage = GrammarStage(config)
    started = time.perf_counter()
    stage.prepare()
    load = time.perf_counter() - started
    cold, _ = run_stage(stage, texts)
    warm = min(run_stage(stage, texts)[0] for _ in range(repeat))
    print(
        f"| {'+'.join(stage.describe()['backend'])} | {n_sentences} | {n_paragraphs} | {load:.2f} | "
        f"{cold:.2f} ({n_sentences / cold:.0f}/s) | {warm:.3f} ({n_sentences / warm:.0f}/s) |"
    )
    stage.close()


def flag_rates(corpus: list[tuple[str, str]]) -> None:
    clean = [("clean_news.txt", (DATA / "clean_news.txt").read_text(encoding="utf-8"))]
    stage = GrammarStage(
        PipelineConfig(cache_dir=tempfile.mkdtemp(prefix="grammar-rate-"), languagetool_probe_timeout=0.5)
    )
    stage.prepare()
    print("| text | words | flags | applied edits | flags per 1,000 words | by category |")
    print("| --- | --- | --- | --- | --- | --- |")
    for label, texts in (("clean news written for postedit", clean), ("sample corpus (seeds/)", corpus)):
        _, docs = run_stage(stage, texts)
        n_words = sum(words(t) for _, t in texts)
        flags = [f for d in docs for f in d.flags]
        applied = sum(1 for d in docs for e in d.edits if e.applied)
        by = Counter(f.category for f in flags)
        print(
            f"| {label} | {n_words} | {len(flags)} | {applied} | {1000 * len(flags) / n_words:.1f} | {dict(sorted(by.items()))} |"
        )
        for f in flags if label.startswith("clean") else []:
            print(f"|   flag on clean text: {f.text!r} {f.details.get('rule_id')} | | | | | |")
    stage.close()


def harper_spelling_guard(corpus: list[tuple[str, str]]) -> None:
    harper = HarperBackend("en-US")
    total = removed_guard = removed_filter = 0
    kept: list[str] = []
    removed: Counter[str] = Counter()
    for _, text in corpus:
        spans = sentences(text)
        guard = NameGuard(text, spans)
        for unit in paragraphs(text):
            for match in harper.check(unit.text):
                if match.rule_id != "HARPER_Spelling":
                    continue
                match = match.shifted(unit.start)
                total += 1
                word = text[match.start : match.end]
                if guard.protects(match):
                    removed_guard += 1
                    removed[f"{word}->{match.suggestions[0] if match.suggestions else ''}"] += 1
                elif not_a_misspelling(match, text, "en-US"):
                    removed_filter += 1
                else:
                    kept.append(word)
    print(
        f"Harper spelling flags on the corpus: {total}; removed by the name guard: {removed_guard} "
        f"({removed_guard / max(total, 1):.0%}); removed by the spelling filter: {removed_filter}; kept: {len(kept)} {kept}"
    )
    print(f"  e.g. {', '.join(f'{k}' for k, _ in removed.most_common(12))}")


def _menu(n: int) -> str:
    cells = ("Home", "World", "Sport", "Weather", "Local news", "Opinion", "Video", "Podcasts", "Puzzles", "Contact us")
    return "".join(f"{cells[i % len(cells)]} {i}\n" for i in range(n))


# name -> (document for a size n, the 1x size n): the shapes of issue 12 and a few of our own
SHAPES = {
    "menu": (_menu, 20_000),  # short lines, one cell per line
    "quotes": (lambda n: "“" * n + "word" + "”" * n + "\n", 50_000),
    "brackets": (lambda n: "(" * n + "word" + ")" * n + "\n", 50_000),
    "honorifics": (lambda n: "Mr. " * n + "The talks ended on Friday.\n", 50_000),
    "long word": (lambda n: "a" * n + "\n", 300_000),
    "exclamations": (lambda n: "The match was over" + "!" * n + "\n", 100_000),
    "spaces": (lambda n: "word" + " " * n + "word\n", 200_000),
    "prose, no stops": (lambda n: "the council met again on friday and " * (n // 36) + "\n", 200_000),
    "short sentences": (lambda n: "The ferry left. " * (n // 16) + "\n", 100_000),
}


def shapes(scale: float, only: set[str] | None) -> None:
    stage = GrammarStage(
        PipelineConfig(cache_dir=tempfile.mkdtemp(prefix="grammar-shapes-"), languagetool_probe_timeout=0.5)
    )
    stage.prepare()
    stage.process(Document("warm-up", "The goverment met on friday in Paris , said Ann Lee.\n"))  # loads spaCy
    print("| shape | 1x size | 1x characters | 1x CPU s | 4x CPU s | 4x/1x | 1x wall s | 4x wall s | warnings (1x) |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, (make, size) in SHAPES.items():
        if only and name not in only:
            continue
        row = []
        for factor in (1, 4):
            stage.cache = type(stage.cache)(Path(tempfile.mkdtemp(prefix="grammar-shapes-")) / "grammar.sqlite3")
            text = make(int(size * scale) * factor)
            doc = Document(name, text)
            cpu, wall = time.process_time(), time.perf_counter()
            stage.process(doc)
            row.append((len(text), time.process_time() - cpu, time.perf_counter() - wall, len(doc.warnings)))
        (n1, c1, w1, warn1), (_, c4, w4, _) = row
        print(
            f"| {name} | {int(size * scale)} | {n1} | {c1:.2f} | {c4:.2f} | {c4 / max(c1, 1e-3):.1f} | {w1:.1f} | {w4:.1f} | {warn1} |"
        )
    stage.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--input", default="seeds")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--shapes", action="store_true", help="time pathological documents at 1x and 4x")
    parser.add_argument("--scale", type=float, default=1.0, help="with --shapes: the 1x size as a share of the issue's")
    parser.add_argument("--only", help="with --shapes: comma-separated shape names")
    args = parser.parse_args()
    if args.shapes:
        print(
            f"# grammar stage on pathological shapes, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {platform.machine()}, "
            f"{platform.python_version()}, scale {args.scale}"
        )
        shapes(args.scale, set(args.only.split(",")) if args.only else None)
        return
    corpus = load_texts(Path(args.input))
    print(
        f"# grammar stage speed, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {platform.machine()}, "
        f"{platform.python_version()}, input {args.input} ({len(corpus)} documents, {sum(len(t) for _, t in corpus)} characters)"
    )
    print("| backends | sentences | paragraphs | load s | cold s (sentences/s) | warm cache s (sentences/s) |")
    print("| --- | --- | --- | --- | --- | --- |")
    for grammar in ("auto", "lingotweaker", "harper"):
        throughput(corpus, grammar, args.repeat)
    print()
    flag_rates(corpus)
    print()
    harper_spelling_guard(corpus)


if __name__ == "__main__":
    main()
