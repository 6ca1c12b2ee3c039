"""Thin Luigi wiring: shard the input, clean each shard, then write the run summary and index.

All text processing lives in :mod:`pipeline`; these tasks choose parameters, outputs and shards.
A shard's output is a manifest written last and atomically, so a shard is complete only when all
its documents' outputs are on disk. The shard's identity includes a hash of its documents' content
and the pipeline configuration, so an unchanged shard is complete and costs nothing on a re-run.
"""

from __future__ import annotations

import json
import logging
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

import luigi

from pipeline.batch import STATE_DIR, ShardPlan, clean_documents, finish_run, plan_shards, stage_store
from pipeline.config import PipelineConfig
from pipeline.io.atomic import atomic_write_text
from pipeline.io.sources import iter_documents, select_documents
from pipeline.runner import DocumentProcessor
from pipeline.runpass import repeated_lines
from pipeline.summary_text import summary_lines
from tasks.status import report_status

logger = logging.getLogger("luigi-interface")

# Each progress update is a scheduler RPC (an HTTP request with luigid): at most one per interval.
PROGRESS_INTERVAL_SECONDS = 1.0
# When the scheduling process started this run; read by a summary step that runs elsewhere.
RUN_STARTED = "run-started.json"


def recorded_run_start(output_dir: Path, default: float = float("inf")) -> float:
    """When the current run was scheduled (written by ``CleanAll.complete`` in the scheduling process)."""
    try:
        return float(json.loads((output_dir / STATE_DIR / RUN_STARTED).read_text())["started_at"])
    except (OSError, ValueError, KeyError):
        return default


def _config(config_file: str, settings: dict[str, Any]) -> PipelineConfig:
    return PipelineConfig.load(config_file or None, **dict(settings))


@lru_cache(maxsize=4)
def _processor(config_file: str, settings_json: str, output_dir: str) -> DocumentProcessor:
    """One processor (and so one set of loaded models) per worker process and configuration."""
    config = _config(config_file, json.loads(settings_json))
    return DocumentProcessor(config, stage_store(Path(output_dir), config))


class CleanShard(luigi.Task):
    """Clean one shard of documents and write their outputs, then the shard's manifest."""

    input_path = luigi.Parameter()
    output_dir = luigi.Parameter()
    shard_index = luigi.IntParameter()
    doc_ids = luigi.ListParameter()
    shard_key = luigi.Parameter()
    config_file = luigi.Parameter(default="")
    settings = luigi.DictParameter(default=dict[str, Any]())

    def output(self) -> luigi.LocalTarget:
        return luigi.LocalTarget(str(Path(self.output_dir) / STATE_DIR / "shards" / f"{self.shard_key}.json"))

    def complete(self) -> bool:
        """Done when the manifest exists, unless a document in it ran over its time budget in an
        earlier run: such a shard runs again in the next run (its finished documents come from the
        cache). Within the run that wrote it, it is done, so the summary step can follow."""
        path = Path(self.output().path)
        if not path.exists():
            return False
        try:
            manifest = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        return not manifest.get("retry") or manifest["finished_at"] >= recorded_run_start(Path(self.output_dir))

    def run(self) -> None:
        processor = _processor(self.config_file, json.dumps(dict(self.settings), sort_keys=True), self.output_dir)
        total = len(self.doc_ids)
        started = time.time()
        documents = select_documents(self.input_path, self.doc_ids, processor.config.max_bytes)

        last_update = 0.0
        done = 0

        def progress(count: int, doc_id: str) -> None:
            nonlocal last_update, done
            done = count
            now = time.monotonic()
            if count < total and now - last_update < PROGRESS_INTERVAL_SECONDS:
                return
            last_update = now
            report_status(
                self,
                f"shard {self.shard_index}: {count}/{total} documents, last {doc_id}",
                round(100 * count / max(total, 1)),
            )

        def in_stage(doc_id: str, stage: str) -> None:
            nonlocal last_update
            now = time.monotonic()
            if now - last_update < PROGRESS_INTERVAL_SECONDS:
                return
            last_update = now
            report_status(self, f"shard {self.shard_index}: {done}/{total} documents done; {doc_id}: {stage}")

        processor.on_stage = in_stage

        entries = clean_documents(documents, Path(self.output_dir), processor, on_progress=progress)
        manifest = {
            "shard_index": self.shard_index,
            "shard_key": self.shard_key,
            "started_at": started,
            "finished_at": time.time(),
            "stage_versions": processor.stage_versions(),
            "entries": entries,
            # documents whose stage ran over its time budget: the shard is not complete for them
            "retry": [e["document"] for e in entries if e.get("timed_out")],
        }
        # written last and atomically: the manifest is the shard's completeness marker
        atomic_write_text(self.output().path, json.dumps(manifest, ensure_ascii=False))


