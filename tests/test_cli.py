"""`postedit clean`: same outputs as the Luigi run, bad documents isolated, re-runs served from cache."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.cli import main

FAST = ["--stages", "normalize", "--no-progress"]


def run_clean(input_path: Path, output: Path, *extra: str) -> dict:
    assert main(["clean", str(input_path), str(output), *FAST, *extra]) == 0
    return json.loads((output / "summary.json").read_text())


def test_mixed_folder_gives_results_and_per_document_errors(mixed_input, tmp_path):
    out = tmp_path / "out"
    summary = run_clean(mixed_input, out)
    errors = {e["document"]: e["kind"] for e in summary["errors"]}
    assert errors == {"binary.txt": "binary", "empty.txt": "empty"}
    assert summary["documents"] == {"total": 6, "ok": 4, "failed": 2}
    assert (out / "cleaned" / "mojibake.txt").read_text() == "The café owner said “no” twice.\n"
    legacy = json.loads((out / "reports" / "legacy.txt.json").read_text())
    assert legacy["encoding"]["detected"] == "cp1252"
    assert legacy["cleaned_text"] == "The café’s owner said “no” — twice.\n"
    assert (out / "cleaned" / "sub" / "nested.txt").exists()
    assert not (out / "cleaned" / "binary.txt").exists()
    binary_report = json.loads((out / "reports" / "binary.txt.json").read_text())
    assert binary_report["errors"][0]["kind"] == "binary"
    assert (out / "index.html").exists() and (out / "reports" / "plain.txt.html").exists()


def test_second_run_on_unchanged_input_does_no_stage_work(mixed_input, tmp_path):
    out = tmp_path / "out"
    first = run_clean(mixed_input, out)
    assert first["stage_work"]["normalize"] == 4
    second = run_clean(mixed_input, out)
    assert second["stage_work"]["normalize"] == 0
    assert second["cache_hits"]["normalize"] == 4
    (mixed_input / "plain.txt").write_text("A changed document.\n")
    third = run_clean(mixed_input, out)
    assert third["stage_work"]["normalize"] == 1


def test_jsonl_input_with_malformed_lines(jsonl_input, tmp_path):
    out = tmp_path / "out"
    summary = run_clean(jsonl_input, out)
    kinds = sorted(e["kind"] for e in summary["errors"])
    assert kinds == ["duplicate_id", "malformed_jsonl", "malformed_jsonl"]
    assert (out / "cleaned" / "b").read_text() == "Second document & more."


def test_documents_whose_names_rewrite_alike_each_keep_their_own_outputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    texts = {"a b.txt": "The ferry left at noon.\n", "a?b.txt": "The mill closed.\n", "a_b.txt": "Rain fell.\n"}
    texts["Zürich notes.txt"] = "The lake froze.\n"
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    summary = run_clean(folder, out)
    assert summary["documents"] == {"total": 4, "ok": 4, "failed": 0}
    cleaned = sorted(p.read_text(encoding="utf-8") for p in (out / "cleaned").iterdir())
    assert cleaned == sorted(texts.values())
    assert (out / "cleaned" / "a_b.txt").read_text() == "Rain fell.\n"  # a safe name is kept as it is
    reports = [json.loads(p.read_text()) for p in (out / "reports").glob("*.json")]
    assert sorted(r["document"] for r in reports) == sorted(texts)


def test_jsonl_ids_that_are_empty_or_hold_a_slash_do_not_stop_the_run(tmp_path):
    lines = [
        {"id": "desk", "text": "The desk filed two stories."},
        {"id": "desk/late", "text": "The late desk filed one."},
        {"id": "", "text": "No id here."},
        {"id": "night", "text": "The night editor signed off."},
    ]
    source = tmp_path / "feed.jsonl"
    source.write_text("".join(json.dumps(line) + "\n" for line in lines))
    out = tmp_path / "out"
    summary = run_clean(source, out)
    assert [e["kind"] for e in summary["errors"]] == ["malformed_jsonl"]
    assert summary["documents"]["ok"] == 3
    cleaned = sorted(p.read_text() for p in (out / "cleaned").rglob("*") if p.is_file())
    assert cleaned == sorted(line["text"] for line in lines if line["id"])


def test_oversized_document_is_an_error_and_the_rest_goes_on(mixed_input, tmp_path):
    (mixed_input / "huge.txt").write_text("word " * 5000)
    summary = run_clean(mixed_input, tmp_path / "out", "--max-bytes", "10000")
    huge = [e for e in summary["errors"] if e["document"] == "huge.txt"]
    assert [e["kind"] for e in huge] == ["too_large"]
    assert not (tmp_path / "out" / "cleaned" / "huge.txt").exists()
    assert summary["documents"]["ok"] == 4


def test_unreadable_file_is_an_error(mixed_input, tmp_path):
    locked = mixed_input / "locked.txt"
    locked.write_text("secret")
    locked.chmod(0)
    try:
        import os

        if os.geteuid() == 0:  # root reads anything; use a path that cannot be read at all
            locked.chmod(0o644)
            locked.unlink()
            locked.symlink_to(mixed_input / "does-not-exist")
        summary = run_clean(mixed_input, tmp_path / "out")
    finally:
        locked.unlink()
    assert any(e["document"] == "locked.txt" and e["kind"] == "unreadable" for e in summary["errors"])


def test_missing_input_is_a_clear_error(tmp_path, capsys):
    assert main(["clean", str(tmp_path / "nope"), str(tmp_path / "out"), *FAST]) == 2
    assert "does not exist" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("[postedit\nrewrite = false\n", "not valid TOML"),
        ('[postedit]\nstages = ["normalize", "spellcheck"]\n', "unknown stages ['spellcheck']"),
        (
            "[postedit]\nbatch_size = true\n",
            "batch_size: Input should be a valid integer (got true)",
        ),  # as TOML spells it
        (None, "cannot read the configuration file"),
    ],
)
def test_a_bad_configuration_file_is_one_line_and_exit_2(mixed_input, tmp_path, capsys, toml, message):
    config = tmp_path / "postedit.toml"
    if toml is not None:
        config.write_text(toml)
    code = main(["clean", str(mixed_input), str(tmp_path / "out"), "--config", str(config), "--no-progress"])
    err = capsys.readouterr().err
    assert code == 2
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "out" / "summary.json").exists()


def test_console_script_runs(mixed_input, tmp_path):
    script = Path(sys.executable).with_name("postedit")
    completed = subprocess.run(
        [str(script), "clean", str(mixed_input / "plain.txt"), str(tmp_path / "out"), *FAST],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert (tmp_path / "out" / "cleaned" / "plain.txt").exists()


def test_the_word_qe_operating_point_reaches_the_run_and_a_mode_it_cannot_honour_is_a_warning(
    mixed_input, tmp_path, capsys
):
    summary = run_clean(mixed_input, tmp_path / "out", "--word-qe", "post-editing")
    assert summary["config"]["word_qe"] == "post-editing"
    assert "warning: word_qe = post-editing" in capsys.readouterr().err  # FAST runs no rewrite stage
    summary = run_clean(mixed_input, tmp_path / "default")
    assert summary["config"]["word_qe"] == "clean-text" and "warning" not in capsys.readouterr().err
