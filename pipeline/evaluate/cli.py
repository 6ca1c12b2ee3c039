"""``postedit eval``: the handler behind the subcommand (kept here so ``pipeline/cli.py`` stays small)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pipeline.config import PipelineConfig
from pipeline.evaluate.gold import GoldError
from pipeline.evaluate.run import evaluate
from pipeline.evaluate.table import print_result


def run_eval(args: argparse.Namespace) -> int:
    try:
        config = PipelineConfig.load(args.config, grammar=args.grammar, rewrite=args.rewrite, stages=args.stages)
        from pipeline.stages.registry import build_stages

        build_stages(config)  # unknown stage names fail here, with the list of known ones
    except (OSError, ValueError) as exc:
        print(f"postedit eval: {exc}", file=sys.stderr)
        return 2
    for path in (args.gold, args.input, args.control):
        if path and not Path(path).exists():
            print(f"postedit eval: {path} does not exist", file=sys.stderr)
            return 2
    try:
        result = evaluate(args.gold, args.input, config, output_dir=args.output, control_path=args.control)
    except GoldError as exc:
        print(f"postedit eval: {exc}", file=sys.stderr)
        return 2
    print_result(result)
    if args.json:
        Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0
