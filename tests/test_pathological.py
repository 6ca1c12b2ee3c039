"""Pathological inputs (issue 12) are processed at default settings, not timed out.

The shapes are generated here (tests/pathological_shapes.py), never stored. One folder holds every
shape and ``postedit clean --no-rewrite`` cleans it with the default time budget and stage
isolation; each document must come out ok (no error, no timeout) with a report that replays: the
edits rebuild the cleaned text from the original, and no word of the input is lost in between.
Nothing here measures speed (benchmarks/pathological_scaling.py does, as 4x / 1x ratios).

Sizes: the shapes of the issue at the issue's sizes, except 20,000 short lines, run at a tenth
(2,000 lines): its cost is linear but large, because a quarter of its lines are an unknown word and
the grammar checkers spend 20-35 ms on each unknown word finding spelling suggestions (about five
minutes at the full size, within the default budget; benchmarks/pathological_scaling.py times it).
Our own shapes are sized to cost a few CPU seconds each, so the file stays near two minutes.

The time budget's own behaviour (a stuck stage becomes a timeout error, earlier stages are kept,
the next document is cleaned, the next run retries) is tested in tests/test_time_budget.py.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from pathological_shapes import SCALE, SHAPES, shape

from pipeline.cli import main
from pipeline.document import Document

pytestmark = pytest.mark.slow

WORD = re.compile(r"[A-Za-z]{2,}")


def _words(text: str) -> Counter[str]:
    return Counter(WORD.findall(text))


@pytest.fixture(scope="module")
def cleaned(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    root = tmp_path_factory.mktemp("pathological")
    folder = root / "in"
    folder.mkdir()
    for name in SHAPES:
        (folder / f"{name}.txt").write_text(shape(name, SCALE.get(name, 1.0)), encoding="utf-8")
    # a plain document after the pathological ones: the run goes on to it and cleans it
    (folder / "zz_plain.txt").write_text("The ferry service resumed on on Monday after the storm.\n")
    config = root / "config.toml"
    # default settings (budget, isolation, grammar backend); only the caches are this test's own
    config.write_text(f"[postedit]\ncache_dir = {json.dumps(str(root / 'cache'))}\n")
    out = root / "out"
    code = main(["clean", str(folder), str(out), "--config", str(config), "--no-rewrite", "--no-progress"])
    assert code == 0
    return out, json.loads((out / "summary.json").read_text())


def test_every_shape_is_processed_with_the_default_budget(cleaned):
    out, summary = cleaned
    assert summary["timeouts"] == 0
    assert summary["documents"]["total"] == len(SHAPES) + 1
    assert summary["documents"]["failed"] == 0
    for name in SHAPES:
        report = json.loads((out / "reports" / f"{name}.txt.json").read_text())
        assert report["errors"] == [], name
        assert set(report["stages"]) >= {"normalize", "boilerplate", "detect", "grammar"}, name


@pytest.mark.parametrize("name", SHAPES)
def test_the_report_replays_and_keeps_every_word(cleaned, name):
    out, _ = cleaned
    report = json.loads((out / "reports" / f"{name}.txt.json").read_text())
    assert report["original_text"] == shape(name, SCALE.get(name, 1.0))
    replayed = Document.from_report(report).cleaned_text
    assert replayed == report["cleaned_text"]
    # every word of the input is still there, unless an applied edit touches it on purpose
    touched = bytearray(len(report["original_text"]) + 1)  # characters an applied edit covers or borders
    for edit in report["edits"]:
        if edit.get("applied", True):
            touched[edit["start"] : edit["end"] + 1] = b"\x01" * (edit["end"] + 1 - edit["start"])
    kept = Counter(
        m.group() for m in WORD.finditer(report["original_text"]) if not any(touched[m.start() : m.end() + 1])
    )
    missing = kept - _words(replayed)
    assert not missing, f"{name}: words lost without an edit: {list(missing.items())[:5]}"


def test_the_plain_document_after_them_is_cleaned(cleaned):
    out, _ = cleaned
    report = json.loads((out / "reports" / "zz_plain.txt.json").read_text())
    assert report["errors"] == []
    assert any(flag["details"].get("rule_id") == "ENGLISH_WORD_REPEAT_RULE" for flag in report["flags"])


def test_with_a_tiny_budget_a_real_stuck_checker_is_stopped_and_the_next_document_is_cleaned(tmp_path):
    # tests/test_time_budget.py stops a stage waiting on a server; here the stage is busy inside the
    # Rust grammar checkers (2,000 unknown words, 20-35 ms each), which Python cannot interrupt
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_short_lines.txt").write_text(shape("short_lines", 0.4), encoding="utf-8")
    (folder / "b_plain.txt").write_text("The ferry service resumed on on Monday after the storm.\n")
    config = tmp_path / "tiny.toml"
    config.write_text(
        "[postedit]\ntime_budget_floor = 5.0\ntime_budget_per_kchar = 0.0\n"
        f"cache_dir = {json.dumps(str(tmp_path / 'cache'))}\n"
    )
    out = tmp_path / "out"
    assert main(["clean", str(folder), str(out), "--config", str(config), "--no-rewrite", "--no-progress"]) == 0
    summary = json.loads((out / "summary.json").read_text())
    assert summary["timeouts"] == 1
    stuck = json.loads((out / "reports" / "a_short_lines.txt.json").read_text())
    (error,) = stuck["errors"]
    assert error["kind"] == "timeout" and error["seconds"] >= 5.0
    assert Document.from_report(stuck).cleaned_text == stuck["cleaned_text"]  # earlier stages kept, replays
    plain = json.loads((out / "reports" / "b_plain.txt.json").read_text())
    assert plain["errors"] == []
    assert any(flag["details"].get("rule_id") == "ENGLISH_WORD_REPEAT_RULE" for flag in plain["flags"])
