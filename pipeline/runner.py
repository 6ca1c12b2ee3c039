"""Running the stages over documents: decoding, per-stage caching, timing and error isolation.

This is the one code path both front ends use: ``postedit clean`` calls it in-process and the Luigi
shard task calls it per shard, so their outputs cannot drift apart.
"""

from __future__ import annotations

import hashlib
import time
import traceback
from dataclasses import dataclass, field
from typing import Any

from pipeline.cache import StageStore, chain_key
from pipeline.config import PipelineConfig
from pipeline.document import Document, ReplayError
from pipeline.io.decode import DecodeError, decode_bytes
from pipeline.io.sources import RawDocument
from pipeline.runpass import repeated_lines
from pipeline.stages.base import Stage
from pipeline.stages.registry import build_stages

DECODE_VERSION = "1"


@dataclass
class DocumentResult:
    doc: Document
    ok: bool
    stage_runs: list[str] = field(default_factory=list)  # stages that did work for this document
    cache_hits: list[str] = field(default_factory=list)  # stages whose result came from the store
    timings: dict[str, float] = field(default_factory=dict)


class DocumentProcessor:
    """Holds the stages (models loaded once per process) and runs documents through them."""

    def __init__(self, config: PipelineConfig, store: StageStore | None = None, stages: list[Stage] | None = None):
        self.config = config
        self.store = store
        self.stages = stages if stages is not None else build_stages(config)
        self._prepared = False

    def prepare(self) -> None:
        if not self._prepared:
            for stage in self.stages:
                stage.prepare()
            self._prepared = True

    def close(self) -> None:
        for stage in self.stages:
            stage.close()

    def stage_versions(self) -> dict[str, dict[str, Any]]:
        return {stage.name: stage.describe() for stage in self.stages}

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
        doc = result.doc
        for stage, key in list(zip(self.stages, keys))[start_index:]:
            self.prepare()
            stage_started = time.perf_counter()
            saved_flags, saved_edits = list(doc.flags), list(doc.edits)
            try:
                stage.process(doc)
                _ = doc.cleaned_text  # raises ReplayError if the stage broke the invariant
            except Exception as exc:  # one document failing in one stage must not stop the run
                # keep what earlier stages did; the report stays replayable
                doc.flags, doc.edits = saved_flags, saved_edits
                kind = "replay_invariant" if isinstance(exc, ReplayError) else type(exc).__name__
                doc.add_error(stage.name, kind, f"{exc}\n{traceback.format_exc(limit=3)}")
                result.ok = False
                result.timings[stage.name] = time.perf_counter() - stage_started
                break
            doc.stages[stage.name] = stage.describe()
            result.timings[stage.name] = time.perf_counter() - stage_started
            result.stage_runs.append(stage.name)
            if self.store is not None:
                self.store.put(key, doc.to_report())
        return result

    def _resume_from_store(self, raw: RawDocument, keys: list[str]) -> DocumentResult | None:
        """The latest cached state along this document's key chain, if any."""
        if self.store is None:
            return None
        for index in range(len(keys) - 1, -1, -1):
            state = self.store.get(keys[index])
            if state is not None:
                doc = Document.from_report(state)
                doc.doc_id = raw.doc_id  # identical content may live under another name
                return DocumentResult(doc, ok=True, cache_hits=[s.name for s in self.stages[: index + 1]])
        return None
