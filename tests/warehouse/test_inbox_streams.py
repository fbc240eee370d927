"""Bulk files are streams: record by record, a size limit per record, one bad record
quarantined alone with its line number (issue 8)."""
from __future__ import annotations

import csv
import io
import json
import tracemalloc
from pathlib import Path

import duckdb

from warehouse.inbox import read_file, read_inbox, scan_inbox
from tests.warehouse.inbox_load import load_inbox
from warehouse.records import ArticleRecord, Quarantined
from warehouse.streams import FIELD_START, QUOTED, advance

SENTENCE = ("Clashes continued near the town of {n} on Tuesday as government forces shelled "
            "positions held by opposition fighters, a monitoring group said, adding that {n} "
            "civilians had fled towards the border. ")


def article(n: int, size: int = 2500) -> dict[str, str]:
    text = (SENTENCE.format(n=n) * (size // len(SENTENCE) + 1))[:size]
    return {"id": f"a{n}", "title": f"Report {n}", "text": text, "outlet": "Wire",
            "published_at": "2025-01-02"}


def test_a_50_mb_jsonl_of_20000_articles_streams_with_bad_lines_alone(tmp_path: Path) -> None:
    path = tmp_path / "bulk.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for n in range(1, 20_001):
            if n == 777:
                out.write('{"id": "broken", "text": "no closing brace"\n')
            elif n == 15_000:
                out.write(json.dumps(article(n, size=2 * 1024 * 1024)) + "\n")  # one 2 MB record
            else:
                out.write(json.dumps(article(n)) + "\n")
    size = path.stat().st_size
    assert size > 50 * 1024 * 1024
    (item,) = scan_inbox(tmp_path).files

    tracemalloc.start()
    records = quarantined = 0
    bad: list[Quarantined] = []
    for entry in read_file(tmp_path, item, None, record_limit=1024 * 1024):
        if isinstance(entry, ArticleRecord):
            records += 1
            assert entry.language == "en" and entry.title
        else:
            quarantined += 1
            bad.append(entry)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    assert records == 19_998 and quarantined == 2
    assert [(q.source_uri.rsplit("#", 1)[1], q.reason) for q in bad] == [
        ("line=777", "malformed_json"), ("line=15000", "too_large")]
    assert "line 15000" in bad[1].detail and "SITREP_MAX_ARTICLE_BYTES" in bad[1].detail
    # streamed: the reader never held the 50 MB file, nor even the whole 2 MB record
    assert peak < 8 * 1024 * 1024, f"peak {peak} bytes while reading a {size} byte file"


def test_the_size_limit_is_per_record_not_per_file(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SITREP_MAX_FILE_BYTES", "10000")  # would refuse the file as a whole
    monkeypatch.setenv("SITREP_MAX_ARTICLE_BYTES", "3000")
    lines = [json.dumps(article(n, size=2000)) for n in range(20)]
    (tmp_path / "f.jsonl").write_text("\n".join(lines) + "\n")
    batch = read_inbox(tmp_path)
    assert len(batch.records) == 20 and batch.quarantined == []


def write_csv(path: Path, rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def test_a_csv_with_a_bad_row_loads_the_others(tmp_path: Path) -> None:
    header = ["id", "title", "text", "outlet", "published_at"]
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    write_csv(inbox / "desk.csv", [
        header,
        ["r1", "One", 'Fighters said "we hold the town",\nafter a night of clashes.', "W", "2025-01-01"],
        ["r2", "Two", "A row with one field too many.", "W", "2025-01-01", "EXTRA"],
        ["r3", "Three", "Shelling hit Ariha,\n\nkilling three, rescuers said.", "W", "2025-01-03"],
        ["r4", "Four", "", "W", "2025-01-04"],
        ["r5", "Five", "Residents fled Morek.", "W", "1/5/25"],
    ])
    with duckdb.connect(str(tmp_path / "w.duckdb")) as conn:
        load_inbox(conn, inbox)
        stored = conn.execute("SELECT external_id, text FROM raw.articles ORDER BY 1").fetchall()
        refused = conn.execute("SELECT source_uri, reason, detail FROM raw.quarantine ORDER BY 1").fetchall()
    assert [s[0] for s in stored] == ["r1", "r3", "r5"]
    assert dict(stored)["r1"] == 'Fighters said "we hold the town",\nafter a night of clashes.'
    assert dict(stored)["r3"] == "Shelling hit Ariha,\n\nkilling three, rescuers said."
    assert [(uri.rsplit("#", 1)[1], reason) for uri, reason, _ in refused] == [
        ("row=2", "malformed_csv"), ("row=4", "missing_text")]
    assert "line 4" in refused[0][2]  # row 1 spans lines 2-3, so row 2 starts on line 4


def test_an_oversized_or_undecodable_csv_record_is_refused_alone(tmp_path: Path) -> None:
    big = "x, \"quoted\" and more,\n" * 300  # commas, quotes and newlines inside the field
    good = "Government troops pulled back, a monitor said."
    body = ("id,text\n" + f'1,"{good}"\n' + '2,"' + big.replace('"', '""') + '"\n'
            + f'3,"{good} Again."\n').encode() + b"4,caf\xe9 in Latin-1\n" + f'5,"{good} Last."\n'.encode()
    (tmp_path / "mixed.csv").write_bytes(body)
    batch = read_inbox(tmp_path, record_limit=2000)
    assert [r.external_id for r in batch.records] == ["1", "3", "5"]
    assert [(q.source_uri.rsplit("#", 1)[1], q.reason) for q in batch.quarantined] == [
        ("row=2", "too_large"), ("row=4", "undecodable")]


def test_an_unclosed_quote_is_one_row(tmp_path: Path) -> None:
    (tmp_path / "cut.csv").write_text('id,text\n1,"A complete story."\n2,"A story cut off\n')
    batch = read_inbox(tmp_path)
    assert [r.external_id for r in batch.records] == ["1"]
    assert [(q.source_uri.rsplit("#", 1)[1], q.reason) for q in batch.quarantined] == [("row=2", "malformed_csv")]


def test_quote_state_follows_across_chunks() -> None:
    # the escaped quote "" split across two chunks must not close the field
    state = advance('1,"He said "', FIELD_START)
    assert state != QUOTED  # just after a quote: escaped or closing is not known yet
    assert advance('" yes"" today\n', state) == QUOTED
    assert advance('",2\n', advance('1,"a', FIELD_START)) != QUOTED


def test_empty_and_binary_bulk_files(tmp_path: Path) -> None:
    (tmp_path / "e.jsonl").write_bytes(b"")
    (tmp_path / "w.csv").write_bytes(b"\n \n")
    (tmp_path / "b.jsonl").write_bytes(b'{"text": "x"}\x00\x00')
    reasons = {Path(q.source_uri).name: q.reason for q in read_inbox(tmp_path).quarantined}
    assert reasons == {"e.jsonl": "empty", "w.csv": "empty", "b.jsonl": "binary"}


def test_the_streamed_csv_reader_agrees_with_polars_on_fakes(shared_dir: Path, tmp_path: Path) -> None:
    """FA-KES (quoted multi-line texts, commas, quotes): every text read as Polars reads it."""
    import shutil

    import polars as pl
    import pytest

    source = shared_dir / "benchmarks" / "fakes" / "dev.csv"
    if not source.exists():
        pytest.skip(f"{source} is absent")
    shutil.copy(source, tmp_path / "dev.csv")
    batch = read_inbox(tmp_path)
    expected = pl.read_csv(source, infer_schema=False)
    assert batch.quarantined == []
    assert [r.text for r in batch.records] == expected["article_content"].to_list()
    assert [r.external_id for r in batch.records] == expected["unit_id"].to_list()
