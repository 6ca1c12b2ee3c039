"""The model registry, preparation and the ``postedit models`` / ``--no-rewrite`` command lines."""

from __future__ import annotations

import json

import pytest

from models import registry
from models.prepare import prepare
from pipeline.cli import main


def test_registry_names_source_and_recipe_for_every_model():
    for spec in registry.REGISTRY.values():
        assert spec.source in {"pypi", "local", "hub"} and spec.role in {"causal_lm", "embedding", "seq2seq"}
    assert registry.REGISTRY[registry.DEFAULT_LM].recipe == "gguf_to_safetensors"


def test_unprepared_lm_falls_back_to_its_gguf(monkeypatch, tmp_path):
    monkeypatch.setattr(registry, "CACHE_DIR", tmp_path)
    source = registry.resolve(registry.DEFAULT_LM)
    assert source.gguf_file and source.gguf_file.endswith(".gguf") and not source.prepared


def test_a_folder_or_hub_id_resolves_without_the_registry(tmp_path):
    assert registry.resolve(str(tmp_path)).path == str(tmp_path)
    hub = registry.resolve("someone/some-t5-model")
    assert hub.hub and hub.path == "someone/some-t5-model"


def test_prepare_is_a_no_op_when_already_prepared():
    if not registry.is_prepared(registry.REGISTRY[registry.DEFAULT_LM]):
        pytest.skip("run `postedit models prepare` (setup.sh does) to build the cached copy")
    assert "already prepared" in prepare(registry.DEFAULT_LM)


def test_models_list_prints_each_registry_model(capsys):
    assert main(["models", "list"]) == 0
    out = capsys.readouterr().out
    assert all(f"name={name}" in out for name in registry.REGISTRY)


def test_no_rewrite_switches_the_stage_off(tmp_path):
    source = tmp_path / "in.txt"
    source.write_text("A plain sentence about the harbour.\n", encoding="utf-8")
    assert (
        main(
            [
                "clean",
                str(source),
                str(tmp_path / "out"),
                "--no-rewrite",
                "--stages",
                "normalize,rewrite",
                "--no-progress",
            ]
        )
        == 0
    )
    [report_path] = (tmp_path / "out" / "reports").glob("*.json")
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["stages"]["rewrite"]["enabled"] is False
    assert report["cleaned_text"] == report["original_text"]
