"""End-to-end test of the dbt project: raw rows in, `dbt build`, reconciled marts out.

A temporary DuckDB file gets the raw schema (warehouse/schema.sql) and a handful of
hand-made rows: four articles (one a syndicated copy), a capture of one town reported by
two articles and a later recapture, two claimants with incompatible casualty counts,
equipment losses with and without a quantity, and a displacement count next to a
projection. The real `dbt build` (models, contracts, data tests and unit tests) runs on
it; the tests then read the marts and check the merge results.
"""
from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
PROJECT_DIR = REPO / "dbt_project"
SCHEMA_SQL = REPO / "warehouse" / "schema.sql"
DBT = Path(sys.executable).parent / "dbt"
INGESTED = datetime(2024, 12, 11, 8, 0)


@dataclass(frozen=True)
class Article:
    """A hand-made article: its id, metadata and sentences (the text is their join)."""

    article_id: str
    published_at: date
    outlet: str
    sentences: tuple[str, ...]
    duplicate_of: str | None = None

    @property
    def text(self) -> str:
        return " ".join(self.sentences)

    def evidence(self, index: int) -> dict[str, Any]:
        """Evidence columns for sentence `index`: text[start:end] == evidence_text."""
        sentence = self.sentences[index]
        start = self.text.index(sentence)
        return {"evidence_text": sentence, "evidence_start": start,
                "evidence_end": start + len(sentence)}


FIRST = Article(
    "a1", date(2024, 12, 1), "Outlet One",
    ("Opposition fighters took Saraqib on Saturday, the monitor said.",
     "The monitor counted twenty civilians dead in the town that day.",
     "Two T-72 tanks of the army were burnt out near Saraqib.",
     "About 50,000 people have left their homes so far."),
)
SECOND = Article(
    "a2", date(2024, 12, 2), "Outlet Two",
    ("Rebels have held the Saraqib area since the weekend, a ministry statement admitted.",
     "The ministry put the civilian toll at five.",
     "Three army tanks were lost at Saraqib.",
     "Thirty militants died in the fighting, the ministry added."),
)
COPY = Article(  # syndicated copy of FIRST: its claims must count once
    "a3", date(2024, 12, 1), "Outlet Three",
    ("Opposition fighters took Saraqib on Saturday, the monitor said.",
     "The monitor counted twenty civilians dead in the town that day.",
     "Two T-72 tanks of the army were burnt out near Saraqib."),
    duplicate_of="a1",
)
LATER = Article(
    "a4", date(2024, 12, 10), "Outlet Four",
    ("Government troops retook Saraqib on Sunday after a week of fighting.",
     "An army tank was abandoned on the road.",
     "Aid agencies warned the number of displaced could reach 200,000."),
)
ARTICLES = (FIRST, SECOND, COPY, LATER)

SHARED_DEFAULTS: dict[str, Any] = {
    "claimant": None, "claimant_text": None, "date_start": None, "date_end": None,
    "date_precision": "unknown", "place_name": None, "place_id": None, "admin1": None,
    "latitude": None, "longitude": None, "geo_precision": "unresolved", "place_type": "settlement",
    "extractor_version": "test",
}

