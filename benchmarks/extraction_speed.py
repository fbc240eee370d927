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
    .venv/bin/python benchmarks/extraction_speed.py --repeats 7 --dump /tmp/claims.jsonl
        # more passes on a loaded machine; every claim as JSON lines, to check that a
        # speed change changed no output (``cmp`` two dumps)

``--against CHECKOUT`` also compares with another checkout's extractors (an export of main,
say) in this process: article by article in turn, caches cleared before each, the least CPU
of the rounds per article summed. On a shared machine a pass's CPU seconds vary by a fifth
with the load; this ratio stays within about 1 % (the same code against itself: 1.00).

It also starts new processes (skip with ``--no-cold``) and prints their CPU seconds up to
the first article's claims and up to the first 100 articles' (what a small refresh pays):
once with an empty start-up cache (a temporary ``XDG_CACHE_HOME``: every cached table is
built and written) and once with the user's cache (``extractors/startup_cache.py``).

FA-KES: Abu Salem et al. 2019, CC BY 4.0 (read from ../shared, never copied here).
"""
from __future__ import annotations

import argparse
import csv
import importlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
_DEV_CSV = Path("benchmarks") / "fakes" / "dev.csv"
# ../shared beside the repo; a git worktree elsewhere falls back to the machine's /work/shared
DEFAULT_CSV = next((p for p in (REPO.parent / "shared" / _DEV_CSV, Path("/work/shared") / _DEV_CSV) if p.is_file()),
                   REPO.parent / "shared" / _DEV_CSV)
BUDGET_SECONDS = 2.5
REPEATS = 3
COLD_ARTICLES = 100  # a refresh that adds about this many articles starts a new process

sys.path.insert(0, str(REPO))

from evaluation.sources import CLAIM_LISTS, Article, parse_fakes_date  # noqa: E402
from extractors import extract_article  # noqa: E402  (imported before timing starts)
from extractors.pipeline import clear_text_caches  # noqa: E402

_IMPORTED_CPU = time.process_time()  # interpreter start and every import, for a child run


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
    parser.add_argument("--repeats", type=int, default=REPEATS,
                        help=f"timed passes, the best one counts (default {REPEATS}; more on a loaded machine)")
    parser.add_argument("--dump", type=Path, metavar="JSONL",
                        help="also write every claim (extractor version fixed, sorted) to compare outputs across changes")
    parser.add_argument("--no-cold", action="store_true", help="skip the new-process (cold start) figures")
    parser.add_argument("--against", type=Path, metavar="CHECKOUT",
                        help="also compare with another checkout's extractors in this process (e.g. an export of main): "
                             "each article extracted by both in turn, caches cleared before each, the least CPU of "
                             f"{REPEATS} rounds per article summed; the ratio holds on a loaded machine where passes do not")
    parser.add_argument("--cold-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not args.articles.is_file():
        print(f"SKIP: {args.articles} not found: the FA-KES dev set lives in ../shared beside the "
              "repository (never in it); from another checkout pass --articles /path/to/dev.csv")
        return 0

    pinning = pin_to_one_core()
    articles = read_rows(args.articles)
    if args.cold_child:
        return cold_child(articles)
    rss_before = peak_rss_mb()
    timings = []
    cpu_timings = []
    counts: dict[str, int] = {}
    extract_article(articles[0].text, articles[0].article_id, articles[0].published_at)  # warm-up
    for _ in range(max(1, args.repeats)):
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
    print(f"wall seconds:        {best:.3f} (best of {len(timings)}: {', '.join(f'{t:.3f}' for t in timings)}; {pinning})")
    print(f"cpu seconds:         {best_cpu:.3f} (best of {len(cpu_timings)}: {', '.join(f'{t:.3f}' for t in cpu_timings)})")
    print(f"load average:        {' '.join(f'{x:.2f}' for x in os.getloadavg())} (1/5/15 min, {os.cpu_count()} cores)")
    print(f"articles/second:     {len(articles) / best_cpu:,.0f} (per CPU second)")
    print(f"budget:              {BUDGET_SECONDS:.1f} CPU s -> {'OK' if best_cpu <= BUDGET_SECONDS else 'OVER BUDGET'}")
    if args.against is not None:
        print_comparison(articles, args.against, max(1, args.repeats))
    if not args.no_cold:
        print_cold_start(args.articles)
    if args.memory:
        print(f"peak RSS:            {peak_rss_mb():.1f} MB (after loading articles: {rss_before:.1f} MB)")
    if args.dump:
        lines = dump_claims(articles)
        args.dump.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        print(f"claims written:      {len(lines)} to {args.dump}")
    return 0


def print_comparison(articles: list[Article], checkout: Path, rounds: int) -> None:
    """CPU seconds of this checkout's extractors and of ``checkout``'s over the same articles,
    measured article by article in turn (order alternating) with every per-text cache cleared
    before each, the least of ``rounds`` per article summed: a burst of load then touches
    one article's figure, not a whole pass (the same code against itself reads 1.00)."""
    package = checkout.resolve() / "extractors"
    if not (package / "pipeline.py").is_file():
        print(f"compare:             SKIP: no extractors package in {checkout}")
        return
    with tempfile.TemporaryDirectory(prefix="sitrep-against-") as folder:
        # the other package under another name (it imports itself relatively only)
        os.symlink(package, Path(folder) / "extractors_against")
        sys.path.insert(0, folder)
        try:
            other = importlib.import_module("extractors_against")
            other_clear = importlib.import_module("extractors_against.pipeline").clear_text_caches
        finally:
            sys.path.remove(folder)
        sides = [(extract_article, clear_text_caches), (other.extract_article, other_clear)]
        for article in articles:  # warm both: reference tables, compiled patterns
            for extract, _ in sides:
                extract(article.text, article.article_id, article.published_at)
        best = [[float("inf")] * len(articles) for _ in sides]
        for round_ in range(rounds):
            for i, article in enumerate(articles):
                order = (0, 1) if (i + round_) % 2 == 0 else (1, 0)
                for side in order:
                    extract, clear = sides[side]
                    clear()
                    started = time.process_time()
                    extract(article.text, article.article_id, article.published_at)
                    best[side][i] = min(best[side][i], time.process_time() - started)
    this, that = sum(best[0]), sum(best[1])
    print(f"compare:             {this:.3f} CPU s here, {that:.3f} in {checkout} (sum of per-article least of "
          f"{rounds} rounds): ratio {this / that:.3f}")


