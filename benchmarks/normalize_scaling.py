"""How the normalize stage's time grows with input size: ``python benchmarks/normalize_scaling.py``.

Each pathological shape (issue 12: what scraped pages dump) is generated at 1x and 4x its base size
and run through the whole stage (ftfy, unwrapping, alignment, explanations, the document's edits).
The ratio of the two times is what matters: about 4 is linear, 16 quadratic. Absolute times depend
on what else runs on the machine. A run over ``--limit`` seconds is stopped and shown as such.

``--scale 0.25`` runs every shape at a quarter of its base size (a quick check). Each time is the best
of ``--repeat`` runs, since other work on the machine only ever adds time.
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
import unicodedata
from collections.abc import Callable
from types import FrameType


class TooSlow(Exception):
    pass


def _letters(n: int) -> str:
    return ("abcdefghij" * (n // 10 + 1))[:n]


def _every_category() -> str:
    """One character of every Unicode general category (first code point of each), in one string."""
    seen: dict[str, str] = {}
    for code in range(0x110000):
        category = unicodedata.category(chr(code))
        if category not in seen:
            seen[category] = chr(code)
    return "".join(seen[c] for c in sorted(seen))


def _repeat(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


# name -> (base size in characters, generator of a text of about n characters)
SHAPES: dict[str, tuple[int, Callable[[int], str]]] = {
    "one 300,000-letter line": (300_000, _letters),
    "'Mr. ' repeated, one line": (200_000, lambda n: _repeat("Mr. ", n) + "The council met on Tuesday.\n"),
    "20,000 tiny lines": (400_000, lambda n: "".join(f"Cell {i % 997} row\n" for i in range(n // 20))),
    "200,000 spaces opening a line": (200_000, lambda n: " " * n + "word\n"),
    "100,000 '!' in one sentence": (100_000, lambda n: "The crowd shouted" + "!" * n + " and went home.\n"),
    "200,000 spaces between two words": (200_000, lambda n: "before" + " " * n + "after\n"),
    "every Unicode category, one line": (100_000, lambda n: _repeat(_every_category(), n)),
    "every Unicode category, spaced": (100_000, lambda n: _repeat(_every_category() + " word ", n)),
    "control characters in one word": (100_000, lambda n: _repeat("ab\x07cd\x1b[31mef\x00", n)),
    "mojibake glued in one word": (100_000, lambda n: _repeat("cafÃ©â€œ", n)),
    "mojibake between words": (200_000, lambda n: _repeat("the cafÃ© â€œsaidâ€\x9d ", n)),
    "entities and zero-width, one word": (100_000, lambda n: _repeat("a&amp;b\u200bc\u00a0", n)),
    "wrapped paragraph at 60 columns": (400_000, lambda n: _wrapped(n)),
    "hyphenated line ends": (
        200_000,
        lambda n: _repeat(
            "talks between the union and the ministry repre-\nsentatives of the port authority and the pilots nego-\n"
            "tiators resumed on Monday after a pause in the\n",
            n,
        ),
    ),
}


def _wrapped(n: int) -> str:
    import textwrap

    words = "the union said on Tuesday that talks with the transport ministry would resume next week".split()
    paragraph = " ".join(words[i % len(words)] for i in range(n // 6))
    return textwrap.fill(paragraph, width=60)[:n] + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every base size by this")
    parser.add_argument("--limit", type=int, default=120, help="seconds before a run counts as too slow")
    parser.add_argument("--only", help="run only shapes whose name contains this")
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs per size")
    args = parser.parse_args()

    from pipeline.config import PipelineConfig
    from pipeline.document import Document, apply_edits
    from pipeline.normalize.stage import NormalizeStage

    stage = NormalizeStage(PipelineConfig(stages=("normalize",)))
    stage.process(Document("warm-up", _repeat("warm up ftfy, the word list and the unwrap-\nping of lines ", 2000)))

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        raise TooSlow

    signal.signal(signal.SIGALRM, on_alarm)
    print(f"{'shape':<36}{'1x chars':>10}{'1x s':>8}{'4x s':>8}{'ratio':>7}{'edits 1x':>10}")
    for name, (base, make) in SHAPES.items():
        if args.only and args.only not in name:
            continue
        times: list[float | None] = []
        edits = 0
        for factor in (1, 4):
            text = make(int(base * args.scale * factor))
            best: float | None = None
            for _ in range(args.repeat):
                doc = Document("bench", text)
                signal.alarm(args.limit)
                started = time.process_time()
                try:
                    stage.process(doc)
                except TooSlow:
                    break
                finally:
                    signal.alarm(0)
                spent = time.process_time() - started
                best = spent if best is None else min(best, spent)
                assert apply_edits(doc.original_text, doc.edits) == doc.cleaned_text
            times.append(best)
            if best is None:
                break
            if factor == 1:
                edits = len(doc.edits)
        one, four = times[0], times[1] if len(times) > 1 else None
        show = [f"{t:.2f}" if t is not None else f">{args.limit}" for t in (one, four)]
        ratio = f"{four / one:.1f}" if one and four else "-"
        print(f"{name:<36}{int(base * args.scale):>10}{show[0]:>8}{show[1]:>8}{ratio:>7}{edits:>10}")
        sys.stdout.flush()
    print("seconds are CPU seconds of this process; ratio = 4x / 1x (4 is linear, 16 quadratic)")


if __name__ == "__main__":
    main()
