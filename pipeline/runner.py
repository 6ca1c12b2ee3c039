"""Running the stages over documents: decoding, per-stage caching, timing, time budgets and error isolation.

This is the one code path both front ends use: ``postedit clean`` calls it in-process and the Luigi
shard task calls it per shard, so their outputs cannot drift apart.

Stages run in a child process by default (:mod:`pipeline.isolation`), each stage of each document
within a time budget; ``isolate_stages = false`` runs them in this process, without a budget.
"""

from __future__ import annotations

import hashlib
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pipeline.cache import StageStore, chain_key
from pipeline.config import PipelineConfig
from pipeline.document import Document, ReplayError
from pipeline.io.decode import DecodeError, decode_bytes
from pipeline.io.sources import RawDocument
from pipeline.isolation import StageOutcome, StageProcess, TimeBudget
from pipeline.runpass import repeated_lines
from pipeline.stages.registry import build_stages

DECODE_VERSION = "1"
# the stage a document is in, for progress displays: (document id, stage name)
StageListener = Callable[[str, str], None]


@dataclass
class DocumentResult:
    doc: Document
    ok: bool
    stage_runs: list[str] = field(default_factory=list)  # stages that did work for this document
    cache_hits: list[str] = field(default_factory=list)  # stages whose result came from the store
    timings: dict[str, float] = field(default_factory=dict)
    timed_out: bool = False  # a stage ran over its budget: the document is to be tried again next run


class DocumentProcessor:
    """Holds the stages and runs documents through them, resuming from the stage store.

    Models are loaded once per process: in the stage process (isolated, the default) or here.
    """

    def __init__(self, config: PipelineConfig, store: StageStore | None = None):
        self.config = config
        self.store = store
        self.stages = build_stages(config)
        self.budget = TimeBudget.from_config(config)
        self.on_stage: StageListener | None = None
        self._child = StageProcess(config) if config.isolate_stages else None
        self._descriptions: dict[str, dict[str, Any]] = {}
        self._prepared = False

    def prepare(self) -> None:
        if self._child is None and not self._prepared:
            for stage in self.stages:
                stage.prepare()
            self._prepared = True

    def close(self) -> None:
        if self._child is not None:
            self._child.close()
        for stage in self.stages:
            stage.close()

    def stage_versions(self) -> dict[str, dict[str, Any]]:
        """Each stage's ``describe()``: as the stage process reported it, once it has run."""
        return {stage.name: self._descriptions.get(stage.name) or stage.describe() for stage in self.stages}

    def process(self, raw: RawDocument) -> DocumentResult:
        if raw.error_kind:
            doc = Document(raw.doc_id, "", source_sha256=raw.sha256 if raw.data else "")
            doc.add_error("input", raw.error_kind, raw.error or raw.error_kind)
            return DocumentResult(doc, ok=False)
        assert raw.data is not None
        started = time.perf_counter()
        try:
            decoded = decode_bytes(raw.data, self.config.legacy_encodings)
        except DecodeError as exc:
            doc = Document(raw.doc_id, "", source_sha256=raw.sha256)
            doc.add_error("decode", exc.kind, str(exc))
            return DocumentResult(doc, ok=False)
        decode_time = time.perf_counter() - started
        key = hashlib.sha256(
            b"postedit/decode/"
            + DECODE_VERSION.encode()
            + repr(self.config.legacy_encodings).encode()
            + b"\n"
            + raw.data
        ).hexdigest()
        # the document's lines that many documents of the run share: an input of the boilerplate
        # stage, so their digest is chained into that stage's key (nothing when there are none)
        run_digest = repeated_lines.document_digest(self.config, decoded.text)
        keys = []
        for stage in self.stages:
            key = chain_key(key, stage.fingerprint())
            if run_digest and stage.name == repeated_lines.STAGE:
                key = chain_key(key, run_digest)
            keys.append(key)
        result = self._resume_from_store(raw, keys)
        if result is None:
            doc = Document(raw.doc_id, decoded.text, source_sha256=raw.sha256, encoding=decoded.as_report())
            result = DocumentResult(doc, ok=True)
            start_index = 0
        else:
            start_index = len(result.cache_hits)
        result.timings["decode"] = decode_time
        for index in range(start_index, len(self.stages)):
            stage = self.stages[index]
            if self.on_stage is not None:
                self.on_stage(raw.doc_id, stage.name)
            outcome = self._run_stage(index, result.doc)
            result.timings[stage.name] = outcome.seconds
            if outcome.status != "ok":
                # keep what earlier stages did (the report still replays); later stages do not run
                seconds = round(outcome.seconds, 1) if outcome.status == "timeout" else None
                result.doc.add_error(stage.name, outcome.kind or outcome.status, outcome.message, seconds=seconds)
                result.ok = False
                result.timed_out = outcome.status in ("timeout", "crashed")
                break
            assert outcome.state is not None
            result.doc = _restore(outcome.state, raw.doc_id)
            self._descriptions[stage.name] = outcome.description or {}
            result.doc.stages[stage.name] = outcome.description or {}
            result.stage_runs.append(stage.name)
            if self.store is not None:
                self.store.put(keys[index], result.doc.to_report())
        return result

    def _run_stage(self, index: int, doc: Document) -> StageOutcome:
        """Run one stage on ``doc``: in the stage process within its budget, or here."""
        if self._child is not None:
            budget = self.budget.seconds(len(doc.original_text))
            outcome = self._child.run(index, doc.to_report(), budget)
            if outcome.status == "timeout":
                outcome.message = (
                    f"stage '{self.stages[index].name}' stopped after {outcome.seconds:.1f} s: {outcome.message} "
                    f"({len(doc.original_text):,} characters; time_budget_floor + time_budget_per_kchar)"
                )
            return outcome
        self.prepare()
        stage = self.stages[index]
        started = time.perf_counter()
        saved_flags, saved_edits = list(doc.flags), list(doc.edits)
        try:
            stage.process(doc)
            _ = doc.cleaned_text  # raises ReplayError if the stage broke the invariant
        except Exception as exc:  # one document failing in one stage must not stop the run
            doc.flags, doc.edits = saved_flags, saved_edits
            kind = "replay_invariant" if isinstance(exc, ReplayError) else type(exc).__name__
            message = f"{exc}\n{traceback.format_exc(limit=3)}"
            return StageOutcome("error", time.perf_counter() - started, kind=kind, message=message)
        return StageOutcome("ok", time.perf_counter() - started, state=doc.to_report(), description=stage.describe())

    def _resume_from_store(self, raw: RawDocument, keys: list[str]) -> DocumentResult | None:
        """The latest cached state along this document's key chain, if any."""
        if self.store is None:
            return None
        for index in range(len(keys) - 1, -1, -1):
            state = self.store.get(keys[index])
            if state is not None:
                return DocumentResult(
                    _restore(state, raw.doc_id), ok=True, cache_hits=[s.name for s in self.stages[: index + 1]]
                )
        return None


def _restore(state: dict[str, Any], doc_id: str) -> Document:
    doc = Document.from_report(state)
    doc.doc_id = doc_id  # identical content may live under another name
    return doc
