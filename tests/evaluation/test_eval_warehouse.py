"""The ``--db`` loader on a real DuckDB file shaped like the contract's marts."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import duckdb
import pytest

from evaluation import EvaluationInputError
from evaluation.sources import load_warehouse, uri_basename
from sitrep.cli import main

STORY = "Army units entered Tal Rifaat on Friday. Four soldiers died in the clashes."
OTHER = "Aid agencies said 3000 families fled Saraqib. Nothing else happened."
SHARED_COLUMNS = """claim_id VARCHAR, article_id VARCHAR, claimant VARCHAR, date_start DATE, date_end DATE,
    date_precision VARCHAR, place_name VARCHAR, place_id VARCHAR, admin1 VARCHAR, latitude DOUBLE,
    longitude DOUBLE, geo_precision VARCHAR, evidence_text VARCHAR, evidence_start INTEGER,
    evidence_end INTEGER, extractor_version VARCHAR"""
COUNT_COLUMNS = "count_low BIGINT, count_best BIGINT, count_high BIGINT, qualifier VARCHAR"
TABLES = {
    "fct_control_changes": "new_controller VARCHAR, previous_controller VARCHAR, new_controller_label VARCHAR, "
                           "previous_controller_label VARCHAR, change_type VARCHAR",
    "fct_casualty_claims": f"victim_actor VARCHAR, victim_label VARCHAR, victim_type VARCHAR, outcome VARCHAR, "
                           f"{COUNT_COLUMNS}, period_start DATE, period_end DATE, perpetrator_actor VARCHAR",
    "fct_displacement_figures": f"population VARCHAR, {COUNT_COLUMNS}, is_projection BOOLEAN",
    "fct_equipment_losses": "equipment_text VARCHAR, model VARCHAR, category VARCHAR, status VARCHAR, "
                            "quantity BIGINT, qualifier VARCHAR, owner_actor VARCHAR, captor_actor VARCHAR",
}


def build_warehouse(path: Path, skip_table: str | None = None) -> Path:
    """A DuckDB file with marts.dim_articles and the four fact tables, a few rows in each."""
    con = duckdb.connect(str(path))
    con.execute("create schema marts")
    con.execute("""create table marts.dim_articles (article_id VARCHAR, title VARCHAR, outlet VARCHAR,
        published_at DATE, url VARCHAR, source_uri VARCHAR, content_sha256 VARCHAR, n_chars INTEGER,
        language VARCHAR, ingested_at TIMESTAMP, external_id VARCHAR, duplicate_of VARCHAR, text VARCHAR)""")
    con.executemany(
        "insert into marts.dim_articles (article_id, published_at, source_uri, external_id, duplicate_of, text) "
        "values (?, ?, ?, ?, ?, ?)",
        [
            ("w1", date(2020, 1, 10), "/data/inbox/story_one.txt", None, None, STORY),
            ("w2", date(2020, 1, 11), "/data/inbox/feed.csv", "555", None, OTHER),
            ("w3", date(2020, 1, 12), "/data/inbox/copy/story_one.txt", None, "w1", STORY),
        ],
    )
    for table, columns in TABLES.items():
        if table != skip_table:
            con.execute(f"create table marts.{table} ({SHARED_COLUMNS}, {columns})")
    second = STORY.index("Four")
    con.execute(
        "insert into marts.fct_casualty_claims (claim_id, article_id, victim_actor, victim_type, outcome, "
        "count_low, count_best, count_high, qualifier, evidence_text, evidence_start, evidence_end) "
        "values ('c1', 'w1', 'syrian_government', 'combatant', 'killed', 4, 4, 4, 'exact', ?, ?, ?)",
        [STORY[second:], second, len(STORY)],
    )
    con.execute(
        "insert into marts.fct_control_changes (claim_id, article_id, place_name, new_controller, change_type, "
        "date_start, date_end, evidence_text, evidence_start, evidence_end) "
        "values ('k1', 'w1', 'Tal Rifaat', 'syrian_government', 'entry', '2020-01-10', '2020-01-10', ?, 0, 40)",
        [STORY[0:40]],
    )
    if skip_table != "fct_displacement_figures":
        con.execute(
            "insert into marts.fct_displacement_figures (claim_id, article_id, population, count_low, count_best, "
            "count_high, qualifier, is_projection, evidence_text, evidence_start, evidence_end) "
            "values ('d1', 'w2', 'displaced', 3000, 3000, 3000, 'exact', false, 'wrong offsets', 0, 13)"
        )
    con.close()
    return path


GOLD = """
articles:
  story_one.txt:
    published_at: 2020-01-10
    control_changes:
      - {place: Tal Rifaat, new_controller: syrian_government, change_type: entry, event_date: 2020-01-10}
    casualty_claims:
      - {victim: syrian_government, victim_type: combatant, outcome: killed, qualifier: exact, best: 4}
  555:
    published_at: 2020-01-11
    displacement_figures:
      - {population: displaced, best: 15000, is_projection: false}
    must_not:
      - {type: displacement_figure, best: 3000}
