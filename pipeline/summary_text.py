"""A run summary as a few plain lines, for logs, Luigi status messages and cron mail.

``summary.json`` is for tools; an operator reading a cron mail or luigid's page wants to see at once
how many documents went through, what changed by category, what failed and how long it took.
"""

from __future__ import annotations

from typing import Any

MAX_ERRORS_LISTED = 5


def summary_lines(summary: dict[str, Any]) -> list[str]:
    docs = summary["documents"]
    lines = [
        f"{docs['total']} documents ({docs['ok']} ok, {docs['failed']} failed), "
        f"{summary.get('characters', 0)} characters in {summary['wall_seconds']:.1f} s -> {summary['output']}"
    ]
    shards = summary.get("shards")
    if shards:
        lines.append(f"shards: {shards['total']} ({shards['run']} run, {shards['reused']} reused)")
    work = summary.get("stage_work", {})
    hits = summary.get("cache_hits", {})
    if work:
        lines.append("stage work (cached): " + ", ".join(f"{name} {work[name]} ({hits.get(name, 0)})" for name in work))
    lines.append("changes: " + (_counts(summary.get("edits_applied", {})) or "none"))
    lines.append("flags: " + (_counts(summary.get("flags", {})) or "none"))
    errors = summary.get("errors", [])
    timeouts = summary.get("timeouts", 0)
    lines.append(
        f"errors: {len(errors)}" + (f" ({timeouts} over their time budget, tried again next run)" if timeouts else "")
    )
    for error in errors[:MAX_ERRORS_LISTED]:
        first_line = (error.get("message") or "").splitlines()[0] if error.get("message") else ""
        lines.append(f"  {error['document']}: {error['kind']}: {first_line}")
    if len(errors) > MAX_ERRORS_LISTED:
        lines.append(f"  ... {len(errors) - MAX_ERRORS_LISTED} more in summary.json")
    return lines


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{name} {count}" for name, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])))
