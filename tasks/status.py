"""Status messages and progress for the scheduler (luigid's web page shows them per task)."""

from __future__ import annotations

import luigi


def report_status(task: luigi.Task, message: str, percentage: int | None = None) -> None:
    """Send ``message`` (and a progress percentage) to the scheduler.

    Luigi sets these callbacks on a task only while a worker runs it; elsewhere (a task run by hand,
    a test) they are unset and this does nothing.
    """
    status = getattr(task, "set_status_message", None)
    if callable(status):
        status(message)
    progress = getattr(task, "set_progress_percentage", None)
    if percentage is not None and callable(progress):
        progress(percentage)
