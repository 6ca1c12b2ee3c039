"""The run summary (``summary.json``): counts, errors, timings and what ran, from per-document entries."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any


def build_summary(
    entries: Iterable[dict[str, Any]],
    *,
    input_path: str,
    output_dir: str,
    stage_versions: dict[str, Any],
    started_at: str,
    wall_seconds: float,
    config: dict[str, Any],
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    entries = list(entries)
    flags: Counter[str] = Counter()
    edits: Counter[str] = Counter()
    stage_work: Counter[str] = Counter()
    cache_hits: Counter[str] = Counter()
    stage_seconds: Counter[str] = Counter()
    backends: dict[str, set[str]] = {}
    for entry in entries:
        flags.update(entry.get("flags", {}))
        edits.update(entry.get("edits_applied", {}))
        stage_work.update(entry.get("stage_runs", []))
        cache_hits.update(entry.get("cache_hits", []))
        stage_seconds.update(entry.get("timings", {}))
        for stage, info in (entry.get("stages") or {}).items():
            for key in ("backend", "backends", "model"):
                if key in info:
                    value = info[key]
                    backends.setdefault(stage, set()).update(value if isinstance(value, list) else [str(value)])
    errors = [{"document": e["document"], **error} for e in entries for error in e.get("errors", [])]
    characters = sum(e.get("characters", 0) for e in entries)
    timeouts = sum(1 for error in errors if error.get("kind") == "timeout")
    summary = {
        "schema": "postedit.summary/1",
        "input": input_path,
        "output": output_dir,
        "started_at": started_at,
        "wall_seconds": round(wall_seconds, 3),
        "documents": {
            "total": len(entries),
            "ok": sum(1 for e in entries if e.get("ok")),
            "failed": sum(1 for e in entries if not e.get("ok")),
        },
        "characters": characters,
        "timeouts": timeouts,
        "flags": dict(sorted(flags.items())),
        "edits_applied": dict(sorted(edits.items())),
        "stage_work": {name: stage_work.get(name, 0) for name in stage_versions},
        "cache_hits": {name: cache_hits.get(name, 0) for name in stage_versions},
        "stage_seconds": {k: round(v, 3) for k, v in sorted(stage_seconds.items())},
        "stages": stage_versions,
        "backends": {k: sorted(v) for k, v in backends.items()},
        "errors": errors,
        "config": config,
        "documents_detail": [
            {
                k: e[k]
                for k in ("document", "ok", "report", "flags", "edits_applied", "suggestions", "encoding")
                if k in e
            }
            for e in entries
        ],
    }
    if extra:
        summary.update(extra)
    return summary
