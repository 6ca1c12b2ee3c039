"""Pathological inputs (issue 12), generated, never stored: used by tests/test_pathological.py and
benchmarks/pathological_scaling.py.

:func:`shapes` maps a shape's name to its text at a size ``factor`` (1 is the size the issue names).
Every shape is synthetic: random letters, fixed templates and random picks from the small invented
vocabularies below; deterministic for a given name and factor.
"""

from __future__ import annotations

import base64
import random
import sys
import unicodedata
from collections.abc import Callable

CELLS = [
    "Price",
    "Total",
    "Qty",
    "Home",
    "Sport",
    "Weather",
    "Contact",
    "EUR",
    "Item",
    "Blue",
    "Large",
    "Login",
    "Next",
]
SENTENCES = [
    "The ferry left the harbour at noon.",
    "Two inspectors visited the old mill on Tuesday.",
    "The council said the bridge would open in spring.",
]

# control characters except NUL (decode calls a document with NUL bytes binary) and the line ends
CONTROL = [chr(c) for c in [*range(1, 9), 11, 12, *range(14, 32), 127, *range(0x80, 0xA0)]]


def _letters(rng: random.Random, n: int) -> str:
    return "".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=n))


def _every_category(rng: random.Random, per_category: int) -> str:
    """Random code points of every Unicode general category (surrogates and NUL left out: they cannot
    be written as UTF-8 / make the file binary), in runs of 1-8 separated by spaces, ~100 per line."""
    pools: dict[str, list[int]] = {}
    for cp in range(1, sys.maxunicode + 1):
        category = unicodedata.category(chr(cp))
        if category != "Cs":
            pools.setdefault(category, []).append(cp)
    pieces = [chr(rng.choice(pools[c])) for c in sorted(pools) for _ in range(per_category)]
    rng.shuffle(pieces)
    out, line, i = [], 0, 0
    while i < len(pieces):
        n = rng.randint(1, 8)
        out.append("".join(pieces[i : i + n]))
        i += n
        line += n + 1
        out.append("\n" if line > 100 else " ")
        line = 0 if line > 100 else line
    return "".join(out) + "\n"


def _minified_js(rng: random.Random, chars: int) -> str:
    def ident() -> str:
        return rng.choice("abcdefghijklmnopqrstuvwxyz_$") + "".join(rng.choices("abcdefghijklmnopqrstuvwxyz0123", k=3))

    templates: list[Callable[[], str]] = [
        lambda: (
            f"function {ident()}({ident()},{ident()}){{var {ident()}={ident()}.{ident()}+{rng.randint(0, 999)};"
            f'return {ident()}&&{ident()}("{ident()}")}}'
        ),
        lambda: f'var {ident()}={{{ident()}:{rng.randint(0, 99)},{ident()}:"{_letters(rng, 6)}"}};',
        lambda: f"if({ident()}<{rng.randint(1, 99)}||!{ident()}){{{ident()}.push({ident()})}}else{{{ident()}=null}}",
        lambda: f'{ident()}.prototype.{ident()}=function(){{return this.{ident()}.replace(/[^a-z]+/g,"")}};',
    ]
    parts, total = [], 0
    while total < chars:
        part = rng.choice(templates)()
        parts.append(part)
        total += len(part)
    return "".join(parts) + "\n"


def _generators(rng: random.Random, factor: float) -> dict[str, Callable[[], str]]:
    def n(base: int) -> int:
        return max(1, int(base * factor))

    return {
        # the shapes of issue 12, at the sizes for factor 1
        "long_word": lambda: _letters(rng, n(300_000)) + "\n",
        "mr_run": lambda: "Mr. " * n(50_000) + "Smith said the talks had failed.\n",
        "short_lines": lambda: "".join(
            rng.choice(
                [
                    f"{rng.choice(CELLS)} {rng.randint(1, 9999)}",
                    f"{rng.randint(1, 999)}.{rng.randint(0, 99):02d} EUR",
                    f"{rng.choice(CELLS)} {rng.choice(CELLS)} {rng.choice(CELLS)}",
                    _letters(rng, 6).capitalize(),
                ]
            )
            + "\n"
            for _ in range(n(2_000))
        ),
        "quotes": lambda: "“" * n(50_000) + "word" + "”" * n(50_000) + "\n",
        "bangs": lambda: "This is a sentence" + "!" * n(100_000) + "\n",
        "spaces": lambda: "word" + " " * n(200_000) + "word\n",
        # our own, sized so that each costs a few CPU seconds at factor 1
        "brackets": lambda: "(" * n(50_000) + "word" + ")" * n(50_000) + "\n",
        "nested_quotes_words": lambda: (
            "".join(f"“{rng.choice(CELLS)} ‘{rng.choice(CELLS).lower()} " for _ in range(n(2_000)))
            + "end"
            + "’”" * n(2_000)
            + "\n"
        ),
        "every_category": lambda: _every_category(rng, n(200)),
        "control_characters": lambda: (
            "".join(
                ch + (rng.choice(CONTROL) if ch != "\n" and rng.random() < 0.03 else "")
                for ch in " ".join(rng.choice(SENTENCES) for _ in range(n(800))).replace(". ", ".\n", n(800) // 3)
            )
            + "\n"
        ),
        "tiny_lines": lambda: "".join(rng.choice("abcdefghij.,;-*1") + "\n" for _ in range(n(50_000))),
        "base64": lambda: "data:image/png;base64," + base64.b64encode(rng.randbytes(n(225_000))).decode() + "\n",
        "minified_js": lambda: _minified_js(rng, n(300_000)),
        "dot_leader": lambda: "Chapter one" + "." * n(100_000) + "12\n",
    }


SHAPES = list(_generators(random.Random(0), 1))
# The factor the tests and the benchmark run a shape at: 20,000 short lines (a quarter of them an
# unknown word, 20-35 ms each in each grammar checker) cost minutes; a tenth is linear all the same.
SCALE = {"short_lines": 0.1}


def shape(name: str, factor: float = 1.0) -> str:
    """The text of shape ``name`` at ``factor`` times the issue's size (deterministic)."""
    return _generators(random.Random(f"{name}@{factor}"), factor)[name]()


def shapes(factor: float = 1.0) -> dict[str, str]:
    return {name: shape(name, factor) for name in SHAPES}
