"""The benchmark corpus (distinct texts, JSONL files of 1,000) and the pruning of dbt's
per-run target folders."""
from __future__ import annotations

import json
import os
from pathlib import Path

from orchestration.assets.dbt import prune_target
from sitrep.bench_corpus import write_corpus


def test_bench_corpus_is_distinct_articles_in_files_of_a_thousand(tmp_path: Path) -> None:
    files = write_corpus(tmp_path, 2300, seed=5)
    assert [f.name for f in files] == ["part-0000.jsonl", "part-0001.jsonl", "part-0002.jsonl"]
    records = [json.loads(line) for f in files for line in f.read_text().splitlines()]
    assert [len(f.read_text().splitlines()) for f in files] == [1000, 1000, 300]
    assert len({r["text"] for r in records}) == 2300
    assert write_corpus(tmp_path / "again", 10, seed=5)[0].read_text() == \
        "".join(line + "\n" for line in files[0].read_text().splitlines()[:10])  # deterministic


def test_dbt_target_keeps_only_the_last_runs_folders(tmp_path: Path) -> None:
    for i in range(8):
        folder = tmp_path / f"sitrep_dbt_models-{i:07d}-abcdef{i}"
        folder.mkdir()
        os.utime(folder, (1000 + i, 1000 + i))
    (tmp_path / "manifest.json").write_text("{}")
    assert prune_target(tmp_path, keep=3) == 5
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "manifest.json", "sitrep_dbt_models-0000005-abcdef5", "sitrep_dbt_models-0000006-abcdef6",
        "sitrep_dbt_models-0000007-abcdef7"]
