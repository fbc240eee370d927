"""Dates in the future are refused, raw dates are kept, languages are marked (issue 9)."""
from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import duckdb
import pytest

from warehouse.inbox import read_inbox
from warehouse.language import count_not_english, count_not_english_in, detect_language
from tests.warehouse.inbox_load import load_inbox

TODAY = date(2025, 3, 10)


def test_a_future_date_is_one_quarantine_row_and_the_article_loads(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "future.json").write_text(json.dumps({"text": "Fighters entered Hama.", "published_at": "2099-01-01"}))
    (inbox / "tomorrow.json").write_text(json.dumps({"text": "Clashes in Homs.",
                                                     "published_at": (datetime.now(timezone.utc).date() + timedelta(days=1)).isoformat()}))
    (inbox / "garbled.json").write_text(json.dumps({"text": "Shelling in Idlib.", "published_at": "Tuesday-ish"}))
    (inbox / "fine.json").write_text(json.dumps({"text": "Rebels left Morek.", "published_at": "4/7/17"}))
    with duckdb.connect(str(tmp_path / "w.duckdb")) as conn:
        load_inbox(conn, inbox)
        rows = conn.execute("SELECT regexp_extract(source_uri, '[^/]+$'), published_at, published_at_raw "
                            "FROM raw.articles ORDER BY 1").fetchall()
        refused = conn.execute("SELECT regexp_extract(source_uri, '[^/]+$'), reason, detail "
                               "FROM raw.quarantine").fetchall()
    by_name = {name: (published, raw) for name, published, raw in rows}
    assert by_name["future.json"] == (None, "2099-01-01")
    assert by_name["tomorrow.json"][0] == datetime.now(timezone.utc).date() + timedelta(days=1)  # a day of slack
    assert by_name["garbled.json"] == (None, "Tuesday-ish")  # kept, not vanished
    assert by_name["fine.json"] == (date(2017, 4, 7), "4/7/17")
    assert [(name, reason) for name, reason, _ in refused] == [("future.json", "future_date")]
    assert "2099-01-01" in refused[0][2] and "loads with published_at empty" in refused[0][2]


def test_a_future_date_from_the_manifest_is_refused_too(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Fighters entered the town.")
    (tmp_path / "manifest.csv").write_text("file,published_at\na.txt,2025-03-12\n")
    batch = read_inbox(tmp_path, today=TODAY)
    (record,) = batch.records
    assert (record.published_at, record.published_at_raw) == (None, "2025-03-12")
    assert [q.reason for q in batch.quarantined] == ["future_date"]
    assert read_inbox(tmp_path, today=TODAY + timedelta(days=1)).quarantined == []


@pytest.mark.parametrize("text, expected", [
    ("Opposition fighters captured the town of Kafr Zita after dawn on Monday, a monitoring group said.", "en"),
    ("Clashes near Tal Rifaat.", "en"),  # too short to tell: the desk's default
    ("Les forces gouvernementales ont repris le contrôle de la ville après des combats, selon l'Observatoire.", "fr"),
    ("Die Regierungstruppen haben die Kontrolle über die Stadt zurückerlangt, wie die Beobachtungsstelle mitteilte.", "de"),
    ("Las fuerzas del gobierno recuperaron el control de la ciudad tras intensos combates, según el Observatorio.", "es"),
    ("سيطرت قوات المعارضة على مدينة حماة بعد معارك عنيفة مع قوات النظام", "ar"),
    ("Правительственные войска покинули город после ожесточенных боев", "ru"),
    ("Українські війська звільнили місто після запеклих боїв", "uk"),
])
def test_detect_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_non_english_articles_are_marked_and_counted(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "en.txt").write_text("Government forces withdrew from the village of Morek after a week of "
                                  "heavy fighting, a monitoring group said on Sunday.")
    (inbox / "ar.txt").write_text("سيطرت قوات المعارضة على مدينة حماة بعد معارك عنيفة مع قوات النظام")
    (inbox / "fr.txt").write_text("Les rebelles ont pris la ville de Hama et les forces du régime se sont retirées.")
    (inbox / "given.txt").write_text("Texte court.")
    (inbox / "manifest.csv").write_text("file,language\ngiven.txt,fr\nen.txt,en\n")
    batch = read_inbox(inbox)
    languages = {Path(r.source_uri).name: r.language for r in batch.records}
    assert languages == {"en.txt": "en", "ar.txt": "ar", "fr.txt": "fr", "given.txt": "fr"}
    assert batch.not_english == count_not_english(batch.records) == 3
    with duckdb.connect(str(tmp_path / "w.duckdb")) as conn:
        load_inbox(conn, inbox)
        assert count_not_english_in(conn) == 3
