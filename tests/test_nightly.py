"""Nightly runs: dated run folders, the "latest" pointer, back-fills, overlap locking, exit codes for cron."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import luigi
import pytest

from pipeline.nightly import read_latest
from pipeline.runlock import RunLock, RunLockBusy
from pipeline.sentence_cache import SentenceCache
from tasks import CleanNightly

REPO = Path(__file__).resolve().parent.parent
LUIGI = str(Path(sys.executable).with_name("luigi"))
DAY1, DAY2, DAY3 = date(2026, 11, 20), date(2026, 11, 21), date(2026, 11, 22)


@pytest.fixture
def area(tmp_path: Path) -> dict[str, Path]:
    """An input area with two days of arrivals; day 2 repeats one of day 1's documents."""
    inbox = tmp_path / "inbox"
    for day, files in {
        DAY1: {"a.txt": "The cafÃ© reopened on Monday.\n", "b.txt": "Officials met in Geneva.\n"},
        DAY2: {"a-again.txt": "The cafÃ© reopened on Monday.\n", "c.txt": "Talks resume on Tuesday.\n"},
    }.items():
        folder = inbox / day.isoformat()
        folder.mkdir(parents=True)
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
    config = tmp_path / "fast.toml"
    config.write_text('stages = ["normalize"]\n')
    return {"inbox": inbox, "out": tmp_path / "nightly", "config": config}


def nightly(area: dict[str, Path], day: date) -> CleanNightly:
    luigi.task_register.Register.clear_instance_cache()
    return CleanNightly(
        date=day, input_root=str(area["inbox"]), output_root=str(area["out"]), config_file=str(area["config"])
    )


