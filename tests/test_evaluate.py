"""``postedit eval``: gold items are matched to flags and edits by overlap, and recall/precision add up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.config import PipelineConfig
from pipeline.evaluate.gold import GoldError, GoldItem, load_gold
from pipeline.evaluate.run import evaluate
from pipeline.evaluate.score import control_counts, overlaps, score


def item(id, start, end, category="boilerplate", level="must", doc="a.txt"):
    return GoldItem(id=id, doc=doc, category=category, start=start, end=end, text="", level=level)


def report(flags=(), edits=()):
    return {"document": "a.txt", "original_text": "one two three four five", "flags": list(flags), "edits": list(edits)}


def flag(id, start, end, category):
    return {"id": id, "category": category, "start": start, "end": end, "text": "", "detector": "d"}


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ((0, 5), (4, 9), True),
        ((0, 5), (5, 9), False),
        ((3, 3), (0, 5), True),
        ((0, 5), (5, 5), True),
        ((6, 6), (0, 5), False),
    ],
)
def test_overlap(a, b, expected):
    assert overlaps(*a, *b) is expected


def test_recall_counts_any_category_and_category_correct_separately():
    gold = [item("g1", 0, 5), item("g2", 10, 20, "glued_words", "should"), item("g3", 30, 40)]
    reports = {
        "a.txt": report(
            flags=[flag("f1", 2, 4, "boilerplate"), flag("f2", 15, 16, "grammar"), flag("f3", 50, 60, "grammar")]
        )
    }
    result = score(gold, reports)
    overall = {k: result["overall"][k] for k in ("total", "found", "found_in_category", "recall", "recall_in_category")}
    assert overall == {"total": 3, "found": 2, "found_in_category": 1, "recall": 0.6667, "recall_in_category": 0.3333}
    assert result["by_level"]["should"]["found"] == 1
    assert result["by_category"]["glued_words"]["found_in_category"] == 0
    assert result["precision"]["flags"] == 3 and result["precision"]["matching_gold"] == 2


def test_an_edit_alone_finds_a_gold_item_and_takes_its_flags_category():
    gold = [item("g1", 0, 17, "metadata")]
    edits = [{"id": "e1", "stage": "boilerplate", "start": 0, "end": 17, "flag_ids": ["f9"], "applied": True}]
    result = score(gold, {"a.txt": report(flags=[flag("f9", 40, 41, "metadata")], edits=edits)})
    assert result["overall"]["found_in_category"] == 1


def test_items_of_a_document_without_a_report_are_missed():
    result = score([item("g1", 0, 5, doc="gone.txt")], {"a.txt": report()})
    assert result["items"][0]["missing_document"] and result["overall"]["found"] == 0


def test_control_counts_flags_per_thousand_words():
    edits = [{"applied": True, "stage": "rewrite", "before": "two", "after": "too"}, {"applied": False}]
    counts = control_counts([report(flags=[flag("f1", 0, 3, "grammar")], edits=edits)])
    assert counts["edit_examples"] == [{"document": "a.txt", "stage": "rewrite", "before": "two", "after": "too"}]
    assert counts["words"] == 5 and counts["flags"] == 1 and counts["applied_edits"] == 1
    assert counts["flags_per_1000_words"] == 200.0


def test_bad_gold_line_is_a_clear_error(tmp_path: Path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "x", "doc": "a.txt", "category": "boilerplate", "start": 0}\n', encoding="utf-8")
    with pytest.raises(GoldError, match="gold.jsonl:1: missing end"):
        load_gold(path)


def _corpus(tmp_path: Path) -> tuple[Path, Path, Path]:
    corpus = tmp_path / "in"
    corpus.mkdir()
    text = "Ferry strike ends\n\nAdvertisement\n\nThe ferry strike ended on Monday after two days, the union said.\n"
    (corpus / "a.txt").write_text(text, encoding="utf-8")
    start = text.index("Advertisement")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps(
            {
                "id": "g1",
                "doc": "a.txt",
                "category": "boilerplate",
                "start": start,
                "end": start + 13,
                "text": "Advertisement",
                "level": "must",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    control = tmp_path / "control"
    control.mkdir()
    (control / "c.txt").write_text(
        "The ferry strike ended on Monday after two days, the union said.\n", encoding="utf-8"
    )
    return corpus, gold, control


def test_evaluate_runs_the_pipeline_and_scores_it(tmp_path: Path):
    corpus, gold, control = _corpus(tmp_path)
    config = PipelineConfig(stages=("normalize", "boilerplate"))
    result = evaluate(gold, corpus, config, output_dir=tmp_path / "out", control_path=control)
    assert result["overall"]["recall_in_category"] == 1.0
    assert result["control"]["flags"] == 0 and result["control"]["applied_edits"] == 0
    assert (tmp_path / "out" / "gold-run" / "reports" / "a.txt.json").exists()


def test_eval_command_prints_and_writes_json(tmp_path: Path, capsys):
    corpus, gold, _ = _corpus(tmp_path)
    out = tmp_path / "result.json"
    code = main(["eval", str(gold), str(corpus), "--stages", "normalize,boilerplate", "--json", str(out)])
    assert code == 0
    assert "Recall" in capsys.readouterr().out
    assert json.loads(out.read_text(encoding="utf-8"))["overall"]["found"] == 1


def test_eval_command_reports_a_missing_gold_file(tmp_path: Path, capsys):
    assert main(["eval", str(tmp_path / "nope.jsonl"), str(tmp_path)]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_fixed_as_expected_compares_the_edited_span_with_the_expected_text():
    original = "Home\n\nAdvertisement\n\nThe strike ended,said the union."
    report = {
        "document": "a.txt",
        "original_text": original,
        "flags": [],
        "edits": [
            {"id": "e1", "stage": "boilerplate", "start": 6, "end": 21, "after": "", "applied": True},
            {"id": "e2", "stage": "detect", "start": 37, "end": 38, "after": ", ", "applied": True},
        ],
    }
    removed = GoldItem("g1", "a.txt", "boilerplate", 6, 19, "Advertisement", "must", expected="")
    spaced = GoldItem("g2", "a.txt", "glued_words", 32, 42, "ended,said", "must", expected="ended, said")
    wrong = GoldItem("g3", "a.txt", "glued_words", 32, 42, "ended,said", "must", expected="ended; said")
    open_ended = GoldItem("g4", "a.txt", "broken_sentence", 21, 28, "The str", "should", expected=None)
    result = score([removed, spaced, wrong, open_ended], {"a.txt": report})
    assert [i["fixed"] for i in result["items"]] == [True, True, False, None]
    assert result["overall"]["with_expected"] == 3 and result["overall"]["fixed"] == 2


def test_eval_command_rejects_unknown_stages_with_a_message(tmp_path: Path, capsys):
    corpus, gold, _ = _corpus(tmp_path)
    assert main(["eval", str(gold), str(corpus), "--stages", "normalize,nonsense"]) == 2
    assert "unknown stages" in capsys.readouterr().err
