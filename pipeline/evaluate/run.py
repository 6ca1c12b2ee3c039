"""Run the pipeline for an evaluation, the same way ``postedit clean`` does, and collect the reports."""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path
from typing import Any

from pipeline.config import PipelineConfig
from pipeline.evaluate.gold import load_gold
from pipeline.evaluate.score import control_counts, score


def run_pipeline(input_path: str | Path, output_dir: Path, config: PipelineConfig) -> dict[str, dict[str, Any]]:
    """Clean ``input_path`` into ``output_dir`` and return each document's report, by document id."""
    from pipeline.batch import clean_documents, finish_run, stage_store
    from pipeline.io.paths import report_path
    from pipeline.io.sources import iter_documents
    from pipeline.runner import DocumentProcessor

    started = time.time()
    documents = list(iter_documents(str(input_path), config.max_bytes))
    processor = DocumentProcessor(config, stage_store(output_dir, config))
    try:
        entries = clean_documents(documents, output_dir, processor)
        finish_run(
            entries,
            input_path=str(input_path),
            output_dir=output_dir,
            config=config,
            processor_versions=processor.stage_versions(),
            started=started,
        )
    finally:
        processor.close()
    reports = {}
    for raw in documents:
        path = report_path(output_dir, raw.doc_id)
        if path.exists():
            reports[raw.doc_id] = json.loads(path.read_text(encoding="utf-8"))
    return reports


def evaluate(
    gold_path: str | Path,
    input_path: str | Path,
    config: PipelineConfig,
    *,
    output_dir: str | Path | None = None,
    control_path: str | Path | None = None,
) -> dict[str, Any]:
    """Score the pipeline on ``input_path`` against ``gold_path`` (and on a clean control set)."""
    gold = load_gold(gold_path)
    with tempfile.TemporaryDirectory(prefix="postedit-eval-") as scratch:
        root = Path(output_dir) if output_dir else Path(scratch)
        started = time.time()
        reports = run_pipeline(input_path, root / "gold-run", config)
        result: dict[str, Any] = {
            "gold": str(gold_path),
            "input": str(input_path),
            "stages": _stages(reports),
            "seconds": round(time.time() - started, 1),
            **score(gold, reports),
        }
        if control_path:
            result["control"] = {
                "input": str(control_path),
                **control_counts(run_pipeline(control_path, root / "control-run", config).values()),
            }
    return result


def _stages(reports: dict[str, dict[str, Any]]) -> list[str]:
    names: list[str] = []
    for report in reports.values():
        for name in report.get("stages", {}):
            if name not in names:
                names.append(name)
    return names
