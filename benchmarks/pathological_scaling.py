"""How CPU time grows with the size of each pathological input (issue 12): ``python -m benchmarks.pathological_scaling``.

Each shape of ``tests/pathological_shapes.py`` is generated at 1x and 4x of the issue's size and
timed two ways, in CPU seconds of one worker process (the machine is shared, so wall time says
little):

- per stage: ``normalize``, ``boilerplate``, ``detect``, ``grammar`` run one after the other on the
  document in this process (``stage.process``), then the report (``write_document_outputs``);
- whole: ``postedit clean --no-rewrite`` on a folder holding the one document, called in-process
  with ``isolate_stages = false`` (the stage child process would take the CPU time out of sight),
  minus the same command on a one-line document (start-up: building and preparing the stages).

A shape named in ``SCALE`` (tests/pathological_shapes.py) is run at that fraction of the issue's
size times the factor. The ratio 4x / 1x is 4 for linear growth and 16 for quadratic. Each shape runs in its own worker
process with a limit (``--limit`` CPU-ish wall seconds per shape); a stage still running at the limit
is shown as ``>limit``. Default settings otherwise (``grammar = auto``).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

STAGES = ["normalize", "boilerplate", "detect", "grammar"]
SMALL = "The ferry left the harbour at noon. Two inspectors visited the old mill on Tuesday.\n"


def _say(**record: object) -> None:
    print(json.dumps(record), flush=True)


def _whole(tmp: Path, name: str, text: str) -> float:
    from pipeline.cli import main as postedit

    folder = tmp / f"in-{name}"
    folder.mkdir()
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    config = tmp / "config.toml"
    config.write_text(
        f"[postedit]\nisolate_stages = false\nrewrite = false\ncache_dir = {json.dumps(str(tmp / ('cache-' + name)))}\n"
    )
    started = time.process_time()
    code = postedit(["clean", str(folder), str(tmp / f"out-{name}"), "--config", str(config), "--no-progress"])
    spent = time.process_time() - started
    report = json.loads((tmp / f"out-{name}" / "reports" / f"{name}.txt.json").read_text())
    if code != 0 or report["errors"]:
        raise RuntimeError(f"{name}: exit {code}, errors {report['errors']}")
    return spent


def worker(name: str, factors: list[float]) -> None:
    """Time one shape at each factor; one JSON line per measurement, flushed as it is taken."""
    import io
    from contextlib import redirect_stderr

    from pathological_shapes import SCALE, shape

    from pipeline.config import PipelineConfig
    from pipeline.document import Document
    from pipeline.io.outputs import write_document_outputs
    from pipeline.runner import DocumentResult
    from pipeline.stages.registry import build_stages

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        config = PipelineConfig(rewrite=False, isolate_stages=False, cache_dir=str(tmp / "cache"))
        stages = [stage for stage in build_stages(config) if stage.name in STAGES]
        for stage in stages:
            stage.prepare()
        with redirect_stderr(io.StringIO()):
            for warm in range(2):  # pay one-off costs (imports, model loads) before timing
                doc = Document(f"warm{warm}", SMALL)
                for stage in stages:
                    stage.process(doc)
                base = _whole(tmp, f"small{warm}", SMALL)
        for factor in factors:
            text = shape(name, factor * SCALE.get(name, 1.0))
            doc = Document(name, text)
            for stage in stages:
                _say(shape=name, factor=factor, unit=stage.name, begin=True)
                started = time.process_time()
                stage.process(doc)
                _say(shape=name, factor=factor, unit=stage.name, cpu=time.process_time() - started)
            _say(shape=name, factor=factor, unit="report", begin=True)
            started = time.process_time()
            write_document_outputs(tmp / f"report-{factor}", DocumentResult(doc, ok=True))
            _say(shape=name, factor=factor, unit="report", cpu=time.process_time() - started)
            _say(shape=name, factor=factor, unit="whole", begin=True)
            with redirect_stderr(io.StringIO()):
                whole = _whole(tmp, f"{name}-{factor:g}".replace(".", "_"), text) - base
            _say(shape=name, factor=factor, unit="whole", cpu=whole, chars=len(text))
        sys.stdout.flush()


def measure(names: list[str], factors: list[float], limit: float) -> dict[tuple[str, float, str], str]:
    cells: dict[tuple[str, float, str], str] = {}
    for name in names:
        command = [sys.executable, "-m", "benchmarks.pathological_scaling", "--worker", name]
        command += [f"--factor={f:g}" for f in factors]
        try:
            done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=limit)
            lines, killed = done.stdout.splitlines(), False
            if done.returncode != 0:
                print(done.stderr[-3000:], file=sys.stderr)
        except subprocess.TimeoutExpired as exc:
            out = exc.stdout or b""
            lines = (out.decode() if isinstance(out, bytes) else out).splitlines()
            killed = True
        pending = None
        for line in lines:
            record = json.loads(line)
            key = (record["shape"], record["factor"], record["unit"])
            if record.get("begin"):
                pending = key
            else:
                cells[key] = f"{record['cpu']:.2f}"
                pending = None
        if pending is not None:
            cells[pending] = f">{limit:g}" if killed else "failed"
        print(
            f"  {name}: " + ", ".join(f"{k[2]}@{k[1]:g}={v}" for k, v in cells.items() if k[0] == name), file=sys.stderr
        )
    return cells


def table(names: list[str], factors: list[float], cells: dict[tuple[str, float, str], str]) -> str:
    low, high = factors[0], factors[-1]
    units = [*STAGES, "report", "whole"]
    rows = [
        f"| shape | {' | '.join(f'{u} {low:g}x / {high:g}x (ratio)' for u in units)} |",
        "|---|" + "---:|" * len(units),
    ]
    for name in names:
        row = []
        for unit in units:
            a, b = cells.get((name, low, unit), ""), cells.get((name, high, unit), "")
            ratio = ""
            try:
                if float(a) >= 0.05:
                    ratio = f" ({float(b) / float(a):.1f})"
            except ValueError:
                pass
            row.append(f"{a} / {b}{ratio}")
        rows.append(f"| {name} | {' | '.join(row)} |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shape", action="append", help="only these shapes (default: all)")
    parser.add_argument("--factor", type=float, action="append", help="sizes (default: 1 and 4)")
    parser.add_argument("--limit", type=float, default=900.0, help="seconds per shape (all its sizes)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    factors = args.factor or [1.0, 4.0]
    if args.worker:
        worker(args.worker, factors)
        return
    from pathological_shapes import SHAPES

    names = args.shape or SHAPES
    print(table(names, factors, measure(names, factors, args.limit)))


if __name__ == "__main__":
    main()
