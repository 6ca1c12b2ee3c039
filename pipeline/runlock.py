"""An exclusive lock on a run folder, held for a whole run, so overlapping runs cannot interleave.

Luigi's own ``--lock`` only stops the *same command line* on the *same machine*; a cron run and a
manual back-fill of the same date are different commands. Two runs writing one folder would not tear
files (writes are atomic) but the later run's clean-up of temporary files can delete the files the
earlier run is still writing, and the two summaries would describe neither run.

The lock is ``fcntl.flock`` on a file in the run folder: the kernel releases it when the holder
exits, even on ``kill -9``, so a crash never leaves a stale lock. Forked worker processes inherit
it, so Luigi's task processes run under their parent's lock. On NFS, ``flock`` is forwarded to the
server on Linux (NFSv4); on storage without locking use one coordinating machine per date.
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
import time
from pathlib import Path

LOCK_NAME = ".run.lock"


class RunLockBusy(RuntimeError):
    """Another live process holds the run folder's lock."""

    def __init__(self, path: Path, holder: dict):
        self.path = path
        self.holder = holder
        who = ", ".join(f"{k} {v}" for k, v in holder.items()) or "unknown holder"
        super().__init__(f"another run holds {path} ({who}); not starting a second one")


class RunLock:
    """``flock`` on ``folder/.run.lock``; the holder's pid, host and start time are written into it."""

    def __init__(self, folder: str | os.PathLike[str]):
        self.path = Path(folder) / LOCK_NAME
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, wait_seconds: float = 0.0, poll_seconds: float = 0.2) -> RunLock:
        """Take the lock, waiting up to ``wait_seconds``; raise :class:`RunLockBusy` if still held."""
        if self._fd is not None:
            return self
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + max(wait_seconds, 0.0)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = _read_holder(fd)
                    os.close(fd)
                    raise RunLockBusy(self.path.parent, holder) from None
                time.sleep(poll_seconds)
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "since": time.time()}).encode(), 0)
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)  # also releases it for forked processes sharing the fd
            os.close(self._fd)
            self._fd = None


def lock_holder(folder: str | os.PathLike[str]) -> dict:
    """Who took the folder's lock last and when (``since``), read without locking.

    A run's final step may execute in another process or on another machine (a luigid assistant);
    the lock holder's ``since`` tells it when the run started, so it can tell this run's shards
    from those an earlier run finished.
    """
    try:
        return json.loads((Path(folder) / LOCK_NAME).read_bytes() or b"{}")
    except (OSError, ValueError):
        return {}


def _read_holder(fd: int) -> dict:
    try:
        return json.loads(os.pread(fd, 4096, 0) or b"{}")
    except (OSError, ValueError):
        return {}


# Locks held by this process (or inherited from the parent it was forked from), by folder.
_HELD: dict[str, RunLock] = {}


def hold_run_lock(folder: str | os.PathLike[str], wait_seconds: float = 0.0) -> RunLock:
    """Take the folder's lock once per process tree; calling again (or in a forked child) is a no-op."""
    key = os.path.realpath(folder)
    lock = _HELD.get(key)
    if lock is None or not lock.held:
        lock = RunLock(folder).acquire(wait_seconds)
        _HELD[key] = lock
    return lock


def release_run_lock(folder: str | os.PathLike[str]) -> None:
    lock = _HELD.pop(os.path.realpath(folder), None)
    if lock is not None:
        lock.release()