"""


def test_loader_reads_articles_rows_and_keys(tmp_path):
    corpus = load_warehouse(build_warehouse(tmp_path / "w.duckdb"))
    assert set(corpus.articles) == {"w1", "w2", "w3"}
    assert corpus.articles["w2"].keys == ("feed.csv", "555")
    assert corpus.articles["w3"].duplicate_of == "w1"
    assert corpus.rows["casualty_claim"][0]["count_best"] == 4
    assert corpus.rows["displacement_figure"][0]["is_projection"] is False
    assert corpus.rows["control_change"][0]["date_start"] == date(2020, 1, 10)
    # the original wins over its duplicate; unit ids resolve through external_id
    assert corpus.resolve_keys(["story_one.txt", "555", "absent"]) == {"story_one.txt": "w1", "555": "w2"}


def test_loader_opens_read_only(tmp_path):
    path = build_warehouse(tmp_path / "w.duckdb")
    load_warehouse(path)
    writer = duckdb.connect(str(path))  # would fail if the loader had left a connection open
    assert writer.execute("select count(*) from marts.dim_articles").fetchone() == (3,)
    writer.close()


def test_missing_table_or_file_is_an_input_error(tmp_path):
    path = build_warehouse(tmp_path / "w.duckdb", skip_table="fct_equipment_losses")
    with pytest.raises(EvaluationInputError, match="fct_equipment_losses is missing"):
        load_warehouse(path)
    with pytest.raises(EvaluationInputError, match="not found"):
        load_warehouse(tmp_path / "absent.duckdb")


def test_cli_scores_a_warehouse(tmp_path, capsys):
    db = build_warehouse(tmp_path / "w.duckdb")
    gold = tmp_path / "gold.yaml"
    gold.write_text(GOLD, encoding="utf-8")
    assert main(["eval", "--db", str(db), "--gold", str(gold), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    scores = result["gold"]["scores"]
    assert scores["casualty_claim"]["true_rows"] == 1 and scores["casualty_claim"]["recall"] == 1.0
    assert scores["control_change"]["true_rows"] == 1
    assert scores["displacement_figure"]["false_rows"] == 1 and scores["displacement_figure"]["recall"] == 0.0
    assert result["gold"]["must_not_violations"][0]["article"] == "555"
    assert result["evidence"]["checked"] == 3
    assert [f["claim_id"] for f in result["evidence"]["failures"]] == ["d1"]


def test_cli_missing_table_exits_non_zero_with_message(tmp_path, capsys):
    db = build_warehouse(tmp_path / "w.duckdb", skip_table="fct_displacement_figures")
    assert main(["eval", "--db", str(db)]) == 2
    assert "marts.fct_displacement_figures is missing" in capsys.readouterr().err


def test_uri_basename_handles_paths_and_urls():
    assert uri_basename("/a/b/000_x.txt") == "000_x.txt"
    assert uri_basename("file:///a/b/c.json?x=1") == "c.json"
    assert uri_basename(None) is None
