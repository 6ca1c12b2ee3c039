"""Batch operations shared by the CLI and the Luigi tasks: plan shards, clean a shard, finish a run."""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pipeline.cache import StageStore
from pipeline.config import PipelineConfig
from pipeline.io.atomic import atomic_write_text, remove_stale_temporaries
from pipeline.io.outputs import write_document_outputs
from pipeline.io.sources import RawDocument, iter_documents
from pipeline.runner import DocumentProcessor
from pipeline.summary import build_summary

STATE_DIR = ".postedit"


@dataclass(frozen=True)
class ShardPlan:
    index: int
    doc_ids: tuple[str, ...]
    key: str  # hash of the shard's documents' content and the pipeline configuration


def stage_store(output_dir: Path, config: PipelineConfig) -> StageStore:
    root = Path(config.cache_dir) if config.cache_dir else output_dir / STATE_DIR / "stages"
    return StageStore(root)


def config_key(config: PipelineConfig) -> str:
    """Hash of everything that changes outputs: the stages' fingerprints and the input settings."""
    from pipeline.stages.registry import build_stages

    fingerprints = [stage.fingerprint() for stage in build_stages(config)]
    payload = json.dumps({"stages": fingerprints, "max_bytes": config.max_bytes, "enc": config.legacy_encodings})
    return hashlib.sha256(payload.encode()).hexdigest()


def plan_shards(
    input_path: str, config: PipelineConfig, shard_size: int, document_keys: Mapping[str, str] | None = None
) -> list[ShardPlan]:
    """Split the input into shards of ``shard_size`` documents, each keyed by content + config.

    ``document_keys``: per-document inputs from run-level passes (the digest of a document's lines
    shared across the run, :mod:`pipeline.runpass.repeated_lines`), part of its shard's key.
    """
    if shard_size < 1:
        raise ValueError("shard_size must be at least 1")
    settings = config_key(config)
    documents = [
        (doc.doc_id, doc.sha256 if doc.data is not None else f"error:{doc.error_kind}")
        for doc in iter_documents(input_path, config.max_bytes)
    ]
    plans = []
    for index, start in enumerate(range(0, len(documents), shard_size)):
        chunk = documents[start : start + shard_size]
        digest = hashlib.sha256(settings.encode())
        for doc_id, sha in chunk:
            digest.update(f"\n{doc_id}\t{sha}".encode())
            if document_keys and document_keys.get(doc_id):
                digest.update(f"\t{document_keys[doc_id]}".encode())
        plans.append(ShardPlan(index, tuple(doc_id for doc_id, _ in chunk), digest.hexdigest()))
    return plans


def clean_documents(
    documents: Iterable[RawDocument],
    output_dir: Path,
    processor: DocumentProcessor,
    on_progress: Callable[[int, str], None] | None = None,
) -> list[dict[str, Any]]:
    """Process and write each document; return their summary entries."""
    entries = []
    for count, raw in enumerate(documents, start=1):
        result = processor.process(raw)
        entries.append(write_document_outputs(output_dir, result))
        if on_progress:
            on_progress(count, raw.doc_id)
    return entries


def finish_run(
    entries: list[dict[str, Any]],
    *,
    input_path: str,
    output_dir: Path,
    config: PipelineConfig,
    processor_versions: dict[str, Any],
    started: float,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Write ``summary.json`` and ``index.html`` for a finished run."""
    from pipeline.report.html import render_index

    remove_stale_temporaries(output_dir, older_than=started)
    if not config.stages or "detect" in config.stages:  # variants across documents need the whole run
        from pipeline.runpass.consistency import update_run_reports

        update_run_reports(output_dir, entries, config)

    summary = build_summary(
        entries,
        input_path=str(input_path),
        output_dir=str(output_dir),
        stage_versions=processor_versions,
        started_at=datetime.fromtimestamp(started, UTC).isoformat(timespec="seconds"),
        wall_seconds=time.time() - started,
        config=config.as_dict(),
        extra=extra,
    )
    atomic_write_text(output_dir / "summary.json", json.dumps(summary, ensure_ascii=False, indent=1))
    atomic_write_text(output_dir / "index.html", render_index(summary))
    return summary
