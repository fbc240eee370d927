"""Inbox reading speed and memory: a generated bulk JSONL (and the same articles as CSV)
read record by record with ``warehouse.inbox.read_file`` (decode, manifest, dates,
language check). No DuckDB: only the reading side.

    .venv/bin/python benchmarks/inbox_read.py                  # 20,000 articles, ~50 MB
    .venv/bin/python benchmarks/inbox_read.py --articles 100000

Prints MB/s and articles/s per format and the peak resident memory of this process; the
last line is one JSON object with the figures. The files are written to a temporary
folder and removed.
"""
from __future__ import annotations

import argparse
import csv
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from warehouse.inbox import read_file, read_manifest, scan_inbox  # noqa: E402
from warehouse.records import ArticleRecord  # noqa: E402

SENTENCE = ("Clashes continued near the town of {n} on Tuesday as government forces shelled "
            "positions held by opposition fighters, a monitoring group said, adding that {n} "
            "civilians had fled towards the border. ")


def article(n: int, size: int) -> dict[str, str]:
    text = (SENTENCE.format(n=n) * (size // len(SENTENCE) + 1))[:size]
    return {"id": f"a{n}", "title": f"Report {n}", "text": text, "outlet": "Wire",
            "published_at": "2025-01-02"}


def write_files(folder: Path, articles: int, size: int) -> None:
    with (folder / "bulk.jsonl").open("w", encoding="utf-8") as out:
        for n in range(articles):
            out.write(json.dumps(article(n, size)) + "\n")
    with (folder / "bulk.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(article(0, 10)))
        writer.writeheader()
        for n in range(articles):
            writer.writerow(article(n, size))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--size", type=int, default=2_500, help="characters of text per article")
    args = parser.parse_args()
    figures: dict[str, float | int] = {"articles": args.articles}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_files(folder, args.articles, args.size)
        scan = scan_inbox(folder)
        manifest = read_manifest(folder)
        for item in scan.files:
            fmt = item.suffix.lstrip(".")
            start = time.perf_counter()
            records = sum(isinstance(e, ArticleRecord) for e in read_file(folder, item, manifest))
            seconds = time.perf_counter() - start
            megabytes = item.size / 1e6
            print(f"{fmt}: {records} articles, {megabytes:.1f} MB in {seconds:.1f} s = "
                  f"{megabytes / seconds:.1f} MB/s, {records / seconds:,.0f} articles/s")
            figures.update({f"{fmt}_mb": round(megabytes, 1), f"{fmt}_seconds": round(seconds, 2),
                            f"{fmt}_mb_per_s": round(megabytes / seconds, 1)})
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory: {peak_mb:.0f} MB")
    figures["peak_rss_mb"] = round(peak_mb)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
