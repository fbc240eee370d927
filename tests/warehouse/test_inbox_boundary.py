"""The inbox is a boundary: nothing outside it is read, links or not (issue 9, issue 10)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb
import pytest

from warehouse.inbox import inbox_fingerprint, read_file, read_inbox, scan_inbox
from tests.warehouse.inbox_load import load_inbox

SECRET = "Top secret text that lives outside the inbox and must never reach the marts."
STORY = "Government forces withdrew from the village of Morek, a monitoring group said."


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    (folder / "story.txt").write_text(STORY)
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.txt").write_text(SECRET)
    return folder


def test_a_link_to_a_file_outside_is_refused_and_not_loaded(tmp_path: Path, inbox: Path) -> None:
    (inbox / "leak.txt").symlink_to(tmp_path / "outside" / "secret.txt")
    (inbox / "sub" / "relative_leak.txt").symlink_to(Path("../../outside/secret.txt"))
    with duckdb.connect(str(tmp_path / "w.duckdb")) as conn:
        load_inbox(conn, inbox)
        texts = [t for (t,) in conn.execute("SELECT text FROM raw.articles").fetchall()]
        refused = conn.execute("SELECT source_uri, reason, detail FROM raw.quarantine ORDER BY 1").fetchall()
    assert texts == [STORY]
    assert [(Path(uri).name, reason) for uri, reason, _ in refused] == [
        ("leak.txt", "outside_inbox"), ("relative_leak.txt", "outside_inbox")]
    assert all("outside the inbox" in detail for _, _, detail in refused)


def test_a_link_to_a_folder_outside_is_refused(tmp_path: Path, inbox: Path) -> None:
    (inbox / "mounted").symlink_to(tmp_path / "outside", target_is_directory=True)
    batch = read_inbox(inbox)
    assert [r.text for r in batch.records] == [STORY]
    assert [(Path(q.source_uri).name, q.reason) for q in batch.quarantined] == [("mounted", "outside_inbox")]


def test_links_that_stay_inside_are_fine(inbox: Path) -> None:
    (inbox / "sub" / "alias.txt").symlink_to(inbox / "story.txt")
    (inbox / "loop").symlink_to(inbox, target_is_directory=True)  # not followed: no endless walk
    scan = scan_inbox(inbox)
    assert [f.relative for f in scan.files] == ["story.txt", "sub/alias.txt"]
    assert scan.refused == []
    assert [r.text for r in read_inbox(inbox).records] == [STORY, STORY]


def test_an_inbox_reached_through_a_link_is_read(tmp_path: Path, inbox: Path) -> None:
    (tmp_path / "inbox_link").symlink_to(inbox, target_is_directory=True)
    assert [r.text for r in read_inbox(tmp_path / "inbox_link").records] == [STORY]


def test_a_file_swapped_for_a_link_after_the_scan_is_refused(tmp_path: Path, inbox: Path) -> None:
    (item,) = scan_inbox(inbox).files
    (inbox / "story.txt").unlink()
    (inbox / "story.txt").symlink_to(tmp_path / "outside" / "secret.txt")
    (entry,) = list(read_file(inbox, item, None))
    assert entry.reason == "outside_inbox"


def test_hidden_yaml_and_fifo(inbox: Path) -> None:
    (inbox / ".partial.txt").write_text(STORY + " hidden")
    (inbox / ".cache").mkdir()
    (inbox / ".cache" / "x.txt").write_text("hidden folder")
    (inbox / "gold.yaml").write_text("answers: []\n")
    (inbox / "notes.YML").write_text("x: 1\n")
    os.mkfifo(inbox / "pipe.txt")  # reading it would hang a refresh for ever
    batch = read_inbox(inbox)
    assert [r.text for r in batch.records] == [STORY]
    assert [(Path(q.source_uri).name, q.reason) for q in batch.quarantined] == [("pipe.txt", "unsupported_format")]


def test_the_shared_seeds_folder_quarantines_nothing(shared_seeds: Path, tmp_path: Path) -> None:
    seeds = shared_seeds
    batch = read_inbox(seeds)
    assert batch.quarantined == []
    assert len(batch.records) == len(list(seeds.glob("*.txt"))) == 5
    assert all(r.language == "en" for r in batch.records)
    # and loaded into a real warehouse, nothing lands in the quarantine table either
    with duckdb.connect(str(tmp_path / "w.duckdb")) as conn:
        load_inbox(conn, seeds)
        assert conn.execute("SELECT count(*) FROM raw.quarantine").fetchone()[0] == 0


def test_fingerprint_ignores_skipped_files_and_sees_changes(inbox: Path) -> None:
    before = inbox_fingerprint(inbox)
    (inbox / "gold.yaml").write_text("answers: []\n")
    (inbox / ".DS_Store").write_bytes(b"\x00")
    assert inbox_fingerprint(inbox) == before
    (inbox / "manifest.csv").write_text("file,title\nstory.txt,T\n")
    with_manifest = inbox_fingerprint(inbox)
    assert with_manifest != before
    (inbox / "new.txt").write_text("another")
    assert inbox_fingerprint(inbox) != with_manifest


def test_missing_inbox_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="SITREP_INBOX"):
        scan_inbox(tmp_path / "nope")


READ_AS_NOBODY = """
import sys, time
from pathlib import Path
from warehouse.inbox import read_inbox
start = time.monotonic()
batch = read_inbox(Path(sys.argv[1]))
print(f"{time.monotonic() - start:.1f}")
for q in batch.quarantined:
    print("Q", Path(q.source_uri).name, q.reason, q.detail)