def cold_child(articles: list[Article]) -> int:
    """In a new process: CPU seconds (of the process, interpreter start included) after the
    imports, after the first article and after the first ``COLD_ARTICLES``, as JSON."""
    reading = time.process_time()
    first = articles[0]
    extract_article(first.text, first.article_id, first.published_at)
    after_first = time.process_time()
    extract_all(articles[1:COLD_ARTICLES])
    after_all = time.process_time()
    # reading the CSV is not extraction: its CPU time is left out of the later figures
    print(json.dumps({"imports": _IMPORTED_CPU, "first": after_first - (reading - _IMPORTED_CPU),
                      "batch": after_all - (reading - _IMPORTED_CPU)}))
    return 0


def cold_start(articles: Path, cache_home: str | None) -> dict[str, float]:
    """The child run in a new process, with the user's start-up cache (``cache_home`` None)
    or with an empty one (a temporary ``XDG_CACHE_HOME``: every table is built and written)."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    if cache_home is not None:
        env["XDG_CACHE_HOME"] = cache_home
    out = subprocess.run([sys.executable, __file__, "--articles", str(articles), "--cold-child"],
                         env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def print_cold_start(articles: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="sitrep-cold-") as empty:
        # the empty-cache run first: it also leaves the version cache of a changed tree
        # written, so the warm run pays neither
        runs = {"empty cache": cold_start(articles, empty)}
        cold_start(articles, None)  # fills the user's cache if it was stale
        runs["warm cache"] = cold_start(articles, None)
    for label, run in runs.items():
        print(f"new process ({label + '):':<13} {run['imports']:.2f} CPU s to import, {run['first']:.2f} up to the first "
              f"article's claims, {run['batch']:.2f} up to the first {COLD_ARTICLES} articles' (from process start)")


def dump_claims(articles: list[Article]) -> list[str]:
    """Every claim's row as sorted JSON lines, with the extractor version (a hash of the code,
    so of every change) replaced by a fixed one in the row, the claim id and ``part_of``: two
    versions of the code that extract the same claims give the same lines."""
    lines = []
    for article in articles:
        claims = extract_article(article.text, article.article_id, article.published_at)
        every = [c for attribute in CLAIM_LISTS for c in getattr(claims, attribute)]
        fixed = {c.claim_id: replace(c, extractor_version="fixed").claim_id for c in every}
        for claim in every:
            row = claim.to_row()
            row.update(claim_id=fixed[claim.claim_id], extractor_version="fixed", fact_type=claim.fact_type)
            if row.get("part_of") is not None:
                row["part_of"] = fixed.get(row["part_of"], "not among this article's claims")
            lines.append(json.dumps(row, sort_keys=True, default=str))
    return sorted(lines)


if __name__ == "__main__":
    sys.exit(main())
