"""Scale-out on a real central scheduler: ``luigid`` on a free localhost port, workers as separate processes."""

from __future__ import annotations

import json
import os
import random
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SENTENCES = [
    "The council said on Tuesday that budget talks would resume.",
    "Officials in Kyiv and Geneva met for {n} hours.",
    "The cafÃ© near the station reopened after {n} weeks.",
    "Prices rose by {n} percent in the third quarter, the ministry said.",
    "Share this article on social networks.",
]


@pytest.fixture
def luigid(tmp_path: Path):
    """A real ``luigid`` on a free port; yields its port and stops it afterwards."""
    port = _free_port()
    logdir = tmp_path / "luigid"
    logdir.mkdir()
    process = subprocess.Popen(
        [
            str(BIN / "luigid"),
            "--port",
            str(port),
            "--address",
            "127.0.0.1",
            "--logdir",
            str(logdir),
            "--state-path",
            str(logdir / "state.pickle"),
        ],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for_port(port, process)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def central_env(tmp_path: Path) -> dict[str, str]:
    """``luigi.cfg`` says local_scheduler = true; a later config file (LUIGI_CONFIG_PATH) turns it off."""
    config = tmp_path / "central.cfg"
    config.write_text("[core]\nlocal_scheduler = false\n")
    return {**os.environ, "LUIGI_CONFIG_PATH": str(config)}


def test_clean_all_with_two_workers_on_luigid_runs_every_shard_once(luigid, tmp_path):
    corpus = _corpus(tmp_path / "corpus", documents=36)
    out = tmp_path / "out"
    stage_config = tmp_path / "fast.toml"
    stage_config.write_text('stages = ["normalize"]\n')
    completed = subprocess.run(
        [
            str(BIN / "luigi"),
            "--module",
            "tasks",
            "CleanAll",
            "--scheduler-host",
            "127.0.0.1",
            "--scheduler-port",
            str(luigid),
            "--workers",
            "2",
            "--input-dir",
            str(corpus),
            "--output-dir",
            str(out),
            "--shard-size",
            "4",
            "--config-file",
            str(stage_config),
            "--log-level",
            "INFO",
        ],
        cwd=REPO,
        env=central_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]

    summary = json.loads((out / "summary.json").read_text())
    assert summary["shards"] == {"total": 9, "reused": 0, "run": 9, "size": 4}
    assert summary["stage_work"]["normalize"] == 36 and summary["documents"]["ok"] == 36
    manifests = [json.loads(path.read_text()) for path in (out / ".postedit" / "shards").glob("*.json")]
    assert sorted(m["shard_index"] for m in manifests) == list(range(9)), "each shard's manifest exactly once"
    assert sorted(e["document"] for m in manifests for e in m["entries"]) == sorted(p.name for p in corpus.iterdir())

    done = _task_list(luigid, "DONE")
    shards = [task for task in done.values() if task["name"] == "CleanShard"]
    assert len(shards) == 9, "luigid saw every shard finish"
    assert {task["params"]["shard_index"] for task in shards} == {str(i) for i in range(9)}
    assert all(task["progress_percentage"] == 100 for task in shards)
    assert all(
        task["status_message"].startswith(f"shard {task['params']['shard_index']}: 4/4 documents") for task in shards
    )
    assert any(task["name"] == "CleanAll" for task in done.values())
    assert not _task_list(luigid, "FAILED") and not _task_list(luigid, "PENDING")


def test_a_helper_machine_assistant_shares_a_nightly_run(luigid, tmp_path):
    """The coordinator schedules the day (and holds its lock); a helper's assistant worker takes shards too."""
    inbox = tmp_path / "inbox" / "2026-11-20"
    _corpus(inbox, documents=40)
    out = tmp_path / "nightly"
    stage_config = tmp_path / "fast.toml"
    stage_config.write_text('stages = ["normalize"]\n')
    common = ["--scheduler-host", "127.0.0.1", "--scheduler-port", str(luigid), "--log-level", "INFO"]
    day = [
        "CleanNightly",
        "--date",
        "2026-11-20",
        "--input-root",
        str(tmp_path / "inbox"),
        "--output-root",
        str(out),
        "--shard-size",
        "2",
        "--config-file",
        str(stage_config),
    ]
    env = central_env(tmp_path)
    helper_log_file = tmp_path / "helper.log"
    with helper_log_file.open("w") as log:
        helper = subprocess.Popen(
            [
                str(BIN / "luigi"),
                "--module",
                "tasks",
                "Assist",
                "--assistant",
                "--worker-keep-alive",
                "--worker-wait-interval",
                "0.1",
                "--worker-wait-jitter",
                "0",
                *common,
            ],
            cwd=REPO,
            env=env,
            stdout=log,
            stderr=log,
        )
    try:
        coordinator = subprocess.run(
            [
                str(BIN / "luigi"),
                "--module",
                "tasks",
                *day,
                "--worker-keep-alive",
                "--worker-wait-interval",
                "0.1",
                "--worker-wait-jitter",
                "0",
                *common,
            ],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
    finally:
        helper.terminate()
        helper.wait(timeout=30)
    helper_log = helper_log_file.read_text()
    # Luigi's exit code covers the tasks this process ran: when a helper took some of them it says
    # already_running (10) or not_run (25), never a failure code; the README says to check run.json.
    assert coordinator.returncode in (0, 10, 25), coordinator.stderr[-3000:]
    assert "failed" not in coordinator.stderr.split("===== Luigi Execution Summary =====")[1]
    record = json.loads((out / "runs" / "2026-11-20" / "run.json").read_text())
    assert record["documents"]["ok"] == 40 and record["shards"]["run"] == 20
    shards = [task for task in _task_list(luigid, "DONE").values() if task["name"] == "CleanShard"]
    assert len(shards) == 20
    assert "done      CleanShard(" in helper_log, "the assistant ran no shard: " + helper_log[-2000:]
    assert "done      CleanShard(" in coordinator.stderr
    assert os.readlink(out / "latest") == "runs/2026-11-20"


def test_a_summary_written_by_an_assistant_counts_this_runs_shards_as_run(luigid, tmp_path):
    """A coordinator with --workers 0 only schedules; the assistant runs every shard and the summary."""
    corpus = _corpus(tmp_path / "corpus", documents=12)
    out = tmp_path / "out"
    stage_config = tmp_path / "fast.toml"
    stage_config.write_text('stages = ["normalize"]\n')
    polling = [
        "--scheduler-host",
        "127.0.0.1",
        "--scheduler-port",
        str(luigid),
        "--worker-keep-alive",
        "--worker-wait-interval",
        "0.1",
        "--worker-wait-jitter",
        "0",
        "--log-level",
        "INFO",
    ]
    env = central_env(tmp_path)
    with (tmp_path / "helper.log").open("w") as log:
        helper = subprocess.Popen(
            [str(BIN / "luigi"), "--module", "tasks", "Assist", "--assistant", *polling],
            cwd=REPO,
            env=env,
            stdout=log,
            stderr=log,
        )
    try:
        coordinator = subprocess.run(
            [
                str(BIN / "luigi"),
                "--module",
                "tasks",
                "CleanAll",
                "--workers",
                "0",
                "--input-dir",
                str(corpus),
                "--output-dir",
                str(out),
                "--shard-size",
                "4",
                "--config-file",
                str(stage_config),
                *polling,
            ],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
    finally:
        helper.terminate()
        helper.wait(timeout=30)
    helper_log = (tmp_path / "helper.log").read_text()
    assert "done      CleanAll(" in helper_log, coordinator.stderr[-3000:] + helper_log[-3000:]
    summary = json.loads((out / "summary.json").read_text())
    assert summary["shards"] == {"total": 3, "reused": 0, "run": 3, "size": 4}
    assert summary["stage_work"]["normalize"] == 12


def _task_list(port: int, status: str) -> dict:
    query = urllib.parse.urlencode({"data": json.dumps({"status": status, "upstream_status": "", "search": ""})})
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/task_list?{query}", timeout=10) as response:
        return json.load(response)["response"]


def _corpus(folder: Path, documents: int) -> Path:
    folder.mkdir(parents=True)
    rng = random.Random(11)
    for index in range(documents):
        lines = [rng.choice(SENTENCES).format(n=rng.randint(2, 90)) for _ in range(rng.randint(3, 8))]
        (folder / f"doc{index:03d}.txt").write_text(" ".join(lines) + "\n", encoding="utf-8")
    return folder


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for_port(port: int, process: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"luigid exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"luigid did not listen on port {port}")
