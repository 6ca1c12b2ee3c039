"""Luigi wiring: CleanAll over shards, completeness, resume after a kill, several workers."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import luigi
import pytest

from tasks import CleanAll

REPO = Path(__file__).resolve().parent.parent
WORDS = "the council said on Tuesday that budget talks would resume after officials in Kyiv and Geneva met".split()


def luigi_env() -> dict:
    return {**os.environ, "PYTHONPATH": str(REPO)}


def test_clean_all_writes_every_document_and_rerun_reuses_every_shard(mixed_input, tmp_path):
    out = tmp_path / "out"
    stage_config = tmp_path / "fast.toml"
    stage_config.write_text('stages = ["normalize"]\n')
    params = dict(input_dir=str(mixed_input), output_dir=str(out), shard_size=2, config_file=str(stage_config))
    assert luigi.build([CleanAll(**params)], local_scheduler=True, log_level="WARNING")
    first = json.loads((out / "summary.json").read_text())
    assert first["documents"]["total"] == 6 and first["shards"] == {"total": 3, "reused": 0, "run": 3, "size": 2}
    assert first["stage_work"]["normalize"] == 4
    assert (out / "cleaned" / "mojibake.txt").read_text() == "The café owner said “no” twice.\n"
    assert {e["document"] for e in first["errors"]} == {"binary.txt", "empty.txt"}

    luigi.task_register.Register.clear_instance_cache()
    assert luigi.build([CleanAll(**params)], local_scheduler=True, log_level="WARNING")
    second = json.loads((out / "summary.json").read_text())
    assert second["shards"]["reused"] == 3 and second["shards"]["run"] == 0
    assert second["stage_work"]["normalize"] == 0


def test_user_command_runs_from_the_repository_root_with_luigi_cfg(tmp_path):
    out = tmp_path / "out"
    completed = subprocess.run(
        [
            str(Path(sys.executable).with_name("luigi")),
            "--module",
            "tasks",
            "CleanAll",
            "--output-dir",
            str(out),
            "--config-file",
            str(_fast_config(tmp_path)),
        ],
        cwd=REPO,
        env=luigi_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    summary = json.loads((out / "summary.json").read_text())
    assert summary["documents"]["total"] == len(list((REPO / "seeds").glob("*.txt")))


def test_two_workers_clean_every_shard_once(tmp_path):
    corpus = _generated_corpus(tmp_path / "corpus", documents=40, words=200)
    out = tmp_path / "out"
    completed = subprocess.run(
        [
            str(Path(sys.executable).with_name("luigi")),
            "--module",
            "tasks",
            "CleanAll",
            "--local-scheduler",
            "--input-dir",
            str(corpus),
            "--output-dir",
            str(out),
            "--shard-size",
            "5",
            "--workers",
            "2",
            "--config-file",
            str(_fast_config(tmp_path)),
        ],
        cwd=REPO,
        env=luigi_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    summary = json.loads((out / "summary.json").read_text())
    assert summary["shards"] == {"total": 8, "reused": 0, "run": 8, "size": 5}
    assert summary["stage_work"]["normalize"] == 40
    assert len(list((out / "cleaned").iterdir())) == 40


def test_killed_run_resumes_without_redoing_finished_shards(tmp_path):
    corpus = _generated_corpus(tmp_path / "corpus", documents=300, words=6000)
    out = tmp_path / "out"
    command = [
        str(Path(sys.executable).with_name("luigi")),
        "--module",
        "tasks",
        "CleanAll",
        "--local-scheduler",
        "--input-dir",
        str(corpus),
        "--output-dir",
        str(out),
        "--shard-size",
        "10",
        "--config-file",
        str(_fast_config(tmp_path)),
    ]
    process = subprocess.Popen(
        command, cwd=REPO, env=luigi_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    shards = out / ".postedit" / "shards"
    deadline = time.time() + 120
    while time.time() < deadline and len(list(shards.glob("*.json"))) < 2:
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    finished_before = len(list(shards.glob("*.json")))
    if finished_before >= 30 or (out / "summary.json").exists():
        pytest.fail("the run finished before it could be killed; make the corpus bigger")
    assert finished_before >= 2

    completed = subprocess.run(command, cwd=REPO, env=luigi_env(), capture_output=True, text=True, timeout=600)
    assert completed.returncode == 0, completed.stderr[-2000:]
    summary = json.loads((out / "summary.json").read_text())
    assert summary["shards"]["reused"] >= finished_before
    assert summary["shards"]["run"] == 30 - summary["shards"]["reused"]
    assert not list(out.rglob("*.part")), "temporary files of the killed run were left behind"
    # no torn outputs: every report parses and every cleaned file matches its report
    for report_file in (out / "reports").glob("*.json"):
        report = json.loads(report_file.read_text())
        assert (out / "cleaned" / report["document"]).read_text() == report["cleaned_text"]


def _fast_config(tmp_path: Path) -> Path:
    path = tmp_path / "fast.toml"
    path.write_text('stages = ["normalize"]\n')
    return path


def _generated_corpus(folder: Path, documents: int, words: int) -> Path:
    folder.mkdir(parents=True)
    rng = random.Random(7)
    for index in range(documents):
        text = " ".join(rng.choice(WORDS) for _ in range(words))
        text = text.replace("council", "cafÃ©", 1)  # something for ftfy to repair
        (folder / f"doc{index:04d}.txt").write_text(text + "\n")
    return folder
