"""Score reports against gold items: recall per category and level, precision of flags.

A gold item is *found* when any flag or edit of the same document overlaps its span (in
``original_text`` offsets); it is *found in its category* when one of those has the gold category.
Precision is the share of flags that overlap some gold item. Gold files list what an editor must or
should fix, not every imperfection, so precision is a lower bound: read unmatched flags before
concluding they are false.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pipeline.evaluate.gold import GoldItem


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Span overlap; an empty span (an insertion) overlaps a span that contains its position."""
    if a_start == a_end:
        return b_start <= a_start <= b_end
    if b_start == b_end:
        return a_start <= b_start <= a_end
    return a_start < b_end and b_start < a_end


@dataclass(frozen=True)
class Marker:
    """A flag or an edit, reduced to what matching needs."""

    kind: str  # "flag" | "edit"
    start: int
    end: int
    category: str | None
    source: str  # detector id or stage name


def markers(report: dict[str, Any]) -> list[Marker]:
    flag_categories = {f["id"]: f["category"] for f in report.get("flags", [])}
    found = [
        Marker("flag", f["start"], f["end"], f["category"], f.get("detector", "")) for f in report.get("flags", [])
    ]
    for edit in report.get("edits", []):
        category = edit.get("category") or next(
            (flag_categories[i] for i in edit.get("flag_ids", []) if i in flag_categories), None
        )
        found.append(Marker("edit", edit["start"], edit["end"], category, edit.get("stage", "")))
    return found


def _rate(hit: int, total: int) -> float | None:
    return round(hit / total, 4) if total else None


def fixed_as_expected(item: GoldItem, report: dict[str, Any] | None) -> bool | None:
    """Whether the applied edits turn the gold span into ``expected`` (whitespace-insensitive).

    ``None`` when the gold item has no single expected text. The comparison covers the gold span
    widened to every applied edit that touches it, so removing a line with its line break counts.
    """
    if item.expected is None or report is None:
        return None
    original = report["original_text"]
    touching = sorted(
        (
            e
            for e in report.get("edits", [])
            if e.get("applied") and overlaps(item.start, item.end, e["start"], e["end"])
        ),
        key=lambda e: e["start"],
    )
    start = min([item.start] + [e["start"] for e in touching])
    end = max([item.end] + [e["end"] for e in touching])
    wanted = original[start : item.start] + item.expected + original[item.end : end]
    pieces, cursor = [], start
    for edit in touching:
        pieces.append(original[cursor : edit["start"]] + edit["after"])
        cursor = edit["end"]
    pieces.append(original[cursor:end])
    return " ".join("".join(pieces).split()) == " ".join(wanted.split())


def score(gold: list[GoldItem], reports: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Recall (any category and category-correct) per category, per level and overall; precision."""
    by_doc: dict[str, list[Marker]] = {doc: markers(report) for doc, report in reports.items()}
    items: list[dict[str, Any]] = []
    for item in gold:
        hits = [m for m in by_doc.get(item.doc, []) if overlaps(item.start, item.end, m.start, m.end)]
        items.append(
            {
                "id": item.id,
                "doc": item.doc,
                "category": item.category,
                "level": item.level,
                "text": item.text,
                "found": bool(hits),
                "found_in_category": any(m.category == item.category for m in hits),
                "fixed": fixed_as_expected(item, reports.get(item.doc)),
                "by": sorted({m.source for m in hits}),
                "missing_document": item.doc not in reports,
            }
        )
    return {
        "overall": _recall(items),
        "by_level": {
            level: _recall([i for i in items if i["level"] == level]) for level in sorted({i["level"] for i in items})
        },
        "by_category": {
            c: _recall([i for i in items if i["category"] == c]) for c in sorted({i["category"] for i in items})
        },
        "precision": _precision(gold, by_doc),
        "items": items,
    }


def _recall(items: list[dict[str, Any]]) -> dict[str, Any]:
    total = len(items)
    found = sum(i["found"] for i in items)
    in_category = sum(i["found_in_category"] for i in items)
    fixable = [i for i in items if i.get("fixed") is not None]
    fixed = sum(1 for i in fixable if i["fixed"])
    return {
        "total": total,
        "found": found,
        "found_in_category": in_category,
        "recall": _rate(found, total),
        "recall_in_category": _rate(in_category, total),
        "with_expected": len(fixable),
        "fixed": fixed,
        "fix_rate": _rate(fixed, len(fixable)),
    }


def _precision(gold: list[GoldItem], by_doc: dict[str, list[Marker]]) -> dict[str, Any]:
    gold_by_doc: dict[str, list[GoldItem]] = defaultdict(list)
    for item in gold:
        gold_by_doc[item.doc].append(item)
    flags = [(doc, m) for doc, ms in by_doc.items() if doc in gold_by_doc for m in ms if m.kind == "flag"]
    matched: Counter[str | None] = Counter()
    totals: Counter[str | None] = Counter()
    unmatched = []
    for doc, flag in flags:
        totals[flag.category] += 1
        if any(overlaps(g.start, g.end, flag.start, flag.end) for g in gold_by_doc[doc]):
            matched[flag.category] += 1
        else:
            unmatched.append(
                {"doc": doc, "start": flag.start, "end": flag.end, "category": flag.category, "detector": flag.source}
            )
    total = sum(totals.values())
    hit = sum(matched.values())
    return {
        "flags": total,
        "matching_gold": hit,
        "precision": _rate(hit, total),
        "unmatched": unmatched,
        "by_category": {
            c: {"flags": totals[c], "matching_gold": matched[c], "precision": _rate(matched[c], totals[c])}
            for c in sorted(totals, key=str)
        },
    }


def control_counts(reports: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """False-flag rate on clean text: every flag there is a false flag, every applied edit a false edit."""
    reports = list(reports)
    words = flags = applied = 0
    by_category: Counter[str] = Counter()
    by_detector: Counter[str] = Counter()
    examples: list[dict[str, Any]] = []
    edit_examples: list[dict[str, Any]] = []
    for report in reports:
        words += len(report.get("original_text", "").split())
        for flag in report.get("flags", []):
            flags += 1
            by_category[flag["category"]] += 1
            by_detector[flag.get("detector", "")] += 1
            if len(examples) < 20:
                examples.append(
                    {
                        "document": report["document"],
                        "detector": flag.get("detector"),
                        "text": flag["text"][:80],
                        "message": flag.get("message", ""),
                    }
                )
        for edit in report.get("edits", []):
            if edit.get("applied"):
                applied += 1
                if len(edit_examples) < 20:
                    edit_examples.append(
                        {
                            "document": report["document"],
                            "stage": edit.get("stage"),
                            "before": edit.get("before", "")[:80],
                            "after": edit.get("after", "")[:80],
                        }
                    )
    return {
        "documents": len(reports),
        "words": words,
        "flags": flags,
        "applied_edits": applied,
        "flags_per_1000_words": round(1000 * flags / words, 2) if words else None,
        "by_category": dict(by_category),
        "by_detector": dict(by_detector),
        "examples": examples,
        "edit_examples": edit_examples,
    }
