"""Reading the inbox: every format, manifest metadata, and each kind of bad file."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from warehouse.inbox import read_inbox


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.fixture
def good_inbox(tmp_path: Path) -> Path:
    write(tmp_path, "a.txt", "Fighters entered the town of Kafr Nabl on Friday.\n")
    write(tmp_path, "b.md", "---\ntitle: Front matter title\noutlet: Test Wire\npublished_at: 2025-01-02\n---\n"
                            "Shelling killed three people in Ariha.\n")
    write(tmp_path, "c.json", json.dumps({"id": "x1", "title": "J", "text": "Clashes near Tal Rifaat.",
                                          "outlet": "J Wire", "published_at": "2025-01-03", "url": "https://e.org/j"}))
    write(tmp_path, "d.jsonl", json.dumps({"id": "l1", "text": "First line story."}) + "\n"
                               + json.dumps({"id": "l2", "text": "Second line story."}) + "\n")
    write(tmp_path, "e.csv", "id,title,text,outlet,published_at\nr1,T1,A csv story about Hama.,W,2025-01-04\n")
    write(tmp_path, "f.html", "<html><head><title>Page</title></head><body><nav>Menu</nav><article>"
                              "<p>Government forces withdrew from the village of Morek after a week of "
                              "heavy fighting, a monitoring group said on Sunday evening.</p>"
                              "<p>The village lies on the main road north of the provincial capital.</p>"
                              "</article></body></html>")
    write(tmp_path, "manifest.csv", "file,title,outlet,published_at,language\n"
                                    "a.txt,Manifest title,Manifest Wire,2025-01-01,en\n"
                                    "b.md,Ignored title,Ignored Wire,1999-01-01,en\n")
    return tmp_path


def test_every_format_loads_with_metadata(good_inbox: Path) -> None:
    batch = read_inbox(good_inbox)
    assert batch.quarantined == []
    by_name = {Path(r.source_uri.split("#")[0]).name + ("#" + r.source_uri.split("#")[1] if "#" in r.source_uri else ""): r
               for r in batch.records}
    assert set(by_name) == {"a.txt", "b.md", "c.json", "d.jsonl#line=1", "d.jsonl#line=2", "e.csv#row=1", "f.html"}
    assert by_name["a.txt"].title == "Manifest title" and by_name["a.txt"].published_at == date(2025, 1, 1)
    # the file's own front matter wins over the manifest, and the body excludes it
    assert by_name["b.md"].title == "Front matter title" and by_name["b.md"].published_at == date(2025, 1, 2)
    assert by_name["b.md"].text.startswith("Shelling killed")
    assert by_name["c.json"].external_id == "x1" and by_name["c.json"].url == "https://e.org/j"
    assert by_name["e.csv#row=1"].outlet == "W"
    assert "Morek" in by_name["f.html"].text and "Menu" not in by_name["f.html"].text


def test_unknown_publication_date_stays_null(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "A story with no date anywhere.")
    write(tmp_path, "b.json", json.dumps({"text": "Another story.", "published_at": "not a date"}))
    assert [r.published_at for r in read_inbox(tmp_path).records] == [None, None]


def test_fakes_style_csv_columns_are_understood(tmp_path: Path) -> None:
    write(tmp_path, "f.csv", "unit_id,article_title,article_content,source,date\n"
                             "77,A title,Some article text.,reuters,4/7/17\n")
    (record,) = read_inbox(tmp_path).records
    assert (record.external_id, record.title, record.outlet, record.published_at) == (
        "77", "A title", "reuters", date(2017, 4, 7))


BAD_FILES = {
    "empty.txt": (b"", "empty"),
    "blank.txt": (b"   \n\n", "empty"),
    "image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary"),
    "latin1.txt": ("Fighters entered Ma\u2019arrat \u00e9".encode("cp1252"), "undecodable"),
    "broken.json": (b'{"text": "unterminated', "malformed_json"),
    "notext.json": (json.dumps({"title": "no text here"}).encode(), "missing_text"),
    "nocol.csv": (b"id,title,body_html\n1,a,b\n", "missing_text"),
    "sheet.xlsx": (b"PK\x03\x04 not read", "unsupported_format"),
}


def test_each_bad_file_is_quarantined_and_the_rest_load(good_inbox: Path) -> None:
    for name, (content, _) in BAD_FILES.items():
        write(good_inbox, name, content)
    write(good_inbox, "mixed.jsonl", json.dumps({"text": "Good line one."}) + "\n{not json}\n"
                                     + json.dumps({"title": "no text"}) + "\n" + json.dumps({"text": "Good line four."}) + "\n")
    write(good_inbox, "big.txt", "x" * 2048)
    batch = read_inbox(good_inbox, limit=1024)
    reasons = {Path(q.source_uri).name: q.reason for q in batch.quarantined}
    for name, (_, reason) in BAD_FILES.items():
        assert reasons[name] == reason, name
    assert reasons["big.txt"] == "too_large"
    assert reasons["mixed.jsonl#line=2"] == "malformed_json"
    assert reasons["mixed.jsonl#line=3"] == "missing_text"
    assert all(q.detail for q in batch.quarantined)
    loaded = {Path(r.source_uri).name for r in batch.records}
    assert {"a.txt", "b.md", "c.json", "f.html", "mixed.jsonl#line=1", "mixed.jsonl#line=4"} <= loaded
    assert len(batch.records) == 7 + 2


def test_missing_inbox_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="SITREP_INBOX"):
        read_inbox(tmp_path / "nope")
