"""Layout of nightly runs: where a day's arrivals are, where its run folder goes, and "latest".

::

    INPUT_ROOT/2026-11-23/...        what arrived that day (any input ``postedit clean`` reads)
    OUTPUT_ROOT/runs/2026-11-23/     that day's run folder: cleaned/, reports/, index.html,
                                     summary.json, and run.json written last (the day is done)
    OUTPUT_ROOT/cache/               stage store and sentence caches shared by every night, so a
                                     document seen on an earlier night costs no stage work
    OUTPUT_ROOT/latest -> runs/...   symlink to the newest finished run, replaced atomically
    OUTPUT_ROOT/LATEST               the same date as text, for storage without symlinks

Dates are in the folder names so that Luigi's ``RangeDaily`` can tell finished days from a single
directory listing, and so that a back-fill never overwrites another day's outputs.
"""

from __future__ import annotations

import fcntl
import json
import os
from datetime import date
from pathlib import Path
from typing import Any

from pipeline.io.atomic import atomic_write_text

RUNS_DIR = "runs"
CACHE_DIR = "cache"
LATEST_LINK = "latest"
LATEST_FILE = "LATEST"
RUN_RECORD = "run.json"


def arrivals_path(input_root: str | os.PathLike[str], day: date) -> Path:
    return Path(input_root) / day.isoformat()


def run_folder(output_root: str | os.PathLike[str], day: date) -> Path:
    return Path(output_root) / RUNS_DIR / day.isoformat()


def shared_cache_dir(output_root: str | os.PathLike[str]) -> Path:
    return Path(output_root) / CACHE_DIR


def run_record_path(output_root: str | os.PathLike[str], day: date) -> Path:
    return run_folder(output_root, day) / RUN_RECORD


def finished_days(output_root: str | os.PathLike[str]) -> set[date]:
    """Days whose run record exists: one listing of ``runs/`` plus a stat per day folder."""
    runs = Path(output_root) / RUNS_DIR
    days: set[date] = set()
    try:
        names = os.listdir(runs)
    except FileNotFoundError:
        return days
    for name in names:
        try:
            day = date.fromisoformat(name)
        except ValueError:
            continue
        if (runs / name / RUN_RECORD).is_file():
            days.add(day)
    return days


def write_run_record(output_root: str | os.PathLike[str], day: date, summary: dict[str, Any]) -> dict[str, Any]:
    """Write ``run.json`` (the day's completeness marker, so it goes last) from the run summary."""
    record = {
        "schema": "postedit.nightly/1",
        "date": day.isoformat(),
        "input": summary.get("input"),
        "started_at": summary.get("started_at"),
        "wall_seconds": summary.get("wall_seconds"),
        "documents": summary.get("documents"),
        "edits_applied": summary.get("edits_applied"),
        "errors": len(summary.get("errors", [])),
        "stage_work": summary.get("stage_work"),
        "cache_hits": summary.get("cache_hits"),
        "shards": summary.get("shards"),
    }
    atomic_write_text(run_record_path(output_root, day), json.dumps(record, indent=1))
    return record


def read_latest(output_root: str | os.PathLike[str]) -> date | None:
    try:
        return date.fromisoformat((Path(output_root) / LATEST_FILE).read_text(encoding="utf-8").strip())
    except (FileNotFoundError, ValueError):
        return None


def point_latest(output_root: str | os.PathLike[str], day: date) -> bool:
    """Point ``latest`` at ``day``'s run unless a newer day is already there; True if it moved.

    A back-fill of an older day must not move "latest" backwards. Concurrent runs of different days
    serialise on a small lock file so that the compare-and-replace is not raced.
    """
    root = Path(output_root)
    root.mkdir(parents=True, exist_ok=True)
    with open(root / ".latest.lock", "a+") as guard:
        fcntl.flock(guard, fcntl.LOCK_EX)
        current = read_latest(root)
        if current is not None and current > day:
            return False
        _replace_symlink(root / LATEST_LINK, Path(RUNS_DIR) / day.isoformat())
        atomic_write_text(root / LATEST_FILE, day.isoformat() + "\n")
        return True


def _replace_symlink(link: Path, target: Path) -> None:
    """Create the new link under a temporary name, then rename it over the old one (atomic)."""
    temporary = link.with_name(f".{link.name}.{os.getpid()}.tmp")
    try:
        temporary.unlink()
    except FileNotFoundError:
        pass
    os.symlink(target, temporary)
    os.replace(temporary, link)
