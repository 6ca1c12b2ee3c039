"""Print an evaluation result as tables (rich), for the terminal and for pasting into docs."""

from __future__ import annotations

from typing import Any


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


def print_result(result: dict[str, Any], *, show_missed: bool = True) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console(width=120)
    console.print(f"stages: {', '.join(result['stages'])}  ({result['seconds']} s)")
    table = Table(
        "gold items", "n", "found", "recall", "in category", "recall (category)", "fixed as expected", title="Recall"
    )
    rows = [("all", result["overall"])]
    rows += [(f"level {level}", r) for level, r in result["by_level"].items()]
    rows += [(category, r) for category, r in result["by_category"].items()]
    for name, r in rows:
        table.add_row(
            name,
            str(r["total"]),
            str(r["found"]),
            _pct(r["recall"]),
            str(r["found_in_category"]),
            _pct(r["recall_in_category"]),
            f"{r['fixed']}/{r['with_expected']}",
        )
    console.print(table)
    precision = result["precision"]
    table = Table("flag category", "flags", "overlap gold", "precision", title="Precision (flags on gold documents)")
    for category, p in precision["by_category"].items():
        table.add_row(str(category), str(p["flags"]), str(p["matching_gold"]), _pct(p["precision"]))
    table.add_row("all", str(precision["flags"]), str(precision["matching_gold"]), _pct(precision["precision"]))
    console.print(table)
    if show_missed:
        missed = [i for i in result["items"] if not i["found"]]
        if missed:
            console.print(
                escape(
                    "missed: "
                    + "; ".join(f"{i['id']} [{i['level']}/{i['category']}] {i['text'][:50]!r}" for i in missed)
                )
            )
    control = result.get("control")
    if control:
        console.print(
            f"control set: {control['documents']} documents, {control['words']} words, {control['flags']} flags "
            f"({control['flags_per_1000_words']} per 1,000 words), {control['applied_edits']} applied edits"
        )
        if control["by_category"]:
            console.print("  by category: " + ", ".join(f"{k} {v}" for k, v in sorted(control["by_category"].items())))
        for example in control["examples"]:
            console.print(escape(f"  false flag {example['document']} {example['detector']}: {example['text']!r}"))
        for example in control.get("edit_examples", []):
            console.print(
                escape(
                    f"  false edit {example['document']} {example['stage']}: "
                    f"{example['before']!r} -> {example['after']!r}"
                )
            )