class CleanAll(luigi.Task):
    """Clean every document under ``input_dir`` into ``output_dir`` (defaults in ``luigi.cfg``).

    Always re-runs its own cheap step, the summary, so each invocation's ``summary.json`` says what
    that invocation did: a re-run on unchanged input shows every shard reused and no stage work.
    """

    input_dir = luigi.Parameter(default="seeds")
    output_dir = luigi.Parameter(default="reports")
    shard_size = luigi.IntParameter(default=50)
    config_file = luigi.Parameter(default="", description="TOML file with pipeline settings")
    grammar = luigi.OptionalParameter(default=None, description="auto|languagetool|lingotweaker|harper|none")
    # explicit both ways: --rewrite (or --rewrite true) on, --rewrite false off; not given: the configuration's value
    # (luigi's type hints leave ``parsing`` out of OptionalBoolParameter's keywords; BoolParameter takes it)
    rewrite = luigi.OptionalBoolParameter(  # type: ignore[call-arg]
        default=None,
        parsing=luigi.BoolParameter.EXPLICIT_PARSING,
        description="true|false; not given: the configuration file's value (default true)",
    )
    word_qe = luigi.OptionalParameter(
        default=None, description="clean-text|post-editing|off (post-editing: the input is raw machine translation)"
    )
    cache_dir = luigi.OptionalParameter(
        default=None, description="stage and sentence caches (default: under output_dir)"
    )

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._scheduled_at = time.time()
        self._done = False
        self._announced = False
        self._plans: list[ShardPlan] | None = None
        self._run_lines_file = ""

    def settings(self) -> dict[str, Any]:
        chosen = {
            "grammar": self.grammar,
            "rewrite": self.rewrite,
            "word_qe": self.word_qe,
            "cache_dir": self.cache_dir,
        }
        return {k: v for k, v in chosen.items() if v is not None}

    def plans(self) -> list[ShardPlan]:
        if self._plans is None:
            config = _config(self.config_file, self.settings())
            for warning in config.ignored_settings():
                logger.warning("postedit: %s", warning)
            # lines shared by many documents of this run: counted once here, before the shards run;
            # the shards' configuration names the file of them
            config, digests = repeated_lines.prepare_run(
                config,
                lambda: iter_documents(self.input_dir, config.max_bytes),
                Path(self.output_dir) / STATE_DIR / repeated_lines.FOLDER,
            )
            self._run_lines_file = config.run_lines_file or ""
            self._plans = plan_shards(self.input_dir, config, self.shard_size, digests)
        return self._plans

    def requires(self) -> list[CleanShard]:
        plans = self.plans()  # counts the lines shared across the run first
        # the shards' configuration names the file of the run's shared lines
        shared = {"run_lines_file": self._run_lines_file} if self._run_lines_file else {}
        return [
            CleanShard(
                input_path=self.input_dir,
                output_dir=self.output_dir,
                shard_index=plan.index,
                doc_ids=list(plan.doc_ids),
                shard_key=plan.key,
                config_file=self.config_file,
                settings={**self.settings(), **shared},
            )
            for plan in plans
        ]

    def output(self) -> luigi.LocalTarget:
        return luigi.LocalTarget(str(Path(self.output_dir) / "summary.json"))

    def _recorded_start(self) -> float:
        return recorded_run_start(Path(self.output_dir), default=self._scheduled_at)

    def complete(self) -> bool:
        if not self._done and not self._announced:
            # Only a scheduling process asks; the summary step may run in another process or on
            # another machine (a luigid assistant) and needs this run's start to tell reused shards.
            marker = Path(self.output_dir) / STATE_DIR / RUN_STARTED
            atomic_write_text(marker, json.dumps({"started_at": self._scheduled_at}))
            self._announced = True
        return self._done

    def run(self) -> None:
        summary = self.write_summary()
        report_status(self, "\n".join(summary_lines(summary)))
        self._done = True

    def write_summary(self, started: float | None = None) -> dict[str, Any]:
        """Merge the shard manifests into ``summary.json`` and ``index.html``; log the summary.

        Shards finished before ``started`` (default: when the run was scheduled) count as reused.
        """
        started = self._recorded_start() if started is None else started
        manifests = [json.loads(Path(task.output().path).read_text(encoding="utf-8")) for task in self.requires()]
        entries: list[dict[str, Any]] = []
        reused = 0
        for manifest in manifests:
            was_reused = manifest["finished_at"] < started
            reused += was_reused
            for entry in manifest["entries"]:
                if was_reused:
                    entry = {
                        **entry,
                        "cache_hits": sorted(entry.get("stage_runs", []) + entry.get("cache_hits", [])),
                        "stage_runs": [],
                    }
                entries.append(entry)
        versions = manifests[0]["stage_versions"] if manifests else {}
        config = _config(self.config_file, self.settings())
        summary = finish_run(
            entries,
            input_path=self.input_dir,
            output_dir=Path(self.output_dir),
            config=config,
            processor_versions=versions,
            started=started,
            extra={
                "shards": {
                    "total": len(manifests),
                    "reused": reused,
                    "run": len(manifests) - reused,
                    "size": self.shard_size,
                }
            },
        )
        for line in summary_lines(summary):
            logger.info(line)
        return summary