CONTROL = [
    # claim_id, article, sentence, fields
    ("cc1", FIRST, 0, dict(claimant="SOHR", date_start=date(2024, 11, 30), date_end=date(2024, 11, 30),
                           date_precision="day", place_name="Saraqib", new_controller="hts",
                           new_controller_label="Opposition fighters", previous_controller="syrian_government",
                           change_type="capture")),
    ("cc2", SECOND, 0, dict(claimant="Syrian Ministry of Defence", date_start=date(2024, 11, 30),
                            date_end=date(2024, 12, 1), date_precision="range", place_name="the Saraqib ",
                            new_controller="opposition", new_controller_label="Rebels",
                            change_type="capture")),
    ("cc3", COPY, 0, dict(claimant="SOHR", date_start=date(2024, 11, 30), date_end=date(2024, 11, 30),
                          date_precision="day", place_name="Saraqib", new_controller="hts",
                          new_controller_label="Opposition fighters", change_type="capture")),
    ("cc4", LATER, 0, dict(date_start=date(2024, 12, 8), date_end=date(2024, 12, 8), date_precision="day",
                           place_name="Saraqib", new_controller="syrian_government",
                           new_controller_label="Government troops", previous_controller="hts",
                           change_type="recapture")),
]
CASUALTY = [
    ("cs1", FIRST, 1, dict(claimant="SOHR", date_start=date(2024, 11, 30), date_end=date(2024, 11, 30),
                           date_precision="day", victim_actor="civilians", victim_label="civilians",
                           victim_type="civilian", outcome="killed", count_low=20, count_best=20,
                           count_high=20, qualifier="exact")),
    ("cs2", SECOND, 1, dict(claimant="Syrian Ministry of Defence", date_start=date(2024, 11, 30),
                            date_end=date(2024, 11, 30), date_precision="day", victim_actor="civilians",
                            victim_label="civilian", victim_type="civilian", outcome="killed",
                            count_low=5, count_best=5, count_high=5, qualifier="exact")),
    ("cs3", COPY, 1, dict(claimant="SOHR", date_start=date(2024, 11, 30), date_end=date(2024, 11, 30),
                          date_precision="day", victim_actor="civilians", victim_label="civilians",
                          victim_type="civilian", outcome="killed", count_low=20, count_best=20,
                          count_high=20, qualifier="exact")),
    ("cs4", SECOND, 3, dict(claimant="Syrian Ministry of Defence", date_start=date(2024, 11, 30),
                            date_end=date(2024, 11, 30), date_precision="day", victim_actor="opposition",
                            victim_label="militants", victim_type="combatant", outcome="killed",
                            count_low=30, count_best=30, count_high=30, qualifier="exact")),
]
EQUIPMENT = [
    ("eq1", FIRST, 2, dict(date_start=date(2024, 11, 30), date_end=date(2024, 11, 30), date_precision="day",
                           place_name="Saraqib", equipment_text="T-72 tanks", model="T-72", category="tank",
                           status="destroyed", quantity=2, qualifier="exact",
                           owner_actor="syrian_government")),
    ("eq2", SECOND, 2, dict(date_start=date(2024, 12, 1), date_end=date(2024, 12, 1), date_precision="day",
                            place_name="Saraqib", equipment_text="army tanks", model="T-72", category="tank",
                            status="destroyed", quantity=3, qualifier="exact",
                            owner_actor="syrian_government")),
    ("eq3", COPY, 2, dict(date_start=date(2024, 11, 30), date_end=date(2024, 11, 30), date_precision="day",
                          place_name="Saraqib", equipment_text="T-72 tanks", model="T-72", category="tank",
                          status="destroyed", quantity=2, qualifier="exact",
                          owner_actor="syrian_government")),
    ("eq4", LATER, 1, dict(equipment_text="army tank", model=None, category="tank", status="abandoned",
                           quantity=None, owner_actor="syrian_government")),
]
DISPLACEMENT = [
    ("dp1", FIRST, 3, dict(population="displaced", count_low=50000, count_best=50000, count_high=50000,
                           qualifier="approximately", is_projection=False)),
    ("dp2", LATER, 2, dict(population="displaced", count_low=200000, count_best=200000,
                           count_high=200000, qualifier="up_to", is_projection=True)),
]


def claim_rows(claims: list[tuple[str, Article, int, dict[str, Any]]]) -> list[dict[str, Any]]:
    """Full raw rows: shared defaults, the evidence sentence with its offsets, the fields."""
    return [
        {**SHARED_DEFAULTS, "claim_id": claim_id, "article_id": article.article_id,
         **article.evidence(sentence), **fields}
        for claim_id, article, sentence, fields in claims
    ]


