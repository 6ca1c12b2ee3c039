"""Throughput, incremental re-runs, Luigi overhead and worker memory: ``python -m benchmarks.throughput``.

Prints tables (copy them into ``benchmarks/README.md`` with the date, machine and command):

1. Per stage, in one process without any cache: seconds, MB/s and documents/s of each stage (and of
   decoding), plus the time to load the stages' models and the process's peak RSS with them loaded.
2. End to end through ``luigi --module tasks CleanAll`` (local scheduler) with 1 and 2 workers:
   cold run, warm re-run on unchanged input (as a fraction of the cold run), a re-run into a *new*
   output folder that shares the stage cache (what a nightly run sees for documents it has seen
   before), Luigi's overhead, and the peak RSS of the largest process in the run's process tree.

Luigi overhead is measured from the outside: ``(wall - sum(shard run times) / workers) / wall``,
where shard run times come from the shard manifests (time spent in ``CleanShard.run``). Everything
else (interpreter start, imports, planning shards, scheduling, forking, the summary step) counts as
overhead, so the number is an upper bound on what the scheduler itself costs.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
MB = 1_000_000
# Other developers change stages in the same working tree while a benchmark runs; a changed stage
# fingerprint would make a "warm" run redo work. Every measurement runs on a copy of the code.
SNAPSHOT_PARTS = ("pipeline", "tasks", "models", "benchmarks", "luigi.cfg")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="existing input folder (default: generate one)")
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--words", type=int, default=300)
    parser.add_argument("--stages", default="normalize,detect", help="comma-separated stages, or 'all'")
    parser.add_argument("--workers", default="1,2", help="worker counts to compare")
    parser.add_argument("--shard-size", type=int, default=50)
    parser.add_argument("--stage-sample", type=int, default=0, help="documents for the per-stage table (0: all)")
    parser.add_argument("--skip-luigi", action="store_true", help="only the per-stage table")
    parser.add_argument("--luigid", action="store_true", help="also run each worker count against a real luigid")
    parser.add_argument("--skip-local", action="store_true", help="no local-scheduler runs (with --luigid)")
    parser.add_argument("--probe", nargs=3, metavar=("CORPUS", "CONFIG", "LIMIT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.probe:
        print(json.dumps(_stage_probe(Path(args.probe[0]), Path(args.probe[1]), int(args.probe[2]))))
        return

    work = Path(tempfile.mkdtemp(prefix="postedit-bench-"))
    try:
        code = _snapshot(work / "code")
        corpus = args.corpus or _generate(work / "corpus", args.documents, args.words)
        documents = [p for p in corpus.rglob("*") if p.is_file()]
        corpus_bytes = sum(p.stat().st_size for p in documents)
        config = work / "stages.toml"
        stages = [] if args.stages == "all" else [s.strip() for s in args.stages.split(",") if s.strip()]
        config.write_text(f"stages = {json.dumps(stages)}\n")
        print(
            f"corpus: {len(documents)} documents, {corpus_bytes / MB:.2f} MB; stages: {args.stages}; "
            f"shard size {args.shard_size}\n"
        )

        probe = _run_probe(code, corpus, config, args.stage_sample)
        _print_stage_table(probe)
        if args.skip_luigi:
            return
        if not args.skip_local:
            rows = [
                _luigi_runs(code, corpus, corpus_bytes, len(documents), config, work, int(n), args.shard_size)
                for n in args.workers.split(",")
            ]
            _print_luigi_table(rows)
        if args.luigid:
            counts = [int(n) for n in args.workers.split(",")]
            runs = [
                _luigid_run(code, corpus, corpus_bytes, len(documents), config, work, n, args.shard_size)
                for n in counts
            ]
            # the same parallelism from single-process workers: one coordinator plus n - 1 assistants
            runs += [
                _luigid_run(code, corpus, corpus_bytes, len(documents), config, work, 1, args.shard_size, helpers=n - 1)
                for n in counts
                if n > 1
            ]
            _print_luigid_table(runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _snapshot(target: Path) -> Path:
    for part in SNAPSHOT_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(
                source, target / part, ignore=shutil.ignore_patterns("__pycache__", "cache", "*.gguf", "*.safetensors")
            )
        elif source.exists():
            shutil.copy2(source, target / part)
    return target


def _env(code: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(code)}


def _generate(folder: Path, documents: int, words: int) -> Path:
    from benchmarks.generate_corpus import generate

    return generate(folder, documents, words, seed=1)


# --- per stage, in one process ---------------------------------------------------------------


def _run_probe(code: Path, corpus: Path, config: Path, limit: int) -> dict[str, Any]:
    """Run the probe in a fresh process so its peak RSS is one worker's, models included."""
    completed = subprocess.run(
        [sys.executable, "-m", "benchmarks.throughput", "--probe", str(corpus), str(config), str(limit)],
        cwd=code,
        env=_env(code),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])


