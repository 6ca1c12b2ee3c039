"""``postedit``: the pipeline without a scheduler (``clean``), plus maintenance commands."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from pipeline.config import ConfigError, PipelineConfig


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="postedit", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    clean = commands.add_parser("clean", help="clean a folder, a .txt file or a .jsonl file")
    clean.add_argument("input", help="folder (recursive), .txt file or .jsonl file with id and text")
    clean.add_argument("output_dir", help="where cleaned/, reports/, index.html and summary.json go")
    clean.add_argument("--config", help="TOML file with pipeline settings ([postedit] table)")
    clean.add_argument("--grammar", choices=["auto", "languagetool", "lingotweaker", "harper", "none"])
    clean.add_argument("--rewrite", action=argparse.BooleanOptionalAction, default=None)
    clean.add_argument("--stages", help="comma-separated subset of stages to run")
    clean.add_argument("--max-bytes", type=int, help="documents larger than this become errors")
    clean.add_argument(
        "--word-qe",
        choices=["clean-text", "post-editing", "off"],
        help="operating point of the word-level QE flags (post-editing: the input is raw machine translation)",
    )
    clean.add_argument("--no-progress", action="store_true", help="no progress bar")
    clean.set_defaults(handler=_clean)

    evaluate = commands.add_parser("eval", help="run the pipeline on a folder and score it against a gold file")
    evaluate.add_argument("gold", help="gold JSONL (id, doc, category, start, end, text, level)")
    evaluate.add_argument("input", help="the folder (or file) the gold items refer to")
    evaluate.add_argument("--output", help="keep the runs' outputs here (default: a temporary folder)")
    evaluate.add_argument("--control", help="folder of clean text: report false flags per 1,000 words")
    evaluate.add_argument("--json", help="also write the full result as JSON to this file")
    evaluate.add_argument("--config", help="TOML file with pipeline settings ([postedit] table)")
    evaluate.add_argument("--grammar", choices=["auto", "languagetool", "lingotweaker", "harper", "none"])
    evaluate.add_argument("--rewrite", action=argparse.BooleanOptionalAction, default=None)
    evaluate.add_argument("--stages", help="comma-separated subset of stages to run")
    evaluate.set_defaults(handler=_eval)

    models = commands.add_parser("models", help="list or prepare the rewriter's models (see models/registry.py)")
    models.add_argument("action", choices=["list", "prepare"])
    models.add_argument("names", nargs="*", help="registry names for prepare (default: all that need it)")
    models.add_argument("--force", action="store_true", help="prepare again even if already prepared")
    models.set_defaults(handler=_models)

    args = parser.parse_args(argv)
    try:
        return int(args.handler(args))
    except ConfigError as exc:
        print(f"postedit: {exc}", file=sys.stderr)
        return 2


def _models(args: argparse.Namespace) -> int:
    if args.action == "prepare":
        from models.prepare import main as prepare

        return prepare([*args.names, *(["--force"] if args.force else [])])
    from models.registry import list_models

    for row in list_models():
        print("  ".join(f"{key}={value}" for key, value in row.items()))
    return 0


def _clean(args: argparse.Namespace) -> int:
    from pipeline.batch import STATE_DIR, finish_run, stage_store
    from pipeline.io.sources import InputError, iter_documents
    from pipeline.runner import DocumentProcessor
    from pipeline.runpass import repeated_lines

    config = PipelineConfig.load(
        args.config,
        grammar=args.grammar,
        rewrite=args.rewrite,
        stages=args.stages,
        max_bytes=args.max_bytes,
        word_qe=args.word_qe,
    )
    for warning in config.ignored_settings():
        print(f"postedit: warning: {warning}", file=sys.stderr)
    output_dir = Path(args.output_dir)
    started = time.time()
    try:
        documents = list(iter_documents(args.input, config.max_bytes))
    except InputError as exc:
        print(f"postedit: {exc}", file=sys.stderr)
        return 2
    # lines shared by many documents of this run (the run's configuration names the file of them)
    config, _ = repeated_lines.prepare_run(config, lambda: documents, output_dir / STATE_DIR / repeated_lines.FOLDER)
    processor = DocumentProcessor(config, stage_store(output_dir, config))
    entries = _with_progress(documents, output_dir, processor, enabled=not args.no_progress and sys.stderr.isatty())
    summary = finish_run(
        entries,
        input_path=args.input,
        output_dir=output_dir,
        config=config,
        processor_versions=processor.stage_versions(),
        started=started,
    )
    _print_summary(summary)
    processor.close()
    return 0


def _eval(args: argparse.Namespace) -> int:
    from pipeline.evaluate.cli import run_eval

    return run_eval(args)


def _with_progress(documents, output_dir, processor, enabled: bool):
    from pipeline.batch import clean_documents

    if not enabled:
        return clean_documents(documents, output_dir, processor)
    from rich.progress import Progress

    with Progress(transient=True) as progress:
        task = progress.add_task("cleaning", total=len(documents))
        # the document and stage in hand, so an operator sees what is slow
        processor.on_stage = lambda doc_id, stage: progress.update(task, description=f"{doc_id[-40:]} · {stage}")
        return clean_documents(
            documents, output_dir, processor, on_progress=lambda count, doc_id: progress.update(task, completed=count)
        )


def _print_summary(summary: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(stderr=True)
    docs = summary["documents"]
    console.print(
        f"[bold]{docs['total']}[/] documents ({docs['ok']} ok, {docs['failed']} failed) "
        f"in {summary['wall_seconds']:.1f} s -> {summary['output']}"
    )
    table = Table("stage", "documents processed", "from cache", "seconds")
    for name in summary["stages"]:
        table.add_row(
            name,
            str(summary["stage_work"].get(name, 0)),
            str(summary["cache_hits"].get(name, 0)),
            f"{summary['stage_seconds'].get(name, 0):.2f}",
        )
    console.print(table)
    if summary["flags"]:
        console.print("flags: " + ", ".join(f"{k} {v}" for k, v in summary["flags"].items()))
    console.print("changes: " + (", ".join(f"{k} {v}" for k, v in summary.get("edits_applied", {}).items()) or "none"))
    timeouts = summary.get("timeouts", 0)
    over = f" ({timeouts} over their time budget: the next run tries them again)" if timeouts else ""
    console.print(f"errors: {len(summary['errors'])}{over}")
    for error in summary["errors"]:
        console.print(f"[red]error[/] {error['document']}: {error['kind']}: {error['message'].splitlines()[0]}")


if __name__ == "__main__":
    sys.exit(main())
