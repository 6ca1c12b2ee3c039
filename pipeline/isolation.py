"""Stages run in a child process that the parent can stop: the time budget per document and stage.

A stage that never returns would stall a whole night: the shard that holds the document never
finishes, so the run never finishes, and nothing says why. Most of a stage's time is spent where
Python cannot interrupt it: the grammar checkers are Rust (lingotweaker, Harper), spaCy is Cython,
torch is C++, and a backtracking regular expression holds the interpreter inside C. A signal or a
thread cannot stop any of these; killing a process can. So the stages run in one child process per
worker (models are loaded there, once), the parent sends it one document and one stage at a time
and waits at most the stage's budget; past it, the parent kills the child, records a ``timeout``
error on the document, and starts a fresh child for the next one.

The budget grows with the document: ``floor + seconds_per_kchar * characters / 1000``
(:class:`TimeBudget`, set by ``time_budget_floor`` and ``time_budget_per_kchar``). A LanguageTool
request that is retried (``languagetool_retries``) spends the same budget.

The child is a fresh interpreter (``python -m pipeline.isolation FD``) talking over a socket pair:
forking a process that holds torch's or spaCy's thread pools can deadlock the child, and
multiprocessing's ``spawn`` would re-run the caller's main script. Its cost, a fresh interpreter
and one copy of each document state per stage through the socket, is measured in
``benchmarks/README.md`` (isolation overhead).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import traceback
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from pipeline.config import PipelineConfig

START_TIMEOUT_SECONDS = 600.0  # a fresh child imports the stages and prepares them (loads grammar backends)


@dataclass(frozen=True)
class TimeBudget:
    """Seconds one stage may spend on one document: ``floor + per_kchar * characters / 1000``."""

    floor: float
    per_kchar: float

    @classmethod
    def from_config(cls, config: PipelineConfig) -> TimeBudget:
        return cls(config.time_budget_floor, config.time_budget_per_kchar)

    def seconds(self, characters: int) -> float:
        return self.floor + self.per_kchar * characters / 1000


@dataclass
class StageOutcome:
    """What one stage did to one document in the child.

    ``status`` is ``ok`` (``state`` is the document after the stage, ``description`` the stage's
    ``describe()``), ``error`` (the stage raised: ``kind`` and ``message``), ``timeout`` (over
    budget: the child was killed) or ``crashed`` (the child died: ``message`` has its exit code).
    """

    status: str
    seconds: float
    state: dict[str, Any] | None = None
    description: dict[str, Any] | None = None
    kind: str = ""
    message: str = ""


class StageProcess:
    """The parent's handle on the child that runs stages; restarted after a timeout or a crash."""

    def __init__(self, config: PipelineConfig):
        self.config = config
        self._process: Any = None
        self._connection: Connection | None = None
        self.restarts = 0

    def run(self, stage_index: int, state: dict[str, Any], budget_seconds: float) -> StageOutcome:
        """Run stage ``stage_index`` of the configured stages on a document state (a report dict)."""
        connection = self._ensure_started()
        started = time.perf_counter()
        connection.send((stage_index, state))
        if not connection.poll(budget_seconds):
            elapsed = time.perf_counter() - started
            self._stop()
            return StageOutcome("timeout", elapsed, message=f"over its budget of {budget_seconds:.1f} s")
        try:
            reply = connection.recv()
        except (EOFError, OSError):
            elapsed = time.perf_counter() - started
            code = self._process.poll() if self._process is not None else None
            self._stop()
            return StageOutcome("crashed", elapsed, message=f"the stage process died (exit code {code})")
        status, payload = reply
        elapsed = time.perf_counter() - started
        if status == "ok":
            return StageOutcome("ok", elapsed, state=payload["state"], description=payload["description"])
        return StageOutcome("error", elapsed, kind=payload["kind"], message=payload["message"])

    def _ensure_started(self) -> Connection:
        if self._process is not None and self._process.poll() is None and self._connection is not None:
            return self._connection
        if self._process is not None:
            self._stop()
            self.restarts += 1
        parent_end, child_end = socket.socketpair()
        # the child imports the same pipeline package as this process, wherever it is installed
        package_root = str(Path(__file__).resolve().parent.parent)
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))}
        process = subprocess.Popen(
            [sys.executable, "-m", "pipeline.isolation", str(child_end.fileno())],
            pass_fds=[child_end.fileno()],
            env=env,
            stdin=subprocess.DEVNULL,
        )
        child_end.close()
        connection = Connection(parent_end.detach())
        connection.send(self.config.model_dump())
        if not connection.poll(START_TIMEOUT_SECONDS):
            process.kill()
            raise RuntimeError("the stage process did not start")
        status, why = connection.recv()
        if status != "ready":
            process.wait(timeout=30)
            raise RuntimeError(f"the stage process could not prepare the stages: {why}")
        self._process, self._connection = process, connection
        return connection

    def _stop(self) -> None:
        if self._connection is not None:
            self._connection.close()
        if self._process is not None:
            if self._process.poll() is None:
                self._process.kill()
            self._process.wait(timeout=10)
        self._process, self._connection = None, None

    def close(self) -> None:
        """Ask the child to close its stages (caches, servers) and exit; kill it if it does not."""
        if self._connection is not None and self._process is not None and self._process.poll() is None:
            try:
                self._connection.send(None)
                self._process.wait(timeout=30)
            except (OSError, subprocess.TimeoutExpired):
                pass
        self._stop()


def _serve(connection: Connection) -> None:
    """The child's loop: receive the configuration, then ``(stage index, document state)`` messages;
    run the stage and send the result back."""
    from pipeline.document import Document, ReplayError
    from pipeline.stages.registry import build_stages

    stages = build_stages(PipelineConfig(**connection.recv()))
    try:
        for stage in stages:
            stage.prepare()  # backends load here, outside any document's budget
    except Exception as exc:
        connection.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    connection.send(("ready", ""))
    while True:
        try:
            message = connection.recv()
        except EOFError:
            break
        if message is None:
            break
        index, state = message
        stage = stages[index]
        doc = Document.from_report(state)
        try:
            stage.process(doc)
            _ = doc.cleaned_text  # raises ReplayError if the stage broke the invariant
            reply = ("ok", {"state": doc.to_report(), "description": stage.describe()})
        except Exception as exc:  # one document failing in one stage must not stop the run
            kind = "replay_invariant" if isinstance(exc, ReplayError) else type(exc).__name__
            reply = ("error", {"kind": kind, "message": f"{exc}\n{traceback.format_exc(limit=3)}"})
        connection.send(reply)
    for stage in stages:
        stage.close()


if __name__ == "__main__":
    _serve(Connection(int(sys.argv[1])))
