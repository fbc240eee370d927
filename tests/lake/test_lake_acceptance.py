"""DuckLake acceptance, with real servers (PostgreSQL, moto S3) and real Dagster runs
(``dagster asset materialize``, as the scripts run it).

- Reference: the seed articles (split in two inbox folders under one) refreshed once into the
  default backend, the DuckDB file.
- DuckLake (PostgreSQL catalog, local data), team Dagster instance in PostgreSQL: two runs at
  once on the two inboxes while a third process queries every 0.2 s. The union lands, equal to
  the file's marts; every query answers with one published snapshot; ``sitrep query --as-of``
  between the two publications gives the first refresh's rows; both runs are visible from a
  third process through the shared instance; the end-to-end checks of
  tests/orchestration/test_cli_seeds.py pass on the lake.
- DuckLake with data in S3 (moto): one run of both inboxes; marts equal the file's, Parquet
  files in the bucket.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import tests.orchestration.test_cli_seeds as cli_seeds
from tests.storage.helpers import dagster_home, run_refresh, start_refresh
from warehouse.lake.connect import lake_connection
from warehouse.lake.publication import catalog_connection
from warehouse.lake.settings import LakeSettings
from warehouse.storage import get_store

from .helpers import REPO, env_for, mart_contents, split_inboxes
from .reader_probe import counts

pytestmark = [pytest.mark.slow, pytest.mark.lake_acceptance]  # not in the default run (CI time)


@pytest.fixture(scope="module")
def inboxes(tmp_path_factory, shared_seeds) -> Path:
    return split_inboxes(shared_seeds, tmp_path_factory.mktemp("inboxes") / "both")


@pytest.fixture(scope="module")
def file_marts(inboxes, tmp_path_factory, dbt_manifest) -> dict[str, list[tuple]]:
    """One refresh of both inboxes into the default backend, the DuckDB file."""
    tmp = tmp_path_factory.mktemp("file")
    db = tmp / "w.duckdb"
    run_refresh(inboxes, db, dagster_home(tmp / "home"), tmp / "run.log")
    with env_for({"SITREP_WAREHOUSE": "duckdb", "SITREP_DB": str(db)}), get_store().reader() as conn:
        marts = mart_contents(conn)
    assert marts["dim_articles"] and marts["fct_control_changes"]
    return marts


def team_home(path: Path) -> Path:
    path.mkdir(parents=True)
    (path / "dagster.yaml").write_text((REPO / "orchestration" / "dagster_team.yaml").read_text())
    return path


@pytest.fixture(scope="module")
def concurrent_lake(postgres, inboxes, tmp_path_factory, dbt_manifest) -> dict:
    """Two Dagster runs at once (inboxes a and b) on a fresh DuckLake, sharing one Dagster
    instance in PostgreSQL, a reader process polling throughout."""
    tmp = tmp_path_factory.mktemp("lake")
    dagster_db = postgres.new_database("dagster").split()
    url = "postgresql+psycopg2://sitrep@127.0.0.1:{}/{}".format(postgres.port, dagster_db[2].split("=")[1])
    env = {"SITREP_WAREHOUSE": "ducklake", "SITREP_LAKE_CATALOG": postgres.new_database(),
           "SITREP_LAKE_DATA": str(tmp / "data"), "SITREP_DAGSTER_PG_URL": url}
    home = team_home(tmp / "home")
    probe_log, stop = tmp / "reader.jsonl", tmp / "stop"
    reader = subprocess.Popen([sys.executable, "-m", "tests.lake.reader_probe", str(probe_log), str(stop)],
                              cwd=REPO, env={**os.environ, **env, "PYTHONPATH": str(REPO)})
    logs = {}
    try:
        runs = {part: start_refresh(inboxes / part, tmp / "unused.duckdb", home, tmp / f"{part}.log", **env)
                for part in ("a", "b")}
        for part, process in runs.items():
            assert process.wait(timeout=900) == 0, (tmp / f"{part}.log").read_text()[-4000:]
            logs[part] = (tmp / f"{part}.log").read_text()
        time.sleep(1.0)  # a few reads after the last publication
    finally:
        stop.touch()
        reader.wait(timeout=60)
    reads = [json.loads(line) for line in probe_log.read_text().splitlines()]
    settings = LakeSettings.from_env(env)
    with catalog_connection(settings.catalog) as pg, pg.cursor() as cur:
        cur.execute("SELECT snapshot_id, published_at FROM sitrep_publications ORDER BY publication_id")
        publications = cur.fetchall()
    return {"env": env, "home": home, "reads": reads, "logs": logs, "publications": publications}


def test_two_runs_at_once_land_the_union(concurrent_lake, file_marts) -> None:
    assert all("RUN_SUCCESS" in log for log in concurrent_lake["logs"].values())
    with env_for(concurrent_lake["env"]), get_store().reader() as conn:
        lake = mart_contents(conn)
    # The file build reads a/ and b/ inside one inbox, where their manifest.csv files are not
    # the inbox's manifest (only the top one is) and so are quarantined as CSVs without text;
    # each lake run reads a/ or b/ as its inbox, where that file is the manifest. Apart from
    # those two rows the union must equal the one refresh of both, row for row.
    nested = [r for r in file_marts["quarantine"] if r[0].endswith(("/a/manifest.csv", "/b/manifest.csv"))]
    assert len(nested) == 2 and all(r[1] == "missing_text" for r in nested)
    expected = dict(file_marts, quarantine=[r for r in file_marts["quarantine"] if r not in nested])
    assert lake == expected
    waited = [p for p, log in concurrent_lake["logs"].items() if "another refresh of this lake is running" in log]
    assert len(waited) == 1, "exactly one run should have waited for the other's publication"


def test_reader_always_answers_with_one_published_snapshot(concurrent_lake) -> None:
    reads = concurrent_lake["reads"]
    answered = [r for r in reads if "counts" in r]
    errors = [r for r in reads if "error" in r]
    assert not errors, errors[:3]
    assert len(answered) >= 10, f"only {len(answered)} answers"
    first = reads.index(answered[0])
    assert all("counts" in r for r in reads[first:]), "a read failed after the first publication"
    settings = LakeSettings.from_env(concurrent_lake["env"])
    assert len(concurrent_lake["publications"]) == 2
    whole = []
    for snapshot, _ in concurrent_lake["publications"]:
        conn = lake_connection(settings, snapshot=snapshot)
        whole.append(counts(conn))
        conn.close()
    assert whole[0] != whole[1], "the two publications should differ (one inbox, then both)"
    for read in answered:
        assert read["counts"] in whole, f"{read} matches no published snapshot {whole}"
    assert {json.dumps(r["counts"], sort_keys=True) for r in answered} == {
        json.dumps(w, sort_keys=True) for w in whole}, "the reader should have seen both publications"


def sitrep_query(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sitrep", "query", *args], cwd=REPO, capture_output=True,
                          text=True, env={**os.environ, **env, "PYTHONPATH": str(REPO)}, timeout=120)


def test_query_as_of_before_the_second_refresh_gives_the_first_ones_rows(concurrent_lake) -> None:
    (_, first_at), (_, second_at) = concurrent_lake["publications"]
    between = first_at + (second_at - first_at) / 2
    sql = "SELECT source_uri FROM marts.dim_articles ORDER BY 1"
    past = sitrep_query(concurrent_lake["env"], "--as-of", between.isoformat(), "--json", sql)
    assert past.returncode == 0, past.stderr
    folders = {Path(row["source_uri"]).parent.name for row in json.loads(past.stdout)}
    assert len(folders) == 1, f"as of {between} the warehouse held one inbox, not {folders}"
    expected = {"a": 3, "b": 2}[folders.pop()]
    assert len(json.loads(past.stdout)) == expected
    now = sitrep_query(concurrent_lake["env"], "--json", sql)
    assert len(json.loads(now.stdout)) == 5
    before_all = sitrep_query(concurrent_lake["env"], "--as-of", "2000-01-01T00:00", sql)
    assert before_all.returncode == 2 and "nothing was published" in before_all.stderr


def test_runs_are_shared_through_the_team_instance(concurrent_lake) -> None:
    """Both runs, launched by two processes, are in the PostgreSQL-backed instance that a third
    process (this one) opens."""
    code = ("import dagster as dg; i = dg.DagsterInstance.get(); "
            "print(sorted(r.status.value for r in i.get_runs()), type(i.run_storage).__name__)")
    env = {**os.environ, "DAGSTER_HOME": str(concurrent_lake["home"]),
           "SITREP_DAGSTER_PG_URL": concurrent_lake["env"]["SITREP_DAGSTER_PG_URL"]}
    seen = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert seen.returncode == 0, seen.stderr[-2000:]
    assert "['SUCCESS', 'SUCCESS'] PostgresRunStorage" in seen.stdout


@pytest.fixture
def conn(concurrent_lake):
    """The lake's published state, for the end-to-end checks imported below."""
    with env_for(concurrent_lake["env"]), get_store().reader() as connection:
        yield connection


# The end-to-end checks of the seed run (tests/orchestration/test_cli_seeds.py), on the lake.
for _name, _check in list(vars(cli_seeds).items()):
    if _name.startswith("test_") and callable(_check):
        globals()[f"{_name}_on_ducklake"] = _check


def test_s3_data_path_gives_the_same_marts(postgres, s3_server, inboxes, file_marts, tmp_path) -> None:
    bucket = s3_server.new_bucket()
    env = {"SITREP_WAREHOUSE": "ducklake", "SITREP_LAKE_CATALOG": postgres.new_database(),
           **s3_server.env(bucket)}
    process = start_refresh(inboxes, tmp_path / "unused.duckdb", dagster_home(tmp_path / "home"),
                            tmp_path / "run.log", **env)
    assert process.wait(timeout=900) == 0, (tmp_path / "run.log").read_text()[-4000:]
    with env_for(env), get_store().reader() as conn:
        assert mart_contents(conn) == file_marts
    assert any(key.endswith(".parquet") for key in s3_server.objects(bucket)), "no Parquet file in S3"
