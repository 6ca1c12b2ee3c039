"""Boolean switches of CleanAll and CleanNightly, through the real ``luigi`` command.

``--rewrite`` and ``--rewrite true`` turn the rewriter on, ``--rewrite false`` turns it off, and
leaving it out keeps the configuration's value (the TOML file's, else the default). The value that
reached the pipeline is read back from the run's ``summary.json``. The runs use only the normalize
stage, so the rewriter's setting is recorded without loading a model.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
LUIGI = str(Path(sys.executable).with_name("luigi"))


def run_luigi(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [LUIGI, "--module", "tasks", *args],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=300,
    )


def config_file(tmp_path: Path, rewrite: bool | None) -> Path:
    path = tmp_path / "run.toml"
    line = "" if rewrite is None else f"rewrite = {str(rewrite).lower()}\n"
    path.write_text('stages = ["normalize"]\n' + line)
    return path


def clean_all(inbox: Path, out: Path, config: Path, *switch: str) -> subprocess.CompletedProcess:
    """``luigi --module tasks CleanAll`` (local scheduler) over ``inbox`` into ``out``."""
    return run_luigi(
        "CleanAll",
        "--local-scheduler",
        "--input-dir",
        str(inbox),
        "--output-dir",
        str(out),
        "--config-file",
        str(config),
        *switch,
    )


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "note.txt").write_text("The ferry timetable changes on Monday.\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("configured", "switch", "expected"),
    [
        (None, [], True),  # not given: the default
        (False, [], False),  # not given: the configuration file's value
        (None, ["--rewrite", "false"], False),
        (False, ["--rewrite", "true"], True),
        (False, ["--rewrite"], True),  # the bare switch still turns it on
    ],
    ids=["default", "from-config", "off", "on", "bare"],
)
def test_clean_all_rewrite_switch_works_both_ways(tmp_path, inbox, configured, switch, expected):
    out = tmp_path / "out"
    completed = clean_all(inbox, out, config_file(tmp_path, configured), *switch)
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert json.loads((out / "summary.json").read_text())["config"]["rewrite"] is expected


def test_clean_all_rejects_a_switch_value_that_is_not_a_boolean(tmp_path, inbox):
    completed = run_luigi(
        "CleanAll",
        "--local-scheduler",
        "--input-dir",
        str(inbox),
        "--output-dir",
        str(tmp_path / "out"),
        "--rewrite",
        "maybe",
    )
    assert completed.returncode != 0
    assert "cannot interpret 'maybe' as boolean" in completed.stderr
    assert not (tmp_path / "out" / "summary.json").exists()


@pytest.mark.parametrize(
    ("configured", "switch", "expected"),
    [(None, ["--rewrite", "false"], False), (False, ["--rewrite", "true"], True), (False, [], False)],
    ids=["off", "on", "from-config"],
)
def test_clean_nightly_rewrite_switch_works_both_ways(tmp_path, inbox, configured, switch, expected):
    day = tmp_path / "arrivals" / "2026-11-24"
    day.parent.mkdir()
    inbox.rename(day)
    out = tmp_path / "nightly"
    completed = run_luigi(
        "CleanNightly",
        "--local-scheduler",
        "--date",
        "2026-11-24",
        "--input-root",
        str(day.parent),
        "--output-root",
        str(out),
        "--config-file",
        str(config_file(tmp_path, configured)),
        *switch,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    summary = json.loads((out / "runs" / "2026-11-24" / "summary.json").read_text())
    assert summary["config"]["rewrite"] is expected


def test_clean_all_passes_the_word_qe_operating_point_and_rejects_an_unknown_one(tmp_path, inbox):
    def run(value: str, out: Path) -> subprocess.CompletedProcess:
        return clean_all(inbox, out, config_file(tmp_path, None), "--word-qe", value)

    completed = run("post-editing", tmp_path / "out")
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert json.loads((tmp_path / "out" / "summary.json").read_text())["config"]["word_qe"] == "post-editing"
    rejected = run("everything", tmp_path / "bad")
    assert rejected.returncode != 0 and "word_qe" in rejected.stderr
