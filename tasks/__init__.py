"""Luigi tasks over the :mod:`pipeline` library: ``luigi --module tasks CleanAll``."""

from tasks.clean import CleanAll, CleanShard
from tasks.nightly import Arrivals, CleanNightly

__all__ = ["Arrivals", "CleanAll", "CleanNightly", "CleanShard"]
