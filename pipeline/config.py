"""Pipeline configuration: one typed, immutable, validated object shared by the CLI and the Luigi tasks.

Values come from defaults, then an optional TOML file (``[postedit]`` table or top level), then
explicit overrides (command-line flags, Luigi parameters). Each stage reads only its own fields and
declares them in its fingerprint, so changing one stage's settings re-runs that stage and the ones
after it, and nothing before.

Validation is pydantic's, in strict mode: a value of the wrong type (``batch_size = "16"``), an
unknown key or an out-of-range number is a :class:`ConfigError` naming the key, raised before any
document is read, instead of a failure deep inside a stage. Two conveniences stay: a list (TOML) or
a comma-separated string (command line) is accepted for a tuple field.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from pipeline.io.decode import PREFERRED_LEGACY_ENCODINGS

GrammarBackendName = Literal["auto", "languagetool", "lingotweaker", "harper", "none"]


class ConfigError(ValueError):
    """A configuration that cannot be used: unknown key, wrong type or value out of range."""


class PipelineConfig(BaseModel):
    model_config = ConfigDict(frozen=True, strict=True, extra="forbid")

    # input
    max_bytes: int = Field(10_000_000, gt=0)
    legacy_encodings: tuple[str, ...] = PREFERRED_LEGACY_ENCODINGS
    # which stages run (by name, in registry order); empty means all registered
    stages: tuple[str, ...] = ()
    # time budget per document and stage (seconds): floor + per_kchar * characters / 1000; a stage
    # over budget is stopped and the document gets a timeout error (pipeline/isolation.py)
    isolate_stages: bool = True  # run stages in a child process that can be stopped (False: no budget)
    time_budget_floor: float = Field(60.0, gt=0)
    time_budget_per_kchar: float = Field(3.0, ge=0)
    # normalize: join the lines of hard-wrapped paragraphs (wire copy, e-mail, PDF text) as edits
    unwrap_lines: bool = True
    # grammar
    grammar: GrammarBackendName = "auto"
    languagetool_url: str | None = None
    dialect: str = "en-US"
    disabled_rules: tuple[str, ...] = ()
    enabled_rules: tuple[str, ...] = ()  # also turns on rules that are off by default
    enabled_categories: tuple[str, ...] = ()  # LanguageTool category ids; empty means all
    disabled_categories: tuple[str, ...] = ()
    grammar_auto_apply: tuple[str, ...] = (
        "whitespace",
        "duplication",
        "doubled_punctuation",
        "rule_exact",
    )  # the rest only flagged
    languagetool_timeout: float = Field(30.0, gt=0)  # seconds per request before falling back to the offline backends
    languagetool_probe_timeout: float = Field(3.0, gt=0)
    languagetool_retries: int = Field(
        2, ge=0
    )  # a failed request is tried again this often (backoff) before falling back
    protected_words: tuple[str, ...] = ()  # names and terms no spelling suggestion may touch
    # boilerplate: apply clear removals as edits (False: flag them only)
    remove_boilerplate: bool = True
    # embedded posts, captions and pull quotes in the body: flagged as metadata and kept (False: removed)
    keep_embeds: bool = True
    # a line on at least this many documents of a run is page furniture (run-level pass; 0 turns it off)
    repeated_line_documents: int = Field(3, ge=0)
    # set by the run itself (postedit clean, CleanAll), not by users: the file of the run's frequent lines
    run_lines_file: str | None = None
    # rewrite
    rewrite: bool = True
    lm_model: str = "smollm2-135m"  # causal LM that scores candidates: registry name, folder or hub id
    seq2seq_model: str | None = None  # optional correction model (CoEdIT/T5): folder or hub id
    seq2seq_prefix: str = "Fix grammar: "  # instruction the seq2seq model was trained with
    embedding_model: str = "all-minilm-l6-v2"  # sentence embeddings for the meaning guard
    device: str = "auto"  # auto | cpu | cuda | cuda:N
    batch_size: int = Field(16, ge=1)
    threads: int = Field(1, ge=0)  # torch threads per process (scale out with workers); 0 = torch's default
    # word-level QE of the fluency detector (pipeline/detect/mt/fluency.py): "clean-text" flags what
    # clean English almost never shows (<= 0.5 flags per 1,000 words of post-edited text), "post-editing"
    # marks about one word in four of raw machine translation for review (best MCC), "off" none
    word_qe: Literal["clean-text", "post-editing", "off"] = "clean-text"
    min_lm_gain: float = 2.0  # nats a candidate must gain over the original to be applied
    # embedding cosine, original vs candidate: catches drift; one swapped word scores 0.7-0.9
    min_similarity: float = Field(0.7, ge=-1.0, le=1.0)
    max_changed_words: int = Field(3, ge=0)
    # house style for consistency suggestions, e.g. {"defence": "defense"}
    house_style: Mapping[str, str] = Field(default_factory=dict)
    # caches: None keeps the stage cache under OUT/.postedit/ and the sentence caches (grammar,
    # rewrite; keyed by text and settings, so safe to share) in ~/.cache/postedit/
    cache_dir: str | None = None

    @field_validator("*", mode="before")
    @classmethod
    def _sequences_as_tuples(cls, value: Any, info: Any) -> Any:
        """TOML gives lists and the command line comma-separated strings for tuple fields."""
        field = cls.model_fields[info.field_name]
        if getattr(field.annotation, "__origin__", None) is tuple:
            if isinstance(value, list):
                return tuple(value)
            if isinstance(value, str):
                return tuple(v.strip() for v in value.split(",") if v.strip())
        if field.annotation is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)  # "timeout = 30" in TOML is a float setting written without a point
        return value

    def __init__(self, **values: Any):
        try:
            super().__init__(**values)
        except ValidationError as exc:
            raise ConfigError(_describe(exc)) from None

    def replace(self, **changes: Any) -> PipelineConfig:
        """A copy with ``changes`` applied and validated (unknown keys are an error)."""
        return PipelineConfig(**{**self.model_dump(), **changes})

    @classmethod
    def load(cls, path: str | Path | None = None, **overrides: Any) -> PipelineConfig:
        """Defaults, then the TOML file at ``path`` (if any), then ``overrides`` that are not None."""
        values: dict[str, Any] = {}
        if path:
            try:
                with open(path, "rb") as handle:
                    data = tomllib.load(handle)
            except OSError as exc:
                raise ConfigError(f"{path}: cannot read the configuration file ({exc.strerror or exc})") from None
            except tomllib.TOMLDecodeError as exc:
                raise ConfigError(f"{path}: not valid TOML ({exc})") from None
            table = data.get("postedit", data)
            if not isinstance(table, dict):
                raise ConfigError(f"{path}: [postedit] must be a table")
            values.update(table)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def ignored_settings(self) -> list[str]:
        """Settings the user chose that this configuration cannot honour, one sentence each: the run
        goes on without them, and the front ends print these as warnings."""
        rewriting = self.rewrite and (not self.stages or "rewrite" in self.stages)
        if self.word_qe == "post-editing" and not rewriting:
            return [
                "word_qe = post-editing makes no review hints without the rewrite stage "
                "(it uses the rewriter's language model); turn the rewriter on"
            ]
        return []

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values (tuples as lists, mappings as dicts), for summaries and cache keys."""
        return {key: _plain(value) for key, value in self.model_dump().items()}


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, Mapping):
        return dict(value)
    return value


def _describe(exc: ValidationError) -> str:
    """One line per problem: ``key: what is wrong (got VALUE)``."""
    lines = []
    for error in exc.errors():
        key = ".".join(str(part) for part in error["loc"]) or "configuration"
        if error["type"] == "extra_forbidden":
            lines.append(f"unknown configuration key {key!r}")
        else:
            lines.append(f"{key}: {error['msg']} (got {_as_toml(error.get('input'))})")
    return "invalid configuration: " + "; ".join(lines)


def _as_toml(value: Any) -> str:
    """A value as the user wrote it in TOML (``true``, ``"yes"``, ``[1, 2]``), not as Python prints it."""
    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        return repr(value)
