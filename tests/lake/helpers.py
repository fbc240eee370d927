"""Helpers of the DuckLake acceptance tests: split inboxes, mart contents, environments."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

from orchestration.assets.dbt import environment as env_for  # noqa: F401 (os.environ for a block)
from tests.storage.helpers import CLOCK_COLUMNS

REPO = Path(__file__).resolve().parents[2]
SPLIT = {"a": ("000", "001", "002"), "b": ("003", "004")}


def split_inboxes(seeds: Path, root: Path) -> Path:
    """``root/a`` and ``root/b`` with the seed articles split between them (each with its
    manifest rows); ``root`` itself is the inbox holding both. The texts are copied into the
    test's temp dir only."""
    with (seeds / "manifest.csv").open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    for part, prefixes in SPLIT.items():
        folder = root / part
        folder.mkdir(parents=True)
        mine = [r for r in rows if r["file"][:3] in prefixes]
        for row in mine:
            shutil.copyfile(seeds / row["file"], folder / row["file"])
        with (folder / "manifest.csv").open("w", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(mine)
    shutil.copyfile(seeds / "manifest.csv", root / "manifest.csv")
    return root


def mart_contents(conn) -> dict[str, list[tuple]]:
    """Every marts table of the warehouse ``conn`` reads (file or lake), rows sorted, without
    the wall-clock columns and the run log (``refresh_runs``)."""
    tables = [r[0] for r in conn.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'marts' "
        "AND table_catalog = current_database() AND table_name <> 'refresh_runs' ORDER BY 1").fetchall()]
    contents = {}
    for table in tables:
        columns = [r[0] for r in conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'marts' "
            "AND table_catalog = current_database() AND table_name = ? ORDER BY ordinal_position",
            [table]).fetchall() if r[0] not in CLOCK_COLUMNS]
        select = ", ".join(f'"{c}"' for c in columns)
        contents[table] = sorted(conn.execute(f"SELECT {select} FROM marts.{table}").fetchall(), key=repr)
    return contents
