"""``sitrep bench --articles N``: the whole refresh at scale, as the scripts run it.

Builds a corpus of N distinct articles (recombined sentences of the sample articles and,
when present, FA-KES dev; JSONL files of 1,000), then times real ``dagster asset
materialize`` runs in a fresh warehouse and DAGSTER_HOME: the full build (wall time, and per
stage from ``marts.refresh_runs``), a refresh adding 100 articles, a refresh with nothing new.
Prints extraction MB/s per core, the peak resident memory of any process of the runs, and the
warehouse size; the last line is one JSON object with every figure.
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

import duckdb

from .bench_corpus import fakes_csv, sentence_pool, write_corpus

REPO = Path(__file__).resolve().parent.parent


def add_bench_parser(subcommands: Any) -> None:
    """Register ``sitrep bench``."""
    parser = subcommands.add_parser(
        "bench", help="time a full build, +100 articles and a no-op refresh at scale",
        description="Build an N-article corpus and time real refreshes (full, +100, nothing new).")
    parser.add_argument("--articles", type=int, default=10_000, metavar="N", help="corpus size (default 10,000)")
    parser.add_argument("--workdir", metavar="DIR", help="where corpus, warehouse and DAGSTER_HOME go "
                        "(default: a temp folder, removed afterwards)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.set_defaults(handler=run_bench)


def cpu_seconds() -> float:
    """User + system CPU time of every finished child process so far (dbt and the workers too)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def refresh(workdir: Path, label: str) -> tuple[float, dict[str, Any]]:
    """One refresh as the scripts run it; (wall seconds, its marts.refresh_runs row with the
    CPU seconds it used as ``cpu_s``)."""
    cpu_before = cpu_seconds()
    env = {**os.environ, "SITREP_INBOX": str(workdir / "inbox"), "SITREP_DB": str(workdir / "w.duckdb"),
           "DAGSTER_HOME": str(workdir / "home"), "PYTHONPATH": str(REPO)}
    log = workdir / f"{label}.log"
    started = time.perf_counter()
    with open(log, "w") as out:
        code = subprocess.run([str(Path(sys.executable).parent / "dagster"), "asset", "materialize", "--select",
                               "*", "-m", "orchestration.definitions"], cwd=REPO, env=env, stdout=out,
                              stderr=subprocess.STDOUT).returncode
    seconds = time.perf_counter() - started
    if code != 0 or "RUN_SUCCESS" not in log.read_text():
        raise SystemExit(f"sitrep bench: the {label} refresh failed; log in {log}")
    with duckdb.connect(str(workdir / "w.duckdb"), read_only=True) as conn:
        rel = conn.sql("SELECT * FROM marts.refresh_runs WHERE outcome = 'published' ORDER BY ended_at DESC LIMIT 1")
        row = dict(zip(rel.columns, rel.fetchone()))
    row["cpu_s"] = round(cpu_seconds() - cpu_before, 1)
    return seconds, row


def extraction_mb_per_cpu_second(workdir: Path, n: int = 300) -> float:
    """The extractors alone on ``n`` corpus articles, in this process: MB of text per CPU second
    (what one core does, whatever else the machine runs)."""
    import json

    from orchestration.extract_pool import extract_chunk

    first = sorted((workdir / "inbox").glob("*.jsonl"))[0]
    texts = [json.loads(line)["text"] for line in first.read_text().splitlines()[: n + 1]]
    extract_chunk([("warm-up", texts[0], None)])
    started = time.process_time()
    extract_chunk([(str(i), t, None) for i, t in enumerate(texts[1:])])
    return sum(map(len, texts[1:])) / 1e6 / max(time.process_time() - started, 1e-9)


def run_bench(args: argparse.Namespace) -> int:
    workdir = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="sitrep-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "home").mkdir(exist_ok=True)
    shutil.copy(REPO / "orchestration" / "dagster.yaml", workdir / "home" / "dagster.yaml")
    try:
        return _bench(args.articles, workdir)
    finally:
        if not args.keep and not args.workdir:
            shutil.rmtree(workdir, ignore_errors=True)


def _bench(n: int, workdir: Path) -> int:
    pool = sentence_pool()
    started = time.perf_counter()
    files = write_corpus(workdir / "inbox", n, seed=1, prefix="corpus", pool=pool)
    corpus_mb = sum(f.stat().st_size for f in files) / 1e6
    print(f"corpus: {n:,} articles, {len(files)} files, {corpus_mb:.1f} MB, {len(pool):,} distinct sentences "
          f"({'with' if fakes_csv() else 'without'} FA-KES) in {time.perf_counter() - started:.1f} s")

    full_s, full = refresh(workdir, "full")
    stages = {k: full[f"{k}_seconds"] for k in ("ingestion", "extraction", "dbt")}
    print(f"full build: {full_s:.1f} s wall (ingestion {stages['ingestion']:.1f} s, extraction "
          f"{stages['extraction']:.1f} s, dbt {stages['dbt']:.1f} s; the rest is Dagster, checks, publication); {full['cpu_s']:.0f} CPU s")

    write_corpus(workdir / "inbox", 100, seed=2, prefix="plus100", pool=pool)
    plus_s, plus = refresh(workdir, "plus100")
    print(f"+100 articles: {plus_s:.1f} s wall, {plus['cpu_s']:.0f} CPU s ({plus['articles_new']} new, "
          f"{plus['articles_extracted']} extracted)")

    same_s, same = refresh(workdir, "nothing_new")
    print(f"nothing new: {same_s:.1f} s wall, {same['cpu_s']:.0f} CPU s ({same['files_new']} new files, "
          f"{same['articles_extracted']} extracted)")

    chars = duckdb.connect(str(workdir / "w.duckdb"), read_only=True).execute(
        "SELECT sum(n_chars) FROM raw.articles").fetchone()[0]
    from orchestration.extract_pool import workers

    mb_per_core = chars / 1e6 / max(stages["extraction"], 1e-9) / workers()
    mb_per_cpu_s = extraction_mb_per_cpu_second(workdir)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    size_mb = (workdir / "w.duckdb").stat().st_size / 1e6
    print(f"extraction: {mb_per_core:.2f} MB/s per core in the full build ({workers()} workers, wall clock); "
          f"{mb_per_cpu_s:.2f} MB per CPU second measured alone")
    print(f"peak RSS (largest process): {peak_mb:.0f} MB; warehouse: {size_mb:.0f} MB")
    figures = {
        "articles": n, "corpus_mb": round(corpus_mb, 1), "full_build_s": round(full_s, 1),
        "ingestion_s": stages["ingestion"], "extraction_s": stages["extraction"], "dbt_s": stages["dbt"],
        "plus100_s": round(plus_s, 1), "nothing_new_s": round(same_s, 1),
        "extraction_mb_per_s_per_core": round(mb_per_core, 3), "extraction_mb_per_cpu_s": round(mb_per_cpu_s, 3), "peak_rss_mb": round(peak_mb),
        "warehouse_mb": round(size_mb, 1), "workers": workers(), "cpus": os.cpu_count(),
        "full_build_cpu_s": full["cpu_s"], "plus100_cpu_s": plus["cpu_s"], "nothing_new_cpu_s": same["cpu_s"],
        "load_average_1min_at_end": round(os.getloadavg()[0], 1),
    }
    print(json.dumps(figures))
    return 0


register = add_bench_parser  # the ``sitrep.commands`` convention: ``register(subcommands)``
