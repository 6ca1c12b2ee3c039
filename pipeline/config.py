"""Pipeline configuration: one typed, immutable object shared by the CLI and the Luigi tasks.

Values come from defaults, then an optional TOML file (``[postedit]`` table or top level), then
explicit overrides (command-line flags, Luigi parameters). Each stage reads only its own fields and
declares them in its fingerprint, so changing one stage's settings re-runs that stage and the ones
after it, and nothing before.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping


@dataclass(frozen=True)
class PipelineConfig:
    # input
    max_bytes: int = 10_000_000
    legacy_encodings: tuple[str, ...] = ("cp1252", "iso8859_15", "latin_1", "mac_roman")
    # which stages run (by name, in registry order); empty means all registered
    stages: tuple[str, ...] = ()
    # grammar
    grammar: str = "auto"  # auto | languagetool | lingotweaker | harper | none
    languagetool_url: str | None = None
    dialect: str = "en-US"
    disabled_rules: tuple[str, ...] = ()
    enabled_rules: tuple[str, ...] = ()  # also turns on rules that are off by default
    enabled_categories: tuple[str, ...] = ()  # LanguageTool category ids; empty means all
    disabled_categories: tuple[str, ...] = ()
    grammar_auto_apply: tuple[str, ...] = ("whitespace", "duplication", "doubled_punctuation")  # the rest only flagged
    languagetool_timeout: float = 30.0  # seconds per request before falling back to the offline backends
    languagetool_probe_timeout: float = 3.0
    protected_words: tuple[str, ...] = ()  # names and terms no spelling suggestion may touch
    # boilerplate: apply clear removals as edits (False: flag them only)
    remove_boilerplate: bool = True
    # rewrite
    rewrite: bool = True
    lm_model: str = "smollm2-135m"  # causal LM that scores candidates: registry name, folder or hub id
    seq2seq_model: str | None = None  # optional correction model (CoEdIT/T5): folder or hub id
    seq2seq_prefix: str = "Fix grammar: "  # instruction the seq2seq model was trained with
    embedding_model: str = "all-minilm-l6-v2"  # sentence embeddings for the meaning guard
    device: str = "auto"  # auto | cpu | cuda | cuda:N
    batch_size: int = 16
    threads: int = 1  # torch threads per process (scale out with workers); 0 = torch's default
    min_lm_gain: float = 2.0  # nats a candidate must gain over the original to be applied
    min_similarity: float = 0.7  # embedding cosine, original vs candidate: catches drift; one swapped word scores 0.7-0.9
    max_changed_words: int = 3
    # house style for consistency suggestions, e.g. {"defence": "defense"}
    house_style: Mapping[str, str] = field(default_factory=dict)
    # caches (sentence-level results); None puts them under the output folder
    cache_dir: str | None = None

    def replace(self, **changes: Any) -> "PipelineConfig":
        known = {f.name for f in dataclasses.fields(self)}
        unknown = set(changes) - known
        if unknown:
            raise ValueError(f"unknown configuration keys: {', '.join(sorted(unknown))}")
        return dataclasses.replace(self, **{k: _coerce(getattr(self, k), v) for k, v in changes.items()})

    @classmethod
    def load(cls, path: str | Path | None = None, **overrides: Any) -> "PipelineConfig":
        config = cls()
        if path:
            with open(path, "rb") as handle:
                data = tomllib.load(handle)
            config = config.replace(**data.get("postedit", data))
        return config.replace(**{k: v for k, v in overrides.items() if v is not None})

    def as_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self)}


def _coerce(current: Any, value: Any) -> Any:
    if isinstance(current, tuple) and isinstance(value, (list, tuple)):
        return tuple(value)
    if isinstance(current, tuple) and isinstance(value, str):
        return tuple(v.strip() for v in value.split(",") if v.strip())
    return value


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, Mapping):
        return dict(value)
    return value
