"""``sitrep query`` and ``sitrep export`` on a warehouse built from the seeds: formats, list
columns, read-only, GeoJSON through the spatial extension loaded offline."""
from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest

from tests.sitrep.run import sitrep

pytestmark = pytest.mark.slow

HAMA = "select place_name, controller from marts.territorial_control where place_name = 'Hama'"


def test_query_prints_a_table(seeds_db) -> None:
    run = sitrep("query", HAMA, db=seeds_db)
    assert run.returncode == 0, run.stderr
    assert "Hama" in run.stdout and "hts" in run.stdout and "1 row" in run.stdout


def test_query_csv_joins_lists_and_json_keeps_arrays(seeds_db) -> None:
    sql = "select place_name, claimants from marts.control_events where place_name = 'Hama' and n_articles = 3"
    csv_run = sitrep("query", sql, "--csv", db=seeds_db)
    assert csv_run.returncode == 0, csv_run.stderr
    header, row = csv_run.stdout.strip().splitlines()
    assert header == "place_name,claimants"
    assert "; " in row and "[" not in row
    json_run = sitrep("query", sql, "--json", db=seeds_db)
    rows = json.loads(json_run.stdout)
    assert isinstance(rows[0]["claimants"], list) and len(rows[0]["claimants"]) >= 2
    assert "; ".join(rows[0]["claimants"]) in row


def test_query_parquet_keeps_list_columns(seeds_db, tmp_path) -> None:
    out = tmp_path / "events.parquet"
    run = sitrep("query", "select place_name, claim_ids from marts.control_events", "--parquet", str(out), db=seeds_db)
    assert run.returncode == 0, run.stderr
    table = pq.read_table(out)
    assert str(table.schema.field("claim_ids").type).startswith("list")
    assert table.num_rows > 5


def test_query_refuses_writes_and_other_files(seeds_db) -> None:
    for sql in ("drop table marts.quarantine", "copy marts.dim_articles to '/tmp/x.csv'",
                "create table marts.x as select 1"):
        run = sitrep("query", sql, db=seeds_db)
        assert run.returncode == 2 and "only reading statements" in run.stderr, (sql, run.stderr)
    run = sitrep("query", "select * from read_csv('/etc/passwd')", db=seeds_db)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    run = sitrep("query", "select * from marts.no_such_table", db=seeds_db)
    assert run.returncode == 2 and "no_such_table" in run.stderr and "Traceback" not in run.stderr


def test_query_without_a_warehouse_says_so(tmp_path) -> None:
    run = sitrep("query", "select 1", db=tmp_path / "missing.duckdb")
    assert run.returncode == 2 and "no published warehouse" in run.stderr and "Traceback" not in run.stderr


def test_export_geojson_through_spatial(seeds_db, tmp_path) -> None:
    out = tmp_path / "control.geojson"
    run = sitrep("export", "territorial_control", "--format", "geojson", "--out", str(out), db=seeds_db)
    assert run.returncode == 0, run.stderr
    assert "without coordinates left out" in run.stderr
    collection = json.loads(out.read_text())
    hama = [f for f in collection["features"] if f["properties"]["place_name"] == "Hama"]
    assert hama and hama[0]["properties"]["controller"] == "hts"
    lon, lat = hama[0]["geometry"]["coordinates"]
    assert hama[0]["geometry"]["type"] == "Point" and 36 < lon < 37.5 and 34.5 < lat < 35.5


def test_export_csv_and_parquet(seeds_db, tmp_path) -> None:
    run = sitrep("export", "control_events", "--format", "csv", "--out", "-", db=seeds_db)
    assert run.returncode == 0, run.stderr
    assert "Hama" in run.stdout and '["' not in run.stdout
    run = sitrep("export", "marts.claims_with_sources", "--format", "parquet", db=seeds_db, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    table = pq.read_table(tmp_path / "claims_with_sources.parquet")
    assert {"claimant", "via", "outlet", "title", "evidence_substr_start"} <= set(table.column_names)
    run = sitrep("export", "nothing_here", db=seeds_db)
    assert run.returncode == 2 and "public tables are" in run.stderr