for r in batch.records:
    print("R", Path(r.source_uri).name)
"""


def test_a_file_the_user_cannot_read_is_quarantined_at_once(tmp_path: Path) -> None:
    """A real process without the right to read one file: that file is one quarantine row
    naming it, the others load, and nothing waits or retries."""
    repo = Path(__file__).resolve().parents[2]
    folder = Path(tempfile.mkdtemp(prefix="sitrep-perm-"))
    try:
        folder.chmod(0o755)
        (folder / "ok.txt").write_text(STORY)
        (folder / "locked.txt").write_text(SECRET)
        (folder / "locked.txt").chmod(0o000)
        (folder / "closed").mkdir(mode=0o700)
        (folder / "closed").chmod(0o000)
        command = [sys.executable, "-c", READ_AS_NOBODY, str(folder)]
        if os.geteuid() == 0:  # root reads everything: run the reader as an ordinary user
            if not shutil.which("setpriv"):
                pytest.skip("running as root without setpriv to drop privileges")
            command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
            probe = subprocess.run([*command[:4], sys.executable, "-c", "import warehouse.inbox"],
                                   capture_output=True, env={**os.environ, "PYTHONPATH": str(repo)}, cwd="/")
            if probe.returncode != 0:
                pytest.skip(f"an ordinary user cannot import the code under {repo} (folder permissions)")
        done = subprocess.run(command, capture_output=True, text=True, timeout=120,
                              env={**os.environ, "PYTHONPATH": str(repo)}, cwd="/")
        assert done.returncode == 0, done.stderr
        lines = done.stdout.splitlines()
        assert float(lines[0]) < 10  # no retries (it used to wait about 100 s)
        quarantined = sorted(line for line in lines if line.startswith("Q "))
        assert [q.split()[1:3] for q in quarantined] == [["closed", "unreadable"], ["locked.txt", "unreadable"]]
        assert all("permission denied" in q for q in quarantined)
        assert [line for line in lines if line.startswith("R ")] == ["R ok.txt"]
    finally:
        for path in (folder / "locked.txt", folder / "closed"):
            path.chmod(0o700)
        shutil.rmtree(folder)
