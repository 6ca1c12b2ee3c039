"""Merging a second checker's matches into the primary's by span.

Where both checkers flag overlapping text the primary's match is kept (its rule id is the one the
disable lists know) and the agreement is recorded, which raises confidence; where only the second
checker speaks, its match is added. Only the second checker's precise kinds are offered for
merging (see :data:`pipeline.grammar.rules.DEFAULT_HARPER_KINDS`).
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.grammar.match import GrammarMatch


def _overlaps(a: GrammarMatch, b: GrammarMatch) -> bool:
    if a.start == a.end or b.start == b.end:
        return a.start <= b.end and b.start <= a.end
    return a.start < b.end and b.start < a.end


def merge_matches(primary: list[GrammarMatch], secondary: list[GrammarMatch]) -> list[GrammarMatch]:
    merged = list(primary)
    for extra in sorted(secondary, key=lambda m: (m.start, m.end)):
        hit = next((i for i, m in enumerate(merged) if _overlaps(m, extra)), None)
        if hit is None:
            merged.append(extra)
            continue
        kept = merged[hit]
        agreeing = list(kept.extra.get("also", []))
        if extra.backend != kept.backend and extra.backend not in agreeing:
            merged[hit] = replace(kept, extra={**kept.extra, "also": agreeing + [extra.backend]})
    return sorted(merged, key=lambda m: (m.start, m.end, m.rule_id))
