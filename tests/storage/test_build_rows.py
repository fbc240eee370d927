"""A refresh's build connection: the database keeps the name DuckDB gives the file (dbt's SQL
names the build after it), and new rows start small row groups, so a small refresh's checkpoint
rewrites a few thousand rows, not a table's whole last row group of 122,880."""
from __future__ import annotations

import duckdb

from warehouse.build_files import ROW_GROUP_SIZE, connect_build

ROWS = 50_000  # one default row group; three and a bit of ours


def row_groups(path) -> list[int]:
    with duckdb.connect(str(path), read_only=True) as conn:
        return [n for (n,) in conn.execute(
            "SELECT max(count) FROM pragma_storage_info('raw.articles') GROUP BY row_group_id "
            "ORDER BY row_group_id").fetchall()]


def test_the_build_is_named_as_duckdb_names_the_file(tmp_path):
    for file_name, name in [("dbt.duckdb", "dbt"), ("0a1b-c2.duckdb", "0a1b-c2"), (".w.duckdb", "w")]:
        with connect_build(tmp_path / file_name) as conn:
            assert conn.execute("SELECT current_database()").fetchone()[0] == name
        with duckdb.connect(str(tmp_path / file_name)) as plain:
            assert plain.execute("SELECT current_database()").fetchone()[0] == name


def test_new_rows_start_small_row_groups_after_a_large_one(tmp_path):
    path = tmp_path / "w.duckdb"
    with duckdb.connect(str(path)) as conn:  # a warehouse written with DuckDB's default row groups
        conn.execute("CREATE SCHEMA raw")
        conn.execute(f"CREATE TABLE raw.articles AS SELECT i AS id, repeat('x', 200) AS text FROM range({ROWS}) t(i)")
    assert row_groups(path) == [ROWS]

    with connect_build(path) as conn:  # a refresh adds 100 rows, then a larger batch
        conn.execute(f"INSERT INTO raw.articles SELECT i, 'new' FROM range({ROWS}, {ROWS} + 100) t(i)")
    assert row_groups(path) == [ROWS, 100]  # the large group is left as it was
    with connect_build(path) as conn:
        conn.execute(f"INSERT INTO raw.articles SELECT i, 'more' FROM range(0, {ROW_GROUP_SIZE}) t(i)")
    groups = row_groups(path)
    assert groups[0] == ROWS and sum(groups) == ROWS + 100 + ROW_GROUP_SIZE
    assert max(groups[1:]) == ROW_GROUP_SIZE  # no row group beyond the first grows past it
    with connect_build(path, read_only=True) as conn:
        assert conn.execute("SELECT count(*) FROM raw.articles").fetchone()[0] == ROWS + 100 + ROW_GROUP_SIZE