def _stage_probe(corpus: Path, config_path: Path, limit: int) -> dict[str, Any]:
    from pipeline.config import PipelineConfig
    from pipeline.io.sources import iter_documents
    from pipeline.runner import DocumentProcessor

    config = PipelineConfig.load(config_path)
    documents = list(iter_documents(corpus, config.max_bytes))
    if limit:
        documents = documents[:limit]
    processor = DocumentProcessor(config, store=None)
    started = time.perf_counter()
    processor.prepare()
    prepare_seconds = time.perf_counter() - started
    rss_prepared = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    seconds: dict[str, float] = {"decode": 0.0, **{stage.name: 0.0 for stage in processor.stages}}
    failed = 0
    cpu_started = time.process_time()
    started = time.perf_counter()
    for raw in documents:
        result = processor.process(raw)
        failed += not result.ok
        for name, value in result.timings.items():
            seconds[name] = seconds.get(name, 0.0) + value
    total = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    processor.close()
    return {
        "documents": len(documents),
        "bytes": sum(len(raw.data or b"") for raw in documents),
        "failed": failed,
        "prepare_seconds": prepare_seconds,
        "seconds": seconds,
        "total_seconds": total,
        "cpu_seconds": cpu,
        "rss_prepared_mb": rss_prepared / 1024,
        "rss_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _print_stage_table(probe: dict[str, Any]) -> None:
    docs, size = probe["documents"], probe["bytes"]
    print(f"Per stage, one process, no cache ({docs} documents, {size / MB:.2f} MB, {probe['failed']} with errors)")
    print(f"{'stage':<14}{'seconds':>10}{'MB/s':>10}{'docs/s':>10}")
    for name, seconds in probe["seconds"].items():
        print(f"{name:<14}{seconds:>10.2f}{_rate(size / MB, seconds):>10}{_rate(docs, seconds):>10}")
    total = probe["total_seconds"]
    print(f"{'all (in-proc)':<14}{total:>10.2f}{_rate(size / MB, total):>10}{_rate(docs, total):>10}")
    cpu = probe["cpu_seconds"]
    print(
        f"{'all, CPU time':<14}{cpu:>10.2f}{_rate(size / MB, cpu):>10}{_rate(docs, cpu):>10}"
        f"   (this process got {cpu / total:.0%} of a core on average)"
    )
    print(
        f"model/stage preparation: {probe['prepare_seconds']:.2f} s; peak RSS of this worker: "
        f"{probe['rss_prepared_mb']:.0f} MB after preparation, {probe['rss_peak_mb']:.0f} MB after the run\n"
    )


# --- end to end through Luigi ----------------------------------------------------------------


def _luigi_runs(
    code: Path, corpus: Path, corpus_bytes: int, documents: int, config: Path, work: Path, workers: int, shard_size: int
) -> dict[str, Any]:
    out = work / f"out-{workers}"
    cold = _luigi(code, corpus, out, config, workers, shard_size)
    cold_manifests = _manifests(out)
    warm = _luigi(code, corpus, out, config, workers, shard_size)
    # a new output folder sharing the stage cache: every shard runs, every stage comes from the cache
    shared = work / f"shared-{workers}.toml"
    shared.write_text(config.read_text() + f"cache_dir = {json.dumps(str(out / '.postedit' / 'stages'))}\n")
    fresh = _luigi(code, corpus, work / f"fresh-{workers}", shared, workers, shard_size)
    shard_seconds = sum(m["finished_at"] - m["started_at"] for m in cold_manifests)
    first_start = min(m["started_at"] for m in cold_manifests)
    last_finish = max(m["finished_at"] for m in cold_manifests)
    return {
        "workers": workers,
        "cold": cold,
        "warm": warm,
        "fresh": fresh,
        "mb_s": corpus_bytes / MB / cold["wall"],
        "docs_s": documents / cold["wall"],
        "shards": len(cold_manifests),
        "shard_seconds": shard_seconds,
        "overhead": (cold["wall"] - shard_seconds / workers) / cold["wall"],
        "startup": first_start - cold["launched"],
        "tail": cold["launched"] + cold["wall"] - last_finish,
    }


def _luigi(
    code: Path,
    corpus: Path,
    out: Path,
    config: Path,
    workers: int,
    shard_size: int,
    port: int = 0,
    extra: tuple[str, ...] = (),
    accept: tuple[int, ...] = (0,),
) -> dict[str, Any]:
    """One ``luigi`` invocation under a wrapper that reports the peak RSS of its process tree."""
    scheduler = (
        ["--scheduler-host", "127.0.0.1", "--scheduler-port", str(port), *extra] if port else ["--local-scheduler"]
    )
    command = [
        str(Path(sys.executable).with_name("luigi")),
        "--module",
        "tasks",
        "CleanAll",
        *scheduler,
        "--input-dir",
        str(corpus),
        "--output-dir",
        str(out),
        "--shard-size",
        str(shard_size),
        "--workers",
        str(workers),
        "--config-file",
        str(config),
        "--log-level",
        "WARNING",
    ]
    env = _env(code)
    if port:
        central = code / "central.cfg"
        central.write_text("[core]\nlocal_scheduler = false\n")
        env["LUIGI_CONFIG_PATH"] = str(central)
    wrapper = (
        "import json, resource, subprocess, sys; rc = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL, "
        "stderr=subprocess.DEVNULL); u = resource.getrusage(resource.RUSAGE_CHILDREN); "
        "print(json.dumps({'rc': rc, 'rss': u.ru_maxrss, 'cpu': u.ru_utime + u.ru_stime}))"
    )
    launched = time.time()
    started = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-c", wrapper, *command], cwd=code, env=env, capture_output=True, text=True, check=True
    )
    wall = time.perf_counter() - started
    report = json.loads(completed.stdout)
    if report["rc"] not in accept:
        raise SystemExit(f"luigi exited with {report['rc']}: {' '.join(command)}")
    # with assistants the coordinator may exit while an assistant still writes the summary: wait for it
    summary_path = out / "summary.json"
    deadline = time.monotonic() + 600
    while not (summary_path.exists() and summary_path.stat().st_mtime >= launched) and time.monotonic() < deadline:
        time.sleep(0.1)
    wall = max(wall, summary_path.stat().st_mtime - launched)
    summary = json.loads(summary_path.read_text())
    return {
        "wall": wall,
        "launched": launched,
        "rss_mb": report["rss"] / 1024,
        "cpu": report["cpu"],
        "summary": summary,
    }


