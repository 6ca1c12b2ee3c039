"""The time budget per document and stage: a stage over budget is stopped and the run goes on.

The stuck stage is real: the grammar stage talks to a LanguageTool server (our own server speaking
LanguageTool's HTTP API, tests/languagetool_fake_server.py) that never answers for one document,
while the client is configured to wait far longer than the budget. Nothing here measures speed
(that is benchmarks/), only what happens to the documents.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from languagetool_fake_server import FakeLanguageToolServer

from pipeline.cli import main

pytestmark = pytest.mark.slow

STUCK = "The harbour master"  # the server hangs on any text containing this


def write_config(path: Path, **values: object) -> Path:
    path.write_text("[postedit]\n" + "".join(f"{k} = {json.dumps(v)}\n" for k, v in values.items()))
    return path


def clean(input_dir: Path, output: Path, config: Path) -> dict:
    assert main(["clean", str(input_dir), str(output), "--config", str(config), "--no-progress"]) == 0
    return json.loads((output / "summary.json").read_text())


def report(output: Path, doc: str) -> dict:
    return json.loads((output / "reports" / f"{doc}.json").read_text())


@pytest.fixture
def server():
    with FakeLanguageToolServer() as running:
        running.httpd.RequestHandlerClass.hang_on = STUCK
        yield running


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_stuck.txt").write_text(f"{STUCK} said the quay would reopen.\nShips waited outside.\n")
    (folder / "b_fine.txt").write_text("The ferry service resumed on on Monday after the storm.\n")
    return folder


def budget_config(tmp_path: Path, server: FakeLanguageToolServer, name: str = "tiny.toml", **more: object) -> Path:
    values = {
        "rewrite": False,
        "grammar": "languagetool",
        "languagetool_url": server.url,
        "languagetool_timeout": 600.0,  # the client alone would wait ten minutes per attempt
        "time_budget_floor": 8.0,
        "time_budget_per_kchar": 0.0,
        "cache_dir": str(tmp_path / "cache"),  # no grammar results from an earlier test's cache
        **more,
    }
    return write_config(tmp_path / name, **values)


def test_stage_over_budget_becomes_a_timeout_error_and_the_next_document_is_cleaned(server, corpus, tmp_path):
    summary = clean(corpus, tmp_path / "out", budget_config(tmp_path, server))

    assert summary["timeouts"] == 1
    stuck = report(tmp_path / "out", "a_stuck.txt")
    (error,) = stuck["errors"]
    assert (error["stage"], error["kind"]) == ("grammar", "timeout")
    assert error["seconds"] >= 8.0
    # what earlier stages did is kept, and the report replays (cleaned_text was rebuilt from the edits)
    assert set(stuck["stages"]) == {"normalize", "boilerplate", "detect"}
    assert stuck["cleaned_text"] == stuck["original_text"]
    fine = report(tmp_path / "out", "b_fine.txt")
    assert fine["errors"] == []
    assert any(f["details"].get("rule_id") == "ENGLISH_WORD_REPEAT_RULE" for f in fine["flags"])


def test_a_timed_out_stage_is_not_cached_and_the_next_run_tries_it_again(server, corpus, tmp_path):
    config = budget_config(tmp_path, server)
    clean(corpus, tmp_path / "out", config)

    server.httpd.RequestHandlerClass.hang_on = None  # the server answers again
    summary = clean(corpus, tmp_path / "out", config)

    assert summary["timeouts"] == 0
    assert report(tmp_path / "out", "a_stuck.txt")["errors"] == []
    # the stages before grammar came from the cache; grammar ran again for the stuck document only
    assert summary["stage_work"] == {"normalize": 0, "boilerplate": 0, "detect": 0, "grammar": 1, "rewrite": 1}


def test_stages_in_the_stage_process_give_the_same_report_as_in_process(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "doc.txt").write_text(
        "Officials said the the talks would resume.\nThe talks resumed on Monday ,as planned.\n"
    )
    reports = {}
    for isolate in (True, False):
        config = write_config(
            tmp_path / f"{isolate}.toml", rewrite=False, grammar="lingotweaker", isolate_stages=isolate
        )
        clean(folder, tmp_path / f"out{isolate}", config)
        reports[isolate] = report(tmp_path / f"out{isolate}", "doc.txt")
    assert reports[True]["flags"], "the document has errors to find"
    assert reports[True]["flags"] == reports[False]["flags"]
    assert reports[True]["edits"] == reports[False]["edits"]
    assert reports[True]["cleaned_text"] == reports[False]["cleaned_text"]


def test_a_luigi_shard_with_a_timeout_succeeds_and_runs_again_next_time(server, corpus, tmp_path):
    import os
    import subprocess
    import sys

    repo = Path(__file__).resolve().parent.parent
    out = tmp_path / "out"
    command = [
        str(Path(sys.executable).with_name("luigi")),
        "--module",
        "tasks",
        "CleanAll",
        "--input-dir",
        str(corpus),
        "--output-dir",
        str(out),
        "--shard-size",
        "1",
        "--config-file",
        str(budget_config(tmp_path, server)),
    ]
    env = {**os.environ, "PYTHONPATH": str(repo)}
    first = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    assert first.returncode == 0, first.stderr[-2000:]
    summary = json.loads((out / "summary.json").read_text())
    assert summary["timeouts"] == 1 and summary["shards"]["run"] == 2

    server.httpd.RequestHandlerClass.hang_on = None
    second = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    assert second.returncode == 0, second.stderr[-2000:]
    summary = json.loads((out / "summary.json").read_text())
    assert summary["timeouts"] == 0
    assert summary["shards"] == {"total": 2, "reused": 1, "run": 1, "size": 1}
    assert report(out, "a_stuck.txt")["errors"] == []
