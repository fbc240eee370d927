"""Every asset check fails on the bad data it exists to catch, and a failing blocking check
stops what is downstream in a real Dagster run."""
from __future__ import annotations

from pathlib import Path

import dagster as dg
import duckdb
import pytest

from orchestration.assets.extraction import CLAIM_KEYS
from orchestration.checks import claim_quality_checks, claim_table_results, rule_result
from orchestration.resources import WarehouseResource
from warehouse import quality
from warehouse.db import apply_schema

ARTICLE = "Shelling killed four civilians in Ariha on Monday. Fighters entered the town."
SHARED = ("claim_id, article_id, evidence_text, evidence_start, evidence_end, extractor_version, "
          "date_start, date_end, date_precision, geo_precision")


@pytest.fixture
def good_db(tmp_path: Path) -> Path:
    """A warehouse holding one article and one sound claim of each type."""
    path = tmp_path / "w.duckdb"
    with duckdb.connect(str(path)) as conn:
        apply_schema(conn)
        conn.execute("INSERT INTO raw.articles (article_id, source_uri, content_sha256, n_chars, text, "
                     "published_at, ingested_at) VALUES ('a1', 'x.txt', 'h', ?, ?, DATE '2025-03-03', now())",
                     [len(ARTICLE), ARTICLE])
        first = "Shelling killed four civilians in Ariha on Monday."
        values = f"'{{id}}', 'a1', '{first}', 0, {len(first)}, 't', DATE '2025-03-03', DATE '2025-03-03', 'day', 'place'"
        conn.execute(f"INSERT INTO raw.casualty_claims ({SHARED}, count_low, count_best, count_high) "
                     f"VALUES ({values.format(id='k1')}, 4, 4, 4)")
        conn.execute(f"INSERT INTO raw.displacement_figures ({SHARED}, count_low, count_best, count_high) "
                     f"VALUES ({values.format(id='d1')}, 10, 10, 10)")
        conn.execute(f"INSERT INTO raw.equipment_losses ({SHARED}, quantity) VALUES ({values.format(id='e1')}, 2)")
        conn.execute(f"INSERT INTO raw.control_changes ({SHARED}) VALUES ({values.format(id='c1')})")
    return path


def results(path: Path) -> dict[tuple[str, str], dg.AssetCheckResult]:
    with duckdb.connect(str(path), read_only=True) as conn:
        found = [r for name, key in CLAIM_KEYS.items() for r in claim_table_results(conn, name, key)]
    return {(r.asset_key.path[-1], r.check_name): r for r in found}


def events_check(path: Path) -> dg.AssetCheckResult:
    with duckdb.connect(str(path), read_only=True) as conn:
        return rule_result(dg.AssetKey(["marts", "control_events"]), "control_events_have_claims",
                           quality.events_without_claims(conn))


def break_with(path: Path, sql: str) -> dict[tuple[str, str], dg.AssetCheckResult]:
    with duckdb.connect(str(path)) as conn:
        conn.execute(sql)
    return results(path)


def test_sound_data_passes_every_check(good_db: Path) -> None:
    assert all(r.passed for r in results(good_db).values())


@pytest.mark.parametrize("table,check,sql", [
    ("casualty_claims", "evidence_offsets_match", "UPDATE raw.casualty_claims SET evidence_start = 1"),
    ("control_changes", "evidence_offsets_match", "UPDATE raw.control_changes SET evidence_text = 'Not in the text.'"),
    ("equipment_losses", "claims_have_article", "UPDATE raw.equipment_losses SET article_id = 'ghost'"),
    ("casualty_claims", "counts_ordered_non_negative", "UPDATE raw.casualty_claims SET count_low = 9"),
    ("displacement_figures", "counts_ordered_non_negative", "UPDATE raw.displacement_figures SET count_low = -1"),
    ("equipment_losses", "counts_ordered_non_negative", "UPDATE raw.equipment_losses SET quantity = -2"),
    ("control_changes", "not_after_publication", "UPDATE raw.control_changes SET date_end = DATE '2025-03-09'"),
])
def test_each_blocking_check_fails_on_bad_rows(good_db: Path, table: str, check: str, sql: str) -> None:
    result = break_with(good_db, sql)[(table, check)]
    assert not result.passed
    assert result.severity == dg.AssetCheckSeverity.ERROR
    assert result.metadata["failing_rows"].value == 1


def test_unresolved_share_warns(good_db: Path, monkeypatch) -> None:
    monkeypatch.setenv("SITREP_UNRESOLVED_WARN_SHARE", "0.5")
    monkeypatch.setenv("SITREP_UNRESOLVED_MIN_ARTICLES", "1")
    result = break_with(good_db, "UPDATE raw.casualty_claims SET geo_precision = 'unresolved', place_name = 'Kafr X'")[
        ("casualty_claims", "unresolved_share")]
    assert not result.passed and result.severity == dg.AssetCheckSeverity.WARN
    monkeypatch.setenv("SITREP_UNRESOLVED_MIN_ARTICLES", "2")  # one article is too few to judge
    assert results(good_db)[("casualty_claims", "unresolved_share")].passed


def test_control_events_without_claims_fail(good_db: Path) -> None:
    with duckdb.connect(str(good_db)) as conn:
        conn.execute("CREATE SCHEMA marts; CREATE TABLE marts.control_events AS "
                     "SELECT 'ev1' AS event_id, 'Ariha' AS place_name, 0 AS n_claims, []::VARCHAR[] AS claim_ids")
    result = events_check(good_db)
    assert not result.passed
    with duckdb.connect(str(good_db)) as conn:
        conn.execute("UPDATE marts.control_events SET n_claims = 1, claim_ids = ['c1']")
    assert events_check(good_db).passed


def test_failing_blocking_check_stops_downstream_assets(good_db: Path) -> None:
    """In a real run: bad claims are written, the check fails, the downstream asset is skipped."""

    @dg.multi_asset(specs=[dg.AssetSpec(key) for key in CLAIM_KEYS.values()])
    def bad_claims(context, warehouse: WarehouseResource):
        with warehouse.refresh(context, wait=True).connect() as conn:
            conn.execute("UPDATE raw.casualty_claims SET count_low = 99")
        for key in CLAIM_KEYS.values():
            yield dg.MaterializeResult(asset_key=key)

    @dg.asset(deps=[CLAIM_KEYS["casualty_claims"]])
    def downstream_mart() -> None:
        return None

    result = dg.materialize(
        [bad_claims, claim_quality_checks, downstream_mart],
        resources={"warehouse": WarehouseResource(database=str(good_db))},
        raise_on_error=False,
    )
    evaluations = {(e.asset_key.path[-1], e.check_name): e.passed for e in result.get_asset_check_evaluations()}
    assert evaluations[("casualty_claims", "counts_ordered_non_negative")] is False
    materialized = {e.asset_key for e in result.get_asset_materialization_events()}
    assert CLAIM_KEYS["casualty_claims"] in materialized
    assert dg.AssetKey("downstream_mart") not in materialized
    with duckdb.connect(str(good_db), read_only=True) as conn:  # the bad build was never published
        assert conn.execute("SELECT max(count_low) FROM raw.casualty_claims").fetchone()[0] == 4
