"""The one place that lists the stages, in the order they run.

Adding a stage is one module with a :class:`~pipeline.stages.base.Stage` subclass plus one line
here. Imports are lazy so that a run without the rewriter never imports torch.
"""

from __future__ import annotations

import importlib

from pipeline.config import ConfigError, PipelineConfig
from pipeline.stages.base import Stage

# (stage name, "module:Class"), in execution order
STAGES: list[tuple[str, str]] = [
    ("normalize", "pipeline.normalize.stage:NormalizeStage"),
    ("boilerplate", "pipeline.boilerplate.stage:BoilerplateStage"),
    ("detect", "pipeline.detect.stage:DetectStage"),
    ("grammar", "pipeline.grammar.stage:GrammarStage"),
    ("rewrite", "pipeline.rewrite.stage:RewriteStage"),
]


def stage_names() -> list[str]:
    return [name for name, _ in STAGES]


def build_stages(config: PipelineConfig) -> list[Stage]:
    """Instantiate the enabled stages for ``config`` (all of them unless ``config.stages`` says)."""
    unknown = set(config.stages) - set(stage_names())
    if unknown:
        raise ConfigError(f"unknown stages {sorted(unknown)}; known: {stage_names()}")
    stages: list[Stage] = []
    for name, target in STAGES:
        if config.stages and name not in config.stages:
            continue
        module_name, class_name = target.split(":")
        stage_class = getattr(importlib.import_module(module_name), class_name)
        stages.append(stage_class(config))
    return stages
