"""Extraction speed: ``extractors.extract_article`` alone over the FA-KES dev articles.

No Dagster, no DuckDB: the articles are read once and the extractors warmed up on one
article (reference tables loaded, patterns compiled); then all articles are extracted three
times on one core (``os.sched_setaffinity(0, {0})``), each pass starting with the
memoised per-text results cleared (``clear_text_caches``), so no pass reuses another's
work. The best pass counts, measured both as wall time and as CPU seconds of this
process (user + system, ``time.process_time``): on a shared, loaded machine the wall
time mostly measures the other processes, the CPU time the extractors. The budget is
2.5 CPU seconds for the 480 dev articles, all four fact types together (issue 7).

    .venv/bin/python benchmarks/extraction_speed.py            # speed
    .venv/bin/python benchmarks/extraction_speed.py --memory   # plus peak RSS

FA-KES: Abu Salem et al. 2019, CC BY 4.0 (read from ../shared, never copied here).
"""
from __future__ import annotations

import argparse
import csv
import os
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
_DEV_CSV = Path("benchmarks") / "fakes" / "dev.csv"
# ../shared beside the repo; a git worktree elsewhere falls back to the machine's /work/shared
DEFAULT_CSV = next((p for p in (REPO.parent / "shared" / _DEV_CSV, Path("/work/shared") / _DEV_CSV) if p.is_file()),
                   REPO.parent / "shared" / _DEV_CSV)
BUDGET_SECONDS = 2.5
REPEATS = 3

sys.path.insert(0, str(REPO))

from evaluation.sources import CLAIM_LISTS, Article, parse_fakes_date  # noqa: E402
from extractors import extract_article  # noqa: E402  (imported before timing starts)
from extractors.pipeline import clear_text_caches  # noqa: E402


def read_rows(path: Path) -> list[Article]:
    """Every CSV row as an article (repeated unit_ids included: that is the corpus as given)."""
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as handle:
        return [Article(row["unit_id"], row["article_content"] or "", parse_fakes_date(row["date"]))
                for row in csv.DictReader(handle)]


def extract_all(articles: list[Article]) -> dict[str, int]:
    """Run the extractors over every article; claims per fact type."""
    counts = dict.fromkeys(CLAIM_LISTS.values(), 0)
    for article in articles:
        claims = extract_article(article.text, article.article_id, article.published_at)
        for attribute, fact_type in CLAIM_LISTS.items():
            counts[fact_type] += len(getattr(claims, attribute))
    return counts


def pin_to_one_core() -> str:
    try:
        os.sched_setaffinity(0, {0})
        return "pinned to core 0"
    except (AttributeError, OSError) as error:  # not Linux, or core 0 not allowed
        return f"not pinned ({error})"


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MB (ru_maxrss is KB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, default=DEFAULT_CSV, help="FA-KES-style CSV")
    parser.add_argument("--memory", action="store_true", help="also print peak RSS")
    args = parser.parse_args(argv)
    if not args.articles.is_file():
        print(f"SKIP: {args.articles} not found: the FA-KES dev set lives in ../shared beside the "
              "repository (never in it); from another checkout pass --articles /path/to/dev.csv")
        return 0

    pinning = pin_to_one_core()
    articles = read_rows(args.articles)
    rss_before = peak_rss_mb()
    timings = []
    cpu_timings = []
    counts: dict[str, int] = {}
    extract_article(articles[0].text, articles[0].article_id, articles[0].published_at)  # warm-up
    for _ in range(REPEATS):
        clear_text_caches()
        started, cpu_started = time.perf_counter(), time.process_time()
        counts = extract_all(articles)
        timings.append(time.perf_counter() - started)
        cpu_timings.append(time.process_time() - cpu_started)
    best = min(timings)
    best_cpu = min(cpu_timings)

    print(f"articles:            {len(articles)}")
    print(f"characters:          {sum(len(a.text) for a in articles):,}")
    for fact_type, n in counts.items():
        print(f"{fact_type + ':':<21}{n}")
    print(f"wall seconds:        {best:.3f} (best of {REPEATS}: {', '.join(f'{t:.3f}' for t in timings)}; {pinning})")
    print(f"cpu seconds:         {best_cpu:.3f} (best of {REPEATS}: {', '.join(f'{t:.3f}' for t in cpu_timings)})")
    print(f"load average:        {' '.join(f'{x:.2f}' for x in os.getloadavg())} (1/5/15 min, {os.cpu_count()} cores)")
    print(f"articles/second:     {len(articles) / best_cpu:,.0f} (per CPU second)")
    print(f"budget:              {BUDGET_SECONDS:.1f} CPU s -> {'OK' if best_cpu <= BUDGET_SECONDS else 'OVER BUDGET'}")
    if args.memory:
        print(f"peak RSS:            {peak_rss_mb():.1f} MB (after loading articles: {rss_before:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