def article_rows() -> list[dict[str, Any]]:
    """raw.articles rows for the hand-made articles."""
    return [
        {"article_id": a.article_id, "external_id": None, "title": f"Report {a.article_id}",
         "outlet": a.outlet, "published_at": a.published_at, "url": None,
         "source_uri": f"inbox/{a.article_id}.txt", "content_sha256": a.article_id * 16,
         "n_chars": len(a.text), "language": "en", "text": a.text, "duplicate_of": a.duplicate_of,
         "ingested_at": INGESTED}
        for a in ARTICLES
    ]


def insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]]) -> None:
    """Insert dict rows into raw.<table>, each key naming a column."""
    for row in rows:
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        con.execute(f"insert into raw.{table} ({columns}) values ({marks})", list(row.values()))


def prepare_warehouse(path: Path) -> None:
    """Create the raw schema in a new DuckDB file and load the hand-made rows."""
    with duckdb.connect(str(path)) as con:
        con.execute(SCHEMA_SQL.read_text())
        insert(con, "articles", article_rows())
        insert(con, "article_copies", [
            {"source_uri": "inbox/a1-again.txt", "article_id": "a1", "seen_at": INGESTED}])
        insert(con, "quarantine", [
            {"source_uri": "inbox/blank.txt", "reason": "empty", "detail": "0 bytes", "seen_at": INGESTED}])
        insert(con, "control_changes", claim_rows(CONTROL))
        insert(con, "casualty_claims", claim_rows(CASUALTY))
        insert(con, "equipment_losses", claim_rows(EQUIPMENT))
        insert(con, "displacement_figures", claim_rows(DISPLACEMENT))


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A DuckDB file with the hand-made raw rows, after a successful real `dbt build`."""
    if not DBT.exists():
        pytest.skip(f"dbt executable not found next to the interpreter: {DBT}")
    workdir = tmp_path_factory.mktemp("dbt_build")
    db_path = workdir / "sitrep.duckdb"
    prepare_warehouse(db_path)
    result = subprocess.run(
        [str(DBT), "build", "--profiles-dir", str(PROJECT_DIR), "--project-dir", str(PROJECT_DIR),
         "--target-path", str(workdir / "target"), "--log-path", str(workdir / "logs")],
        cwd=PROJECT_DIR, env={**os.environ, "SITREP_DB": str(db_path)},
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, f"dbt build failed:\n{result.stdout[-6000:]}\n{result.stderr[-2000:]}"
    assert "ERROR=0" in result.stdout.replace(" ", "")
    return db_path


def query(db_path: Path, sql: str) -> list[tuple[Any, ...]]:
    """Run one read-only query against the built warehouse."""
    with duckdb.connect(str(db_path), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_capture_reported_by_two_articles_is_one_event(warehouse: Path) -> None:
    rows = query(warehouse, """
        select new_controller, change_type, n_claims, n_articles, n_claimants, claim_ids,
               date_start, date_end, first_reported, last_reported
        from marts.control_events where side = 'opposition-side'""")
    assert rows == [(
        "hts", "capture", 2, 2, 2, ["cc1", "cc2"],
        date(2024, 11, 30), date(2024, 11, 30), date(2024, 12, 1), date(2024, 12, 2),
    )]


def test_recapture_is_a_separate_event(warehouse: Path) -> None:
    rows = query(warehouse, """
        select new_controller, change_type, claim_ids, date_start
        from marts.control_events order by date_start, new_controller""")
    assert len(rows) == 2
    assert rows[1] == ("syrian_government", "recapture", ["cc4"], date(2024, 12, 8))


def test_territorial_control_gives_the_recapturer(warehouse: Path) -> None:
    rows = query(warehouse, """
        select place_name, controller, controlled_since, previous_controller, n_events
        from marts.territorial_control""")
    assert rows == [("Saraqib", "syrian_government", date(2024, 12, 8), "hts", 2)]
    history = query(warehouse, """
        select event_seq, controller_before, controller_after
        from marts.territorial_control_history order by event_seq""")
    assert history == [(1, "syrian_government", "hts"), (2, "hts", "syrian_government")]


def test_casualty_claimants_with_disjoint_ranges_are_disputed(warehouse: Path) -> None:
    rows = query(warehouse, """
        select count_low, count_best, count_high, disputed, n_claims, n_claimants, claim_ids
        from marts.casualty_estimates where victim_actor = 'civilians'""")
    # the syndicated copy's "twenty" is not counted a second time
    assert rows == [(5, 13, 20, True, 2, 2, ["cs1", "cs2"])]


def test_victim_groups_are_never_merged(warehouse: Path) -> None:
    rows = query(warehouse, """
        select victim_actor, count_best, disputed from marts.casualty_estimates order by victim_actor""")
    assert rows == [("civilians", 13, True), ("opposition", 30, False)]


def test_equipment_counted_once_across_articles(warehouse: Path) -> None:
    rows = query(warehouse, """
        select model, status, n_specified, n_unspecified_at_least_1, n_losses, n_articles, claim_ids
        from marts.equipment_loss_summary order by status, model""")
    assert rows == [
        (None, "abandoned", 0, 1, 1, 1, ["eq4"]),
        ("T-72", "destroyed", 3, 0, 1, 2, ["eq1", "eq2"]),
    ]


def test_displacement_projection_kept_apart_from_counts(warehouse: Path) -> None:
    rows = query(warehouse, """
        select place_name, count_best, projected_count_best, n_count_claims, n_projection_claims
        from marts.displacement_latest""")
    assert rows == [("Syria/unspecified", 50000, 200000, 1, 1)]


def test_fact_tables_keep_every_claim_and_articles_count_copies(warehouse: Path) -> None:
    assert query(warehouse, "select count(*) from marts.fct_control_changes") == [(4,)]
    assert query(warehouse, "select count(*) from marts.fct_casualty_claims where is_syndicated_copy") == [(1,)]
    articles = query(warehouse, "select article_id, n_copies, duplicate_of from marts.dim_articles order by 1")
    assert articles == [("a1", 1, None), ("a2", 0, None), ("a3", 0, "a1"), ("a4", 0, None)]
    assert query(warehouse, "select reason from marts.quarantine") == [("empty",)]


def test_column_rules_name_each_broken_rule(warehouse: Path, tmp_path: Path) -> None:
    """A model's per-column rules are one dbt test (tests/generic/column_rules.sql): it counts
    what dbt's built-in unique / not_null / accepted_values / relationships tests would, fails
    the build, and each failing row names its rule, which the Dagster check shows
    (orchestration/dbt_tests.py runs the compiled test again, grouped by rule)."""
    import json
    import shutil
    from contextlib import closing

    from orchestration.dbt_tests import column_rules_explainer

    db_path = tmp_path / "sitrep.duckdb"
    shutil.copyfile(warehouse, db_path)
    with duckdb.connect(str(db_path)) as con:
        ids = [r[0] for r in con.execute("select claim_id from marts.fct_control_changes order by claim_id").fetchall()]
        con.execute("update marts.fct_control_changes set date_precision = 'fortnight' where claim_id = ?", [ids[0]])
        con.execute("update marts.fct_control_changes set extractor_version = null where claim_id = ?", [ids[1]])
        con.execute("update marts.fct_control_changes set new_controller = 'martians' where claim_id = ?", [ids[2]])
        con.execute("update marts.fct_control_changes set claim_id = ? where claim_id = ?", [ids[2], ids[3]])
    target = tmp_path / "target"
    result = subprocess.run(
        [str(DBT), "test", "--select", "column_rules_fct_control_changes", "--profiles-dir", str(PROJECT_DIR),
         "--project-dir", str(PROJECT_DIR), "--target-path", str(target), "--log-path", str(tmp_path / "logs")],
        cwd=PROJECT_DIR, env={**os.environ, "SITREP_DB": str(db_path)}, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode != 0, result.stdout[-3000:]
    run = json.loads((target / "run_results.json").read_text())["results"]
    assert [(r["status"], r["failures"]) for r in run] == [("fail", 4)]
    manifest = json.loads((target / "manifest.json").read_text())
    explain = column_rules_explainer(manifest, target, lambda: closing(duckdb.connect(str(db_path))))
    assert explain(run[0]["unique_id"]) == [
        ("accepted_values(date_precision)", 1), ("not_null(extractor_version)", 1),
        ("relationships(new_controller -> actors.id)", 1), ("unique(claim_id)", 1)]


def dbt_build(db_path: Path, workdir: Path, scope: str) -> None:
    """`dbt build` (no unit tests) on ``db_path``, with SITREP_CHECK_SCOPE=``scope``."""
    result = subprocess.run(
        [str(DBT), "build", "--exclude-resource-type", "unit_test", "--profiles-dir", str(PROJECT_DIR),
         "--project-dir", str(PROJECT_DIR), "--target-path", str(workdir / "target"),
         "--log-path", str(workdir / "logs")],
        cwd=PROJECT_DIR, env={**os.environ, "SITREP_DB": str(db_path), "SITREP_CHECK_SCOPE": scope},
        capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, f"dbt build failed:\n{result.stdout[-6000:]}\n{result.stderr[-2000:]}"


def reextract_second_and_add_fifth(db_path: Path) -> None:
    """What a refresh writes when article a2 is extracted again (one casualty and one equipment
    claim vanish, a count changes) and a new article a5 adds a claim to the Saraqib capture;
    both listed in raw.refresh_scope."""
    fifth = Article("a5", date(2024, 12, 3), "Outlet Five",
                    ("Opposition fighters captured Saraqib at the end of November.",))
    with duckdb.connect(str(db_path)) as con:
        con.execute("delete from raw.casualty_claims where claim_id = 'cs4'")
        con.execute("delete from raw.equipment_losses where claim_id = 'eq2'")
        con.execute("update raw.casualty_claims set count_low = 7, count_best = 7, count_high = 7 where claim_id = 'cs2'")
        insert(con, "articles", [{**article_rows()[0], "article_id": "a5", "outlet": fifth.outlet,
                                  "published_at": fifth.published_at, "text": fifth.text, "n_chars": len(fifth.text),
                                  "source_uri": "inbox/a5.txt", "content_sha256": "a5" * 16}])
        insert(con, "control_changes", claim_rows([("cc5", fifth, 0, dict(CONTROL[0][3], claimant=None))]))
        con.execute("create table if not exists raw.refresh_scope (article_id varchar)")
        con.execute("insert into raw.refresh_scope values ('a2'), ('a5')")


def marts_rows(db_path: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(db_path), read_only=True) as con:
        tables = [t for (t,) in con.execute(
            "select table_name from duckdb_tables() where schema_name = 'marts' order by 1").fetchall()]
        return {t: sorted(con.execute(f"select * from marts.{t}").fetchall(), key=repr) for t in tables}


def test_a_scoped_refresh_equals_a_full_build_row_for_row(warehouse: Path, tmp_path: Path) -> None:
    """The incremental marts of a small refresh (SITREP_CHECK_SCOPE=changed: rows of the scoped
    articles merged, vanished rows deleted among theirs only, macros/incremental.sql) equal a
    clean full build of the same raw rows, table for table and row for row."""
    import shutil

    scoped = tmp_path / "scoped" / "sitrep.duckdb"
    scoped.parent.mkdir()
    shutil.copyfile(warehouse, scoped)
    reextract_second_and_add_fifth(scoped)
    dbt_build(scoped, scoped.parent, "changed")

    clean = tmp_path / "clean" / "sitrep.duckdb"
    clean.parent.mkdir()
    prepare_warehouse(clean)
    reextract_second_and_add_fifth(clean)
    dbt_build(clean, clean.parent, "all")

    got, want = marts_rows(scoped), marts_rows(clean)
    assert got == want
    assert not [r for r in got["fct_casualty_claims"] if r[0] == "cs4"]  # the vanished claim is gone
    assert len(got["dim_articles"]) == 5 and len(got["fct_control_changes"]) == 5
