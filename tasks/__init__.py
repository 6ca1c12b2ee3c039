"""Luigi tasks over the :mod:`pipeline` library: ``luigi --module tasks CleanAll``."""

from tasks.clean import CleanAll, CleanShard

__all__ = ["CleanAll", "CleanShard"]
