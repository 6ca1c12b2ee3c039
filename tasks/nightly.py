"""Nightly runs: ``luigi --module tasks CleanNightly --date 2026-11-23`` (cron: ``RangeDaily``).

One dated task per day cleans that day's arrivals into that day's run folder, shares the stage and
sentence caches with every other night, and moves the "latest" pointer when it is done. The layout
is in :mod:`pipeline.nightly`; the shards are the same :class:`~tasks.clean.CleanShard` tasks that
``CleanAll`` uses, so luigid shows each shard's progress and workers on several machines share them.

Overlapping runs: the scheduling process takes the run folder's lock (:mod:`pipeline.runlock`)
before it schedules the day's shards and the run releases it when the day is done, so a second run
of the same day (another cron line, a manual back-fill) exits with Luigi's ``already_running``
return code instead of writing the same folder. Under luigid, a second run of the same command is
also reported as ``already_running`` by Luigi itself; assistant workers (``--assistant``) never
schedule, so they never take the lock.
"""

from __future__ import annotations

import datetime
import logging
import time
from pathlib import Path
from typing import Any

import luigi
from luigi.interface import PidLockAlreadyTakenExit

from pipeline.config import PipelineConfig
from pipeline.nightly import (
    arrivals_path,
    finished_days,
    point_latest,
    run_folder,
    run_record_path,
    shared_cache_dir,
    write_run_record,
)
from pipeline.runlock import RunLockBusy, hold_run_lock, lock_holder, release_run_lock
from pipeline.summary_text import summary_lines
from tasks.clean import CleanAll
from tasks.status import report_status

logger = logging.getLogger("luigi-interface")


class RunAlreadyRunning(PidLockAlreadyTakenExit):
    """Raised while scheduling: ``luigi`` turns it into the ``[retcode] already_running`` exit code."""


class Arrivals(luigi.ExternalTask):
    """A day's input folder, delivered by something upstream (optionally with a ready marker)."""

    path = luigi.Parameter()
    ready_file = luigi.Parameter(default="", description="file that marks the folder as fully delivered")

    def output(self) -> luigi.LocalTarget:
        return luigi.LocalTarget(str(Path(self.path) / self.ready_file) if self.ready_file else self.path)


class CleanNightly(luigi.Task):
    """Clean ``input_root/DATE`` into ``output_root/runs/DATE`` and point ``output_root/latest`` at it."""

    date = luigi.DateParameter()  # first: RangeDaily fills in the first positional parameter
    input_root = luigi.Parameter(default="inbox")
    output_root = luigi.Parameter(default="nightly")
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
    ready_file = luigi.Parameter(default="", description="wait for this file in the day's folder (e.g. .ready)")
    lock_wait = luigi.FloatParameter(
        default=0.0, significant=False, description="seconds to wait for a running run of the same day"
    )

    def output(self) -> luigi.LocalTarget:
        return luigi.LocalTarget(str(run_record_path(self.output_root, self.date)))

    @classmethod
    def bulk_complete(cls, parameter_tuples: Any) -> list[datetime.date]:
        """Finished days from one listing of ``runs/`` (``cls`` may be a partial with ``of_params``)."""
        days = list(parameter_tuples)
        if not days:
            return []
        finished = finished_days(cls(date=days[0]).output_root)
        return [day for day in days if day in finished]

    def arrivals(self) -> Arrivals:
        return Arrivals(path=str(arrivals_path(self.input_root, self.date)), ready_file=self.ready_file)

    def clean_all(self) -> CleanAll:
        """The day's CleanAll, used for its shards and its summary step (not scheduled itself)."""
        return CleanAll(
            input_dir=self.arrivals().path,
            output_dir=str(run_folder(self.output_root, self.date)),
            shard_size=self.shard_size,
            config_file=self.config_file,
            grammar=self.grammar,
            rewrite=self.rewrite,
            word_qe=self.word_qe,
            cache_dir=None if self._configured_cache_dir() else str(shared_cache_dir(self.output_root)),
        )

    def _configured_cache_dir(self) -> str | None:
        return PipelineConfig.load(self.config_file or None).cache_dir

    def requires(self) -> list[luigi.Task]:
        arrivals = self.arrivals()
        if not arrivals.complete():
            return [arrivals]  # Luigi reports missing data ([retcode] missing_data)
        self._hold_lock()
        return [arrivals, *self.clean_all().requires()]

    def _hold_lock(self) -> None:
        if luigi.interface.core().assistant:
            return
        folder = run_folder(self.output_root, self.date)
        try:
            hold_run_lock(folder, self.lock_wait)
        except RunLockBusy as busy:
            logger.error("CleanNightly %s: %s", self.date, busy)
            raise RunAlreadyRunning(str(busy)) from None

    def run(self) -> None:
        started = time.time()
        # the run started when its scheduler took the lock (this may be another process or machine)
        run_started = lock_holder(run_folder(self.output_root, self.date)).get("since")
        summary = self.clean_all().write_summary(started=run_started)
        write_run_record(self.output_root, self.date, summary)  # the day's completeness marker, last
        moved = point_latest(self.output_root, self.date)
        lines = summary_lines(summary)
        lines.append(f"latest -> {self.date}" if moved else "latest left at a newer day")
        report_status(self, "\n".join(lines))
        logger.info("CleanNightly %s done in %.1f s; %s", self.date, time.time() - started, lines[-1])
        release_run_lock(run_folder(self.output_root, self.date))


class Assist(luigi.WrapperTask):
    """Root task for a helper machine: schedules nothing, so its ``--assistant`` worker only takes
    runnable tasks (shards) that coordinators scheduled on luigid, and never takes a run's lock."""

    def requires(self) -> list[luigi.Task]:
        return []


__all__ = ["Arrivals", "Assist", "CleanNightly"]