def _manifests(out: Path) -> list[dict[str, Any]]:
    return [json.loads(p.read_text()) for p in (out / ".postedit" / "shards").glob("*.json")]


def _print_luigi_table(rows: list[dict[str, Any]]) -> None:
    print("End to end: luigi --module tasks CleanAll --local-scheduler (wall time of the whole command)")
    header = (
        f"{'workers':>7}{'cold s':>9}{'MB/s':>8}{'docs/s':>8}{'CPU s':>8}{'warm s':>8}{'warm/cold':>10}{'new-dir s':>10}"
        f"{'new/cold':>9}{'stage work warm/new':>21}{'overhead':>9}{'startup s':>10}{'tail s':>8}{'peak RSS MB':>12}"
    )
    print(header)
    for r in rows:
        warm_work = sum(r["warm"]["summary"]["stage_work"].values())
        fresh_work = sum(r["fresh"]["summary"]["stage_work"].values())
        print(
            f"{r['workers']:>7}{r['cold']['wall']:>9.2f}{_rate(r['mb_s'], 1):>8}{_rate(r['docs_s'], 1):>8}{r['cold']['cpu']:>8.1f}{r['warm']['wall']:>8.2f}"
            f"{r['warm']['wall'] / r['cold']['wall']:>10.1%}{r['fresh']['wall']:>10.2f}{r['fresh']['wall'] / r['cold']['wall']:>9.1%}"
            f"{f'{warm_work}/{fresh_work}':>21}{r['overhead']:>9.1%}{r['startup']:>10.2f}{r['tail']:>8.2f}"
            f"{max(r['cold']['rss_mb'], r['warm']['rss_mb']):>12.0f}"
        )
    print("warm: same output folder, unchanged input (every shard reused); new-dir: new output folder sharing the")
    print(
        "stage cache (every shard runs, every stage is a cache hit); overhead = (wall - shard time / workers) / wall;"
    )
    print("startup = launch to first shard start (interpreter, imports, planning); tail = last shard end to exit;")
    print("CPU s = user + system time of the cold run's whole process tree (what the run costs without other load).")
    first = rows[0]
    for r in rows[1:]:
        print(
            f"speed-up {first['workers']} -> {r['workers']} workers: {first['cold']['wall'] / r['cold']['wall']:.2f}x"
        )


