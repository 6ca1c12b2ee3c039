"""Luigi tasks over the :mod:`pipeline` library: ``luigi --module tasks CleanAll``."""

from tasks.clean import CleanAll, CleanShard
from tasks.nightly import Arrivals, Assist, CleanNightly

__all__ = ["Arrivals", "Assist", "CleanAll", "CleanNightly", "CleanShard"]