def run_luigi(*args: str, timeout: int = 120) -> subprocess.CompletedProcess:
    """The ``luigi`` command as cron runs it, from the repository root so ``luigi.cfg`` applies."""
    return subprocess.run(
        [LUIGI, "--module", "tasks", *args, "--log-level", "INFO"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_a_night_cleans_its_arrivals_into_a_dated_folder_and_points_latest_at_it(area):
    assert luigi.build([nightly(area, DAY1)], local_scheduler=True, log_level="WARNING")
    run = area["out"] / "runs" / "2026-11-20"
    record = json.loads((run / "run.json").read_text())
    assert record["date"] == "2026-11-20" and record["documents"] == {"total": 2, "ok": 2, "failed": 0}
    assert (run / "cleaned" / "a.txt").read_text() == "The café reopened on Monday.\n"
    assert (run / "index.html").exists() and json.loads((run / "summary.json").read_text())["stage_work"] == {
        "normalize": 2
    }
    assert os.readlink(area["out"] / "latest") == "runs/2026-11-20"
    assert (area["out"] / "latest" / "cleaned" / "b.txt").exists()
    assert read_latest(area["out"]) == DAY1


def test_next_night_does_no_stage_work_for_a_document_seen_before(area):
    assert luigi.build([nightly(area, DAY1)], local_scheduler=True, log_level="WARNING")
    assert luigi.build([nightly(area, DAY2)], local_scheduler=True, log_level="WARNING")
    summary = json.loads((area["out"] / "runs" / "2026-11-21" / "summary.json").read_text())
    assert summary["stage_work"] == {"normalize": 1} and summary["cache_hits"] == {"normalize": 1}
    assert (
        area["out"] / "runs" / "2026-11-21" / "cleaned" / "a-again.txt"
    ).read_text() == "The café reopened on Monday.\n"
    assert os.readlink(area["out"] / "latest") == "runs/2026-11-21"


def test_changing_one_stage_setting_reruns_that_stage_only_on_the_next_night(area, tmp_path):
    keep = tmp_path / "keep.toml"
    keep.write_text('stages = ["normalize", "boilerplate"]\nremove_boilerplate = true\n')
    flag_only = tmp_path / "flag-only.toml"
    flag_only.write_text('stages = ["normalize", "boilerplate"]\nremove_boilerplate = false\n')
    for day, config in ((DAY1, keep), (DAY2, flag_only)):
        luigi.task_register.Register.clear_instance_cache()
        task = CleanNightly(
            date=day, input_root=str(area["inbox"]), output_root=str(area["out"]), config_file=str(config)
        )
        assert luigi.build([task], local_scheduler=True, log_level="WARNING")
    summary = json.loads((area["out"] / "runs" / "2026-11-21" / "summary.json").read_text())
    # a-again.txt was normalized on night 1: only the stage whose setting changed runs for it
    assert summary["stage_work"] == {"normalize": 1, "boilerplate": 2}
    assert summary["cache_hits"] == {"normalize": 1, "boilerplate": 0}


def test_backfill_with_range_daily_runs_only_missing_days_and_never_moves_latest_back(area):
    assert luigi.build([nightly(area, DAY2)], local_scheduler=True, log_level="WARNING")
    finished_day2 = (area["out"] / "runs" / "2026-11-21" / "run.json").stat().st_mtime_ns
    of_params = json.dumps(
        {"input_root": str(area["inbox"]), "output_root": str(area["out"]), "config_file": str(area["config"])}
    )
    completed = run_luigi(
        "RangeDaily", "--of", "CleanNightly", "--of-params", of_params, "--start", "2026-11-20", "--stop", "2026-11-22"
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert (area["out"] / "runs" / "2026-11-20" / "run.json").exists()
    assert (area["out"] / "runs" / "2026-11-21" / "run.json").stat().st_mtime_ns == finished_day2, (
        "a finished day was re-run"
    )
    assert read_latest(area["out"]) == DAY2 and os.readlink(area["out"] / "latest") == "runs/2026-11-21"


def test_a_day_whose_input_never_arrived_exits_with_the_missing_data_code(area):
    completed = run_luigi(
        "CleanNightly",
        "--date",
        DAY3.isoformat(),
        "--input-root",
        str(area["inbox"]),
        "--output-root",
        str(area["out"]),
        "--config-file",
        str(area["config"]),
    )
    assert completed.returncode == 20, completed.stderr[-3000:]
    assert not (area["out"] / "runs" / "2026-11-22" / "run.json").exists()


def test_a_failing_run_exits_non_zero_for_cron(area):
    run = area["out"] / "runs" / "2026-11-20"
    run.mkdir(parents=True)
    (run / "cleaned").write_text("a file where the cleaned/ folder must go\n")
    completed = run_luigi(
        "CleanNightly",
        "--date",
        DAY1.isoformat(),
        "--input-root",
        str(area["inbox"]),
        "--output-root",
        str(area["out"]),
        "--config-file",
        str(area["config"]),
    )
    assert completed.returncode == 30, completed.stderr[-3000:]
    assert not (run / "run.json").exists() and read_latest(area["out"]) is None


def test_an_overlapping_run_of_the_same_day_exits_already_running_and_leaves_the_folder_alone(area):
    run = area["out"] / "runs" / "2026-11-20"
    holder = _hold_lock_in_other_process(run)
    try:
        completed = run_luigi(
            "CleanNightly",
            "--date",
            DAY1.isoformat(),
            "--input-root",
            str(area["inbox"]),
            "--output-root",
            str(area["out"]),
            "--config-file",
            str(area["config"]),
        )
    finally:
        holder.kill()
        holder.wait()
    assert completed.returncode == 10, completed.stderr[-3000:]
    assert "another run holds" in completed.stderr
    assert not (run / "summary.json").exists() and not (run / "cleaned").exists()

    completed = run_luigi(
        "CleanNightly",
        "--date",
        DAY1.isoformat(),
        "--input-root",
        str(area["inbox"]),
        "--output-root",
        str(area["out"]),
        "--config-file",
        str(area["config"]),
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert (run / "run.json").exists()
    # the final summary in the log (what cron mails): documents, changes per category, errors
    for line in ("2 documents (2 ok, 0 failed)", "changes: encoding 1", "errors: 0", "latest -> 2026-11-20"):
        assert line in completed.stderr


def test_a_waiting_run_goes_ahead_once_the_other_run_is_gone(area):
    run = area["out"] / "runs" / "2026-11-20"
    holder = _hold_lock_in_other_process(run, seconds=1.5)
    completed = run_luigi(
        "CleanNightly",
        "--date",
        DAY1.isoformat(),
        "--input-root",
        str(area["inbox"]),
        "--output-root",
        str(area["out"]),
        "--config-file",
        str(area["config"]),
        "--lock-wait",
        "60",
    )
    holder.wait()
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert (run / "run.json").exists()


def test_run_lock_is_released_when_its_holder_is_killed(tmp_path):
    holder = _hold_lock_in_other_process(tmp_path)
    with pytest.raises(RunLockBusy) as busy:
        RunLock(tmp_path).acquire()
    assert busy.value.holder["pid"] == holder.pid
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    lock = RunLock(tmp_path).acquire(wait_seconds=5)
    assert lock.held
    lock.release()


def test_sentence_cache_keeps_committed_entries_when_the_writer_is_killed(tmp_path):
    path = tmp_path / "grammar.sqlite3"
    writer = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import itertools, sys
            from pipeline.sentence_cache import SentenceCache
            cache = SentenceCache({str(path)!r})
            for batch in itertools.count():
                cache.put_many({{f"k{{batch}}-{{i}}": {{"matches": [batch, i]}} for i in range(50)}})
                print(batch, flush=True)
        """),
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    committed = [int(writer.stdout.readline()) for _ in range(20)]
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    cache = SentenceCache(path)
    last = committed[-1]
    found = cache.get_many([f"k{batch}-{i}" for batch in range(last + 1) for i in range(50)])
    assert len(found) == (last + 1) * 50 and found[f"k{last}-49"] == {"matches": [last, 49]}
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def _hold_lock_in_other_process(folder: Path, seconds: float = 120) -> subprocess.Popen:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import time; from pipeline.runlock import RunLock; RunLock({str(folder)!r}).acquire(); "
            f"print('held', flush=True); time.sleep({seconds})",
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "held"
    return holder
