"""A real in-process Dagster materialization of everything on the built-in sample articles."""
from __future__ import annotations

import dagster as dg
import duckdb
import pytest

from tests.contract import CONTRACT_COLUMNS, FACT_TABLES, columns_of

pytestmark = pytest.mark.slow


def materialize_all(db: str, inbox: str) -> dg.ExecuteInProcessResult:
    from orchestration.definitions import defs
    from orchestration.resources import make_resources

    return dg.materialize([*defs.assets, *defs.asset_checks], resources=make_resources(db, inbox),
                          raise_on_error=False)


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory, dbt_manifest, repo):
    db = str(tmp_path_factory.mktemp("sample") / "w.duckdb")
    first = materialize_all(db, str(repo / "seeds" / "articles"))
    with duckdb.connect(db, read_only=True) as conn:
        ids = {t: sorted(r[0] for r in conn.execute(f"SELECT claim_id FROM marts.{t}").fetchall())
               for t in FACT_TABLES}
    second = materialize_all(db, str(repo / "seeds" / "articles"))
    return db, first, second, ids


def test_run_succeeds_and_every_check_passes(sample_run) -> None:
    _, first, second, _ = sample_run
    assert first.success and second.success
    evaluations = first.get_asset_check_evaluations()
    assert len(evaluations) > 20
    failed = [(e.asset_key.to_user_string(), e.check_name) for e in evaluations if not e.passed]
    assert failed == []


def test_every_mart_has_rows_and_contract_columns(sample_run) -> None:
    db = sample_run[0]
    with duckdb.connect(db, read_only=True) as conn:
        for table, columns in CONTRACT_COLUMNS.items():
            assert set(columns) <= set(columns_of(conn, table)), table
            assert conn.execute(f"SELECT count(*) FROM marts.{table}").fetchone()[0] > 0, table
        # the syndicated copy is linked to its original, and the cut-off JSON line quarantined
        assert conn.execute("SELECT count(*) FROM marts.dim_articles WHERE duplicate_of IS NOT NULL").fetchone()[0] == 1
        assert conn.execute("SELECT reason FROM marts.quarantine").fetchall() == [("malformed_json",)]


def test_rerun_changes_no_claim_id(sample_run) -> None:
    db, _, _, before = sample_run
    with duckdb.connect(db, read_only=True) as conn:
        after = {t: sorted(r[0] for r in conn.execute(f"SELECT claim_id FROM marts.{t}").fetchall())
                 for t in FACT_TABLES}
    assert after == before


def test_summary_prints_counts_and_queries(sample_run, monkeypatch, capsys) -> None:
    from warehouse import summary

    monkeypatch.setenv("SITREP_DB", sample_run[0])
    assert summary.main([]) == 0
    out = capsys.readouterr().out
    assert "marts.fct_casualty_claims" in out and "| victim_actor |" in out
    assert summary.main(["--reconciled"]) == 0
    assert "| place_name" in capsys.readouterr().out


def test_summary_without_a_warehouse_says_so(tmp_path, monkeypatch, capsys) -> None:
    from warehouse import summary

    monkeypatch.setenv("SITREP_DB", str(tmp_path / "none.duckdb"))
    assert summary.main([]) == 1
    assert "run scripts/setup.sh" in capsys.readouterr().err


def test_bad_files_are_quarantined_and_good_ones_reach_the_marts(tmp_path, dbt_manifest) -> None:
    """The whole pipeline on an inbox of good and bad files: nothing crashes, every good file
    is an article, every bad one is listed in marts.quarantine with its reason."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "good.txt").write_text("Rebels captured the town of Saraqib on Monday, a monitoring group said.")
    (inbox / "good.jsonl").write_text('{"id": "g1", "text": "Shelling killed four civilians in Ariha on Monday."}\n'
                                      "{broken line\n")
    bad = {
        "empty.txt": b"",
        "binary.txt": b"\x00\x01\x02 not text",
        "latin1.txt": "Caf\u00e9 in Idlib".encode("cp1252"),
        "broken.json": b'{"text": ',
        "notext.csv": b"id,title\n1,no text column\n",
        "huge.txt": b"x" * 4096,
    }
    for name, content in bad.items():
        (inbox / name).write_bytes(content)
    db = tmp_path / "w.duckdb"
    import os

    os.environ["SITREP_MAX_FILE_BYTES"] = "2048"
    try:
        result = materialize_all(str(db), str(inbox))
    finally:
        del os.environ["SITREP_MAX_FILE_BYTES"]
    assert result.success
    with duckdb.connect(str(db), read_only=True) as conn:
        reasons = dict(conn.execute(
            "SELECT regexp_extract(source_uri, '[^/]+$'), reason FROM marts.quarantine").fetchall())
        assert conn.execute("SELECT count(*) FROM marts.dim_articles").fetchone()[0] == 2
    assert reasons == {
        "empty.txt": "empty", "binary.txt": "binary", "latin1.txt": "undecodable",
        "broken.json": "malformed_json", "notext.csv": "missing_text", "huge.txt": "too_large",
        "good.jsonl#line=2": "malformed_json",
    }


def test_a_failing_dbt_test_shows_in_its_models_one_check(sample_run, repo, tmp_path) -> None:
    """dbt's tests are one asset check per model (``dbt_tests``): a bad row makes that check fail
    and name the failing test with its failing-row count (here a severity-warn test: the check
    fails as a warning and the run still publishes; an error-severity test also fails dbt build)."""
    import shutil

    db = tmp_path / "w.duckdb"
    shutil.copyfile(sample_run[0], db)
    with duckdb.connect(str(db)) as conn:  # a reason dbt's accepted_values test (severity warn) does not know
        assert conn.execute("UPDATE raw.quarantine SET reason = 'bogus_reason'").fetchone()[0] == 1
    inbox = tmp_path / "inbox"
    shutil.copytree(repo / "seeds" / "articles", inbox)
    (inbox / "new.txt").write_text("Rebels captured the town of Saraqib on Monday, a monitoring group said.")
    result = materialize_all(str(db), str(inbox))
    assert result.success
    checks = {(e.asset_key.to_user_string(), e.check_name): e for e in result.get_asset_check_evaluations()}
    failed = checks[("marts/quarantine", "dbt_tests")]
    assert not failed.passed and failed.severity == dg.AssetCheckSeverity.WARN
    # the model's column rules are one dbt test; the check names the broken rule and column
    assert failed.metadata["failing_tests"].value == "column_rules_quarantine_warn: accepted_values(reason)"
    assert "1 rows" in failed.description and "| warn | 1 |" in failed.metadata["tests"].value
    passed = [key for (key, name), e in checks.items() if name == "dbt_tests" and e.passed]
    assert len(passed) > 20 and "marts/dim_articles" in passed
    assert {name for _, name in checks} - {"dbt_tests", "control_events_have_claims"} <= {
        name for (key, name) in checks if key.startswith("raw/")}
