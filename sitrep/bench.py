"""``sitrep bench --articles 10000,100000``: the whole refresh at scale, as the scripts run it.

For each size N: builds a corpus of N distinct articles (recombined sentences of the sample
articles and, when present, FA-KES dev; JSONL files of 1,000), then times real ``dagster
asset materialize`` runs in a fresh warehouse and DAGSTER_HOME: the full build (wall time,
and per stage from ``marts.refresh_runs``), a refresh adding 100 articles, a refresh with
nothing new; CPU seconds and peak resident memory of each run's processes; extraction MB/s
per core; warehouse size. With two sizes or more it prints how each stage grew from the
smallest to the largest, and whether the targets hold at the largest. The last line is one
JSON object with every figure.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import duckdb

from .bench_corpus import fakes_csv, sentence_pool, write_corpus

REPO = Path(__file__).resolve().parent.parent
STAGES = ("ingestion", "extraction", "dbt")
# Acceptance targets (issue 8), checked at the largest size benchmarked.
TARGETS = {"full_build_s": 600.0, "plus100_s": 30.0, "nothing_new_s": 20.0, "peak_rss_mb": 2048.0}
MAX_GROWTH = 12.0  # each stage at 10x the articles: at most 12x the time
# Runs a command and reports the CPU time and peak RSS of everything it started.
MEASURED = """
import json, resource, subprocess, sys
code = subprocess.run(sys.argv[2:]).returncode
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
open(sys.argv[1], "w").write(json.dumps({"code": code, "cpu_s": usage.ru_utime + usage.ru_stime,
                                         "peak_rss_mb": usage.ru_maxrss / 1024}))
