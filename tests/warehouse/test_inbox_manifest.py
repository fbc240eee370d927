"""A bad manifest.csv never stops the batch: each problem is one quarantine row (issue 9).

Real files in tmp_path, loaded into a real DuckDB file through the ingestion code.
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

import duckdb
import pytest

from warehouse.inbox import read_inbox, read_manifest, scan_inbox
from tests.warehouse.inbox_load import load_inbox

STORIES = {
    "a.txt": "Opposition fighters entered the town of Kafr Nabl on Friday, a monitor said.",
    "b.txt": "Shelling killed three people in Ariha on Saturday, rescuers said.",
}
HEADER = "file,title,outlet,published_at,language\n"


def make_inbox(tmp_path: Path, manifest: bytes | None) -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name, text in STORIES.items():
        (inbox / name).write_text(text, encoding="utf-8")
    if manifest is not None:
        (inbox / "manifest.csv").write_bytes(manifest)
    return inbox


def load(tmp_path: Path, inbox: Path) -> tuple[list[tuple], list[tuple]]:
    """(articles, quarantine rows) after a real load into a DuckDB file."""
    with duckdb.connect(str(tmp_path / "w.duckdb")) as conn:
        load_inbox(conn, inbox)
        articles = conn.execute(
            "SELECT regexp_extract(source_uri, '[^/]+$'), title, outlet, published_at FROM raw.articles "
            "ORDER BY 1").fetchall()
        quarantine = conn.execute(
            "SELECT regexp_extract(source_uri, '[^/]+$'), reason, detail FROM raw.quarantine ORDER BY 1"
        ).fetchall()
    return articles, quarantine


@pytest.mark.parametrize("content, reason", [
    (b"", "empty"),
    (b"  \n\n", "empty"),
    ((HEADER + "a.txt,Caf\u00e9 news,Le Monde,2025-01-01,fr\n").encode("latin-1"), "undecodable"),
    (b"title,outlet\nx,y\n", "malformed_manifest"),
])
def test_a_manifest_that_cannot_be_used_is_one_row_and_the_articles_load(
        tmp_path: Path, content: bytes, reason: str) -> None:
    articles, quarantine = load(tmp_path, make_inbox(tmp_path, content))
    assert [a[0] for a in articles] == ["a.txt", "b.txt"]
    assert all(a[1] is None and a[2] is None for a in articles)  # no metadata applied
    assert len(quarantine) == 1
    name, got, detail = quarantine[0]
    assert (name, got) == ("manifest.csv", reason)
    assert "without the manifest's metadata" in detail


def test_a_bad_row_is_one_row_and_the_other_rows_apply(tmp_path: Path) -> None:
    manifest = (HEADER
                + "a.txt,Good title,Wire A,2025-01-01,en\n"
                + "b.txt,Bad row,Wire B,2025-01-02,en,an extra field\n").encode()
    articles, quarantine = load(tmp_path, make_inbox(tmp_path, manifest))
    by_name = {a[0]: a for a in articles}
    assert by_name["a.txt"][1:3] == ("Good title", "Wire A")
    assert by_name["b.txt"][1:3] == (None, None)
    assert len(quarantine) == 1
    assert quarantine[0][:2] == ("manifest.csv#row=2", "bad_metadata")
    assert "6 fields, the header has 5" in quarantine[0][2]


def test_rows_that_lead_out_of_the_inbox_are_refused(tmp_path: Path) -> None:
    manifest = (HEADER + "../secret.txt,X,Y,,\n/etc/passwd,X,Y,,\nsub/../../z.txt,X,Y,,\n"
                + "a.txt,Kept,Wire,,\n").encode()
    inbox = make_inbox(tmp_path, manifest)
    result = read_manifest(inbox)
    assert [q.reason for q in result.problems] == ["outside_inbox"] * 3
    assert [q.source_uri.rsplit("#", 1)[1] for q in result.problems] == ["row=1", "row=2", "row=3"]
    assert list(result.by_path) == ["a.txt"]


def test_repeated_and_nameless_rows(tmp_path: Path) -> None:
    manifest = (HEADER + "a.txt,First,W,,\na.txt,Second,W,,\n,Orphan title,W,,\n,,,,\n").encode()
    inbox = make_inbox(tmp_path, manifest)
    result = read_manifest(inbox)
    assert [(q.source_uri.rsplit("#", 1)[1], q.reason) for q in result.problems] == [
        ("row=2", "bad_metadata"), ("row=3", "bad_metadata")]
    assert result.by_path["a.txt"]["title"] == "First"


def test_an_nfd_file_name_matches_an_nfc_row(tmp_path: Path) -> None:
    name_nfc = unicodedata.normalize("NFC", "Idlib_d\u00e9p\u00eache.txt")
    name_nfd = unicodedata.normalize("NFD", name_nfc)
    assert name_nfc != name_nfd
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / name_nfd).write_text(STORIES["a.txt"], encoding="utf-8")
    (inbox / "manifest.csv").write_text(HEADER + f"{name_nfc},Accented title,Wire,2025-01-03,en\n",
                                        encoding="utf-8")
    (item,) = scan_inbox(inbox).files
    assert item.relative == name_nfd  # the name on disk is kept, compared in NFC
    (record,) = read_inbox(inbox).records
    assert (record.title, record.outlet) == ("Accented title", "Wire")


def test_a_manifest_with_a_bom_and_quoted_commas(tmp_path: Path) -> None:
    manifest = ("\ufeff" + HEADER + 'a.txt,"Army enters Hama, says ""largest"" convoy",Wire,2024-12-04,en\n')
    inbox = make_inbox(tmp_path, manifest.encode())
    batch = read_inbox(inbox)
    assert batch.quarantined == []
    titles = {Path(r.source_uri).name: r.title for r in batch.records}
    assert titles["a.txt"] == 'Army enters Hama, says "largest" convoy'


def test_a_manifest_link_out_of_the_inbox_is_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.csv"
    outside.write_text(HEADER + "a.txt,Leaked title,Wire,,\n")
    inbox = make_inbox(tmp_path, None)
    (inbox / "manifest.csv").symlink_to(outside)
    batch = read_inbox(inbox)
    assert all(r.title is None for r in batch.records)
    assert [(Path(q.source_uri).name, q.reason) for q in batch.quarantined] == [
        ("manifest.csv", "outside_inbox")]


def test_a_second_refresh_keeps_one_row_per_problem(tmp_path: Path) -> None:
    """The inbox-level rows (manifest problems, links out) are replaced, not added again,
    when a refresh runs over the same inbox, and a new article still loads."""
    manifest = (HEADER + "a.txt,Good,W,,\nb.txt,Bad,W,,,extra\n").encode()
    inbox = make_inbox(tmp_path, manifest)
    (tmp_path / "secret.txt").write_text("outside")
    (inbox / "leak.txt").symlink_to(tmp_path / "secret.txt")
    with duckdb.connect(str(tmp_path / "w.duckdb")) as conn:
        load_inbox(conn, inbox)
        (inbox / "c.txt").write_text("Rebels entered the town of Morek on Sunday, a monitor said.")
        load_inbox(conn, inbox)
        rows = conn.execute("SELECT regexp_extract(source_uri, '[^/]+$'), reason FROM raw.quarantine "
                            "ORDER BY 1").fetchall()
        n_articles = conn.execute("SELECT count(*) FROM raw.articles").fetchone()[0]
    assert rows == [("leak.txt", "outside_inbox"), ("manifest.csv#row=2", "bad_metadata")]
    assert n_articles == 3


def test_read_manifest_never_raises(tmp_path: Path) -> None:
    assert len(read_manifest(tmp_path / "no_such_inbox")) == 0
    inbox = make_inbox(tmp_path, None)
    (inbox / "manifest.csv").mkdir()  # a folder where the manifest should be
    (problem,) = read_manifest(inbox).problems
    assert problem.reason == "unreadable"
    assert [r.title for r in read_inbox(inbox).records] == [None, None]