def _luigid_run(
    code: Path,
    corpus: Path,
    corpus_bytes: int,
    documents: int,
    config: Path,
    work: Path,
    workers: int,
    shard_size: int,
    helpers: int = 0,
) -> dict[str, Any]:
    """A cold run against a real luigid on a free localhost port, optionally with assistant workers.

    ``--workers N`` forks a new process per shard, which loads every model again; an assistant with
    ``--workers 1`` runs shards in its own process and keeps its models between shards.
    """
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    logdir = work / f"luigid-{workers}-{helpers}"
    logdir.mkdir()
    daemon = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("luigid")),
            "--port",
            str(port),
            "--address",
            "127.0.0.1",
            "--logdir",
            str(logdir),
            "--state-path",
            str(logdir / "state.pickle"),
        ],
        cwd=logdir,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                time.sleep(0.1)
        out = work / f"luigid-out-{workers}-{helpers}"
        polling = ("--worker-keep-alive", "--worker-wait-interval", "0.1", "--worker-wait-jitter", "0")
        env = {**_env(code), "LUIGI_CONFIG_PATH": str(code / "central.cfg")}
        (code / "central.cfg").write_text("[core]\nlocal_scheduler = false\n")
        assistants = [
            subprocess.Popen(
                [
                    str(Path(sys.executable).with_name("luigi")),
                    "--module",
                    "tasks",
                    "Assist",
                    "--assistant",
                    "--workers",
                    "1",
                    "--scheduler-host",
                    "127.0.0.1",
                    "--scheduler-port",
                    str(port),
                    *polling,
                ],
                cwd=code,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for _ in range(helpers)
        ]
        try:
            run = _luigi(
                code,
                corpus,
                out,
                config,
                workers,
                shard_size,
                port=port,
                extra=polling if helpers else (),
                accept=(0, 10, 25) if helpers else (0,),
            )
        finally:
            helper_rss = []
            for assistant in assistants:
                assistant.terminate()
                helper_rss.append(os.wait4(assistant.pid, 0)[2].ru_maxrss / 1024)
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)
    manifests = _manifests(out)
    shard_seconds = sum(m["finished_at"] - m["started_at"] for m in manifests)
    slots = workers + helpers
    return {
        "mode": f"1 + {helpers} assistant(s)" if helpers else f"--workers {workers}",
        "run": run,
        "shards": len(manifests),
        "shard_seconds": shard_seconds,
        "overhead": (run["wall"] - shard_seconds / slots) / run["wall"],
        "mb_s": corpus_bytes / MB / run["wall"],
        "docs_s": documents / run["wall"],
        "rss_mb": max([run["rss_mb"], *helper_rss]),
    }


def _print_luigid_table(rows: list[dict[str, Any]]) -> None:
    print(
        "\nCold run against a real luigid (localhost); assistants are separate `luigi ... Assist --assistant --workers 1`"
    )
    print(
        f"{'processes':<22}{'cold s':>9}{'MB/s':>8}{'docs/s':>8}{'shards':>8}{'shard s':>9}{'overhead':>9}{'peak RSS MB':>12}"
    )
    for r in rows:
        print(
            f"{r['mode']:<22}{r['run']['wall']:>9.2f}{_rate(r['mb_s'], 1):>8}{_rate(r['docs_s'], 1):>8}{r['shards']:>8}"
            f"{r['shard_seconds']:>9.2f}{r['overhead']:>9.1%}{r['rss_mb']:>12.0f}"
        )


def _rate(amount: float, seconds: float) -> str:
    """Whole numbers when large, three significant digits when small (slow stages: thousandths of a MB/s)."""
    if seconds <= 0:
        return "-"
    rate = amount / seconds
    return f"{rate:.0f}" if rate >= 100 else f"{rate:.2f}" if rate >= 1 else f"{rate:.3g}"


if __name__ == "__main__":
    main()
