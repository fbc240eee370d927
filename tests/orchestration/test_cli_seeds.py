"""The acceptance run: the plain Dagster CLI on ../shared/seeds with a fresh DAGSTER_HOME.

``SITREP_INBOX=../shared/seeds SITREP_DB=... dagster asset materialize --select '*'
-m orchestration.definitions``, twice; then the marts are read as an analyst would.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from extractors.places import resolve_place
from tests.contract import CONTRACT_COLUMNS, FACT_TABLES, columns_of

pytestmark = pytest.mark.slow


def dagster_materialize(repo: Path, inbox: Path, db: Path, home: Path) -> subprocess.CompletedProcess:
    home.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "SITREP_INBOX": str(inbox), "SITREP_DB": str(db), "DAGSTER_HOME": str(home)}
    return subprocess.run(
        [str(Path(sys.executable).parent / "dagster"), "asset", "materialize", "--select", "*",
         "-m", "orchestration.definitions"],
        cwd=repo, env=env, capture_output=True, text=True, timeout=900,
    )


def claim_ids(db: Path) -> dict[str, list[str]]:
    with duckdb.connect(str(db), read_only=True) as conn:
        return {t: sorted(r[0] for r in conn.execute(f"SELECT claim_id FROM marts.{t}").fetchall())
                for t in FACT_TABLES}


@pytest.fixture(scope="module")
def seeds_warehouse(seeds_refresh, tmp_path_factory, shared_seeds, repo) -> Path:
    """The session's first run (``seeds_refresh`` in tests/conftest.py: this same command with a
    fresh DAGSTER_HOME), then the command again on a copy of its warehouse with another fresh
    DAGSTER_HOME: it succeeds and changes no claim id."""
    assert "RUN_SUCCESS" in seeds_refresh["log"].read_text()
    first = claim_ids(seeds_refresh["db"])
    tmp = tmp_path_factory.mktemp("seeds_cli")
    db = tmp / "w.duckdb"
    shutil.copyfile(seeds_refresh["db"], db)
    again = dagster_materialize(repo, shared_seeds, db, tmp / "home2")
    assert again.returncode == 0, again.stderr[-3000:]
    assert "RUN_SUCCESS" in again.stderr + again.stdout
    assert claim_ids(db) == first, "a second run changed claim ids"
    return db


@pytest.fixture
def conn(seeds_warehouse):
    with duckdb.connect(str(seeds_warehouse), read_only=True) as connection:
        yield connection


def test_contract_columns_and_rows_in_each_fact_table(conn) -> None:
    for table, columns in CONTRACT_COLUMNS.items():
        missing = set(columns) - set(columns_of(conn, table))
        assert not missing, f"{table} lacks {missing}"
    for table in FACT_TABLES:
        assert conn.execute(f"SELECT count(*) FROM marts.{table}").fetchone()[0] > 0, table
    assert conn.execute("SELECT count(*) FROM marts.dim_articles").fetchone()[0] == 5


def test_hama_withdrawal_is_a_control_change(conn) -> None:
    rows = conn.execute(
        "SELECT change_type, new_controller FROM marts.fct_control_changes "
        "WHERE place_name ILIKE '%hama%' AND place_name NOT ILIKE '%province%'").fetchall()
    assert ("withdrawal", "hts") in rows or ("withdrawal", "opposition") in rows, rows


def _event_articles(conn, place: str) -> list[set[str]]:
    """Seed article numbers behind each opposition-side event at the city called ``place``
    (matched by gazetteer id, so "Aleppo province" is a different place)."""
    place_id = resolve_place(place).place_id
    assert place_id, f"{place} is not in the gazetteer"
    rows = conn.execute(
        """
        SELECT e.event_id, list(DISTINCT regexp_extract(a.source_uri, '(\\d{3})_[0-9a-f]+\\.txt', 1))
        FROM marts.control_events e, unnest(e.claim_ids) AS u(claim_id)
        JOIN marts.fct_control_changes c ON c.claim_id = u.claim_id
        JOIN marts.dim_articles a ON a.article_id = c.article_id
        WHERE e.place_id = ? AND e.new_controller IN ('hts', 'opposition', 'sna')
        GROUP BY e.event_id
        """, [place_id]).fetchall()
    return [set(r[1]) for r in rows]


def test_one_hama_event_backed_by_three_articles(conn) -> None:
    events = _event_articles(conn, "Hama")
    assert len(events) == 1, events
    assert {"002", "003", "004"} <= events[0]


def test_one_aleppo_event_backed_by_two_or_more(conn) -> None:
    events = _event_articles(conn, "Aleppo")
    assert len(events) == 1, events
    assert len(events[0]) >= 2


def test_hama_controlled_by_the_opposition_side_as_of_december_5(conn) -> None:
    row = conn.execute(
        "SELECT controller, controlled_since FROM marts.territorial_control WHERE place_id = ?",
        [resolve_place("Hama").place_id]).fetchone()
    assert row is not None
    assert row[0] in {"hts", "opposition"}
    assert str(row[1]) == "2024-12-05"


def test_casualty_estimates_keep_sohr_605_and_victim_groups_apart(conn) -> None:
    groups = conn.execute(
        "SELECT victim_actor, outcome, count_best, claimants FROM marts.casualty_estimates").fetchall()
    assert any(best == 605 and "SOHR" in claimants for _, _, best, claimants in groups), groups
    victims = {(v, o) for v, o, _, _ in groups}
    assert {("all", "killed"), ("civilians", "killed"), ("hts", "killed")} <= victims


def test_equipment_summary_lists_seed_000_losses_by_category(conn) -> None:
    categories = {r[0] for r in conn.execute(
        "SELECT DISTINCT category FROM marts.equipment_loss_summary WHERE status = 'captured'").fetchall()}
    assert {"tank", "infantry_fighting_vehicle", "self_propelled_artillery", "towed_artillery",
            "multiple_rocket_launcher"} <= categories