sys.exit(code)
"""


def add_bench_parser(subcommands: Any) -> None:
    """Register ``sitrep bench``."""
    parser = subcommands.add_parser(
        "bench", help="time a full build, +100 articles and a no-op refresh at scale",
        description="Build N-article corpora and time real refreshes (full, +100, nothing new) at each size.")
    parser.add_argument("--articles", default="10000", metavar="N[,N...]",
                        help="corpus size(s), comma-separated, e.g. 10000,100000 (default 10000)")
    parser.add_argument("--workdir", metavar="DIR", help="where corpora, warehouses and DAGSTER_HOMEs go "
                        "(default: a temp folder, removed afterwards)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--reuse", metavar="DIR", help="re-time refreshes on a warehouse a previous "
                        "`--keep` run left in DIR (its inbox/, w.duckdb, home/), without a new full build")
    parser.add_argument("--only", default="plus100,nothing_new", metavar="RUN[,RUN...]",
                        help="with --reuse: which refreshes to time, in order (plus100, nothing_new)")
    parser.add_argument("--repeat", type=int, default=1, help="with --reuse: time them this many times")
    parser.set_defaults(handler=run_bench)


def sizes_of(text: str | int) -> list[int]:
    sizes = sorted({int(part.replace("_", "")) for part in str(text).split(",") if part.strip()})
    if not sizes or sizes[0] < 1:
        raise SystemExit("sitrep bench: --articles takes positive numbers, e.g. 10000,100000")
    return sizes


def last_run(workdir: Path, started: float) -> dict[str, Any]:
    """The refresh's row: the last published one in marts.refresh_runs, or, for a refresh that
    published nothing (nothing new), its record waiting for the next publication."""
    pending = workdir / ".w.duckdb.builds" / "abandoned.jsonl"
    if pending.exists() and pending.stat().st_mtime > started:
        record = json.loads(pending.read_text().splitlines()[-1])
        return {**record.get("figures", {}), "outcome": record.get("outcome")}
    with duckdb.connect(str(workdir / "w.duckdb"), read_only=True) as conn:
        rel = conn.sql("SELECT * FROM marts.refresh_runs WHERE outcome = 'published' ORDER BY ended_at DESC LIMIT 1")
        return dict(zip(rel.columns, rel.fetchone()))


def refresh(workdir: Path, label: str) -> tuple[float, dict[str, Any]]:
    """One refresh as the scripts run it; (wall seconds, its run row plus ``cpu_s`` and
    ``peak_rss_mb`` of every process it started)."""
    env = {**os.environ, "SITREP_INBOX": str(workdir / "inbox"), "SITREP_DB": str(workdir / "w.duckdb"),
           "DAGSTER_HOME": str(workdir / "home"), "PYTHONPATH": str(REPO)}
    log, usage = workdir / f"{label}.log", workdir / f"{label}.usage.json"
    command = [sys.executable, "-c", MEASURED, str(usage), str(Path(sys.executable).parent / "dagster"),
               "asset", "materialize", "--select", "*", "-m", "orchestration.definitions"]
    started, clock = time.time(), time.perf_counter()
    with open(log, "w") as out:
        code = subprocess.run(command, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT).returncode
    seconds = time.perf_counter() - clock
    if code != 0 or "RUN_SUCCESS" not in log.read_text():
        raise SystemExit(f"sitrep bench: the {label} refresh failed; log in {log}")
    measured = json.loads(usage.read_text())
    return seconds, {**last_run(workdir, started), "cpu_s": round(measured["cpu_s"], 1),
                     "peak_rss_mb": round(measured["peak_rss_mb"])}


def extraction_mb_per_cpu_second(workdir: Path, n: int = 300) -> float:
    """The extractors alone on ``n`` corpus articles, in this process: MB of text per CPU second
    (what one core does, whatever else the machine runs)."""
    from orchestration.extract_pool import extract_chunk

    first = sorted((workdir / "inbox").glob("*.jsonl"))[0]
    texts = [json.loads(line)["text"] for line in first.read_text().splitlines()[: n + 1]]
    extract_chunk([("warm-up", texts[0], None)])
    started = time.process_time()
    extract_chunk([(str(i), t, None) for i, t in enumerate(texts[1:])])
    return sum(map(len, texts[1:])) / 1e6 / max(time.process_time() - started, 1e-9)


def run_bench(args: argparse.Namespace) -> int:
    if args.reuse:
        print(json.dumps(retime(Path(args.reuse), [r.strip() for r in args.only.split(",") if r.strip()],
                                args.repeat)))
        return 0
    sizes = sizes_of(args.articles)
    workdir = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="sitrep-bench-"))
    try:
        pool = sentence_pool()
        results = {n: bench_size(n, workdir / str(n) if len(sizes) > 1 else workdir, pool) for n in sizes}
        print(json.dumps(summary(results)))
        return 0
    finally:
        if not args.keep and not args.workdir:
            shutil.rmtree(workdir, ignore_errors=True)


def bench_size(n: int, workdir: Path, pool: list[str]) -> dict[str, Any]:
    """Full build, +100 and nothing new on a fresh N-article warehouse; the figures."""
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "home").mkdir(exist_ok=True)
    shutil.copy(REPO / "orchestration" / "dagster.yaml", workdir / "home" / "dagster.yaml")
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    files = write_corpus(workdir / "inbox", n, seed=1, prefix="corpus", pool=pool)
    corpus_mb = sum(f.stat().st_size for f in files) / 1e6
    print(f"[{n:,}] corpus: {len(files)} files, {corpus_mb:.1f} MB, {len(pool):,} distinct sentences "
          f"({'with' if fakes_csv() else 'without'} FA-KES) in {time.perf_counter() - started:.1f} s", flush=True)

    full_s, full = refresh(workdir, "full")
    stages = {k: full[f"{k}_seconds"] for k in STAGES}
    print(f"[{n:,}] full build: {full_s:.1f} s wall (ingestion {stages['ingestion']:.1f} s, extraction "
          f"{stages['extraction']:.1f} s, dbt {stages['dbt']:.1f} s; the rest is Dagster, checks, publication, "
          f"report); {full['cpu_s']:.0f} CPU s; peak RSS {full['peak_rss_mb']} MB", flush=True)

    write_corpus(workdir / "inbox", 100, seed=2, prefix="plus100", pool=pool)
    plus_s, plus = refresh(workdir, "plus100")
    print(f"[{n:,}] +100 articles: {plus_s:.1f} s wall, {plus['cpu_s']:.0f} CPU s ({plus['articles_new']} new, "
          f"{plus['articles_extracted']} extracted; ingestion {plus['ingestion_seconds']:.1f} s, extraction "
          f"{plus['extraction_seconds']:.1f} s, dbt {plus['dbt_seconds']:.1f} s)", flush=True)

    same_s, same = refresh(workdir, "nothing_new")
    print(f"[{n:,}] nothing new: {same_s:.1f} s wall, {same['cpu_s']:.0f} CPU s ({same['files_new']} new files, "
          f"{same['articles_extracted']} extracted, outcome {same.get('outcome')})", flush=True)

    with duckdb.connect(str(workdir / "w.duckdb"), read_only=True) as conn:
        chars = conn.execute("SELECT sum(n_chars) FROM raw.articles").fetchone()[0]
    from orchestration.extract_pool import workers

    mb_per_core = chars / 1e6 / max(stages["extraction"], 1e-9) / workers()
    mb_per_cpu_s = extraction_mb_per_cpu_second(workdir)
    peak_mb = max(full["peak_rss_mb"], plus["peak_rss_mb"], same["peak_rss_mb"])
    size_mb = (workdir / "w.duckdb").stat().st_size / 1e6
    print(f"[{n:,}] extraction: {mb_per_core:.2f} MB/s per core in the full build ({workers()} workers, wall "
          f"clock); {mb_per_cpu_s:.2f} MB per CPU second measured alone; peak RSS (largest process) "
          f"{peak_mb:.0f} MB; warehouse {size_mb:.0f} MB", flush=True)
    return {
        "articles": n, "corpus_mb": round(corpus_mb, 1), "full_build_s": round(full_s, 1),
        **{f"{k}_s": stages[k] for k in STAGES},
        "plus100_s": round(plus_s, 1), "nothing_new_s": round(same_s, 1),
        "plus100_stages_s": {k: plus[f"{k}_seconds"] for k in STAGES},
        "extraction_mb_per_s_per_core": round(mb_per_core, 3), "extraction_mb_per_cpu_s": round(mb_per_cpu_s, 3),
        "peak_rss_mb": round(peak_mb), "warehouse_mb": round(size_mb, 1), "workers": workers(),
        "cpus": os.cpu_count(), "full_build_cpu_s": full["cpu_s"], "plus100_cpu_s": plus["cpu_s"],
        "nothing_new_cpu_s": same["cpu_s"], "load_average_1min_before": round(load_before, 1),
        "load_average_1min_after": round(os.getloadavg()[0], 1),
    }


def retime(workdir: Path, runs: list[str], repeat: int = 1) -> dict[str, Any]:
    """Time ``runs`` (``plus100``: a file of 100 new articles, then a refresh; ``nothing_new``: a
    refresh of the unchanged inbox) on a kept bench folder, ``repeat`` times; the figures."""
    if not (workdir / "w.duckdb").exists() or not (workdir / "inbox").is_dir():
        raise SystemExit(f"sitrep bench --reuse: no kept bench warehouse in {workdir} (inbox/ and w.duckdb)")
    unknown = set(runs) - {"plus100", "nothing_new"}
    if unknown:
        raise SystemExit(f"sitrep bench --only: unknown run(s) {', '.join(sorted(unknown))}")
    (workdir / "home").mkdir(exist_ok=True)
    shutil.copy(REPO / "orchestration" / "dagster.yaml", workdir / "home" / "dagster.yaml")
    pool = sentence_pool() if "plus100" in runs else []
    with duckdb.connect(str(workdir / "w.duckdb"), read_only=True) as conn:
        n = conn.execute("SELECT count(*) FROM raw.articles").fetchone()[0]
    timed: list[dict[str, Any]] = []
    for round_ in range(repeat):
        for run in runs:
            label = f"{run}-{time.strftime('%H%M%S')}"
            if run == "plus100":  # a new seed per file: 100 articles the warehouse has not seen
                write_corpus(workdir / "inbox", 100, seed=1000 + int(time.time()) % 100000, prefix=label, pool=pool)
            load = os.getloadavg()[0]
            seconds, row = refresh(workdir, label)
            figures = {"run": run, "wall_s": round(seconds, 1), "cpu_s": row["cpu_s"], "peak_rss_mb": row["peak_rss_mb"],
                       "load_average_1min_before": round(load, 1),
                       **{f"{k}_s": row.get(f"{k}_seconds") for k in STAGES},
                       "articles_new": row.get("articles_new"), "outcome": row.get("outcome")}
            timed.append(figures)
            print(f"[{n:,}] {run}: {seconds:.1f} s wall, {row['cpu_s']:.0f} CPU s, load {load:.1f} "
                  f"(ingestion {figures['ingestion_s']}, extraction {figures['extraction_s']}, dbt {figures['dbt_s']})",
                  flush=True)
    return {"articles": n, "runs": timed, "load_average_1min_at_end": round(os.getloadavg()[0], 1)}


def summary(results: dict[int, dict[str, Any]]) -> dict[str, Any]:
    """Every size's figures; with two sizes or more, each stage's growth from the smallest to
    the largest and whether the targets hold at the largest (printed too)."""
    sizes = sorted(results)
    figures: dict[str, Any] = {"sizes": {str(n): results[n] for n in sizes}}
    largest = results[sizes[-1]]
    checks = {name: largest[name] <= limit for name, limit in TARGETS.items()}
    if len(sizes) > 1:
        small = results[sizes[0]]
        scale = sizes[-1] / sizes[0]
        allowed = MAX_GROWTH * scale / 10
        ratios = {k: round(largest[k] / max(small[k], 1e-9), 2)
                  for k in ("full_build_s", *(f"{s}_s" for s in STAGES), "plus100_s", "nothing_new_s")}
        figures.update(ratios=ratios, ratio_limit=allowed)
        for stage in STAGES:
            checks[f"{stage}_growth"] = ratios[f"{stage}_s"] <= allowed
        print(f"growth from {sizes[0]:,} to {sizes[-1]:,} articles ({scale:g}x; a stage may grow {allowed:g}x): "
              + ", ".join(f"{k.removesuffix('_s')} {v:g}x" for k, v in ratios.items()))
    for name, held in checks.items():
        limit = TARGETS.get(name)
        print(f"target {name}{f' <= {limit:g}' if limit else ''} at {sizes[-1]:,}: {'holds' if held else 'MISSED'}")
    figures["targets"] = checks
    figures["load_average_1min_at_end"] = round(os.getloadavg()[0], 1)
    return figures


register = add_bench_parser  # the ``sitrep.commands`` convention: ``register(subcommands)``
