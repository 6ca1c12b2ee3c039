"""Stage base class and the single registry of stages (see :mod:`pipeline.stages.registry`)."""
