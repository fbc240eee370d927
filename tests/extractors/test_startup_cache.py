"""The start-up cache: tables built once, read back by later processes, rebuilt when stale
or damaged, safe when two processes build at once (real processes, real files)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from extractors import startup_cache
from extractors.startup_cache import cached_table

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture()
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("SITREP_EXTRACTOR_CACHE", raising=False)
    return tmp_path / "sitrep" / "extractors"


def _never() -> dict:
    raise AssertionError("built although a valid table was on disk")


def test_a_table_is_built_once_then_read(cache_home: Path) -> None:
    table = {"aleppo": (1, 2), "homs": (3,), "n": 1.5}
    assert cached_table("demo", lambda: table, ("src:1",)) == table
    assert len(list(cache_home.glob("demo-*.marshal"))) == 1
    assert cached_table("demo", _never, ("src:1",)) == table


def test_a_changed_source_gives_a_new_table(cache_home: Path) -> None:
    cached_table("demo", lambda: {"v": 1}, ("src:1",))
    assert cached_table("demo", lambda: {"v": 2}, ("src:2",)) == {"v": 2}
    assert cached_table("demo", _never, ("src:2",)) == {"v": 2}


def test_old_tables_are_pruned_to_the_newest_three(cache_home: Path) -> None:
    for version in range(6):
        cached_table("demo", lambda: {"v": version}, (f"src:{version}",))
    assert len(list(cache_home.glob("demo-*.marshal"))) == 3


def test_a_damaged_file_is_rebuilt_and_replaced(cache_home: Path) -> None:
    cached_table("demo", lambda: {"v": 1}, ("src:1",))
    (path,) = cache_home.glob("demo-*.marshal")
    for damage in (path.read_bytes()[:20], b"not marshal at all", b""):
        path.write_bytes(damage)
        assert cached_table("demo", lambda: {"v": 1}, ("src:1",)) == {"v": 1}
        assert cached_table("demo", _never, ("src:1",)) == {"v": 1}


def test_a_file_of_another_table_is_not_read(cache_home: Path) -> None:
    cached_table("demo", lambda: {"v": 1}, ("src:1",))
    (path,) = cache_home.glob("demo-*.marshal")
    other = cache_home / f"other-{path.name.split('-')[1]}"
    other.write_bytes(path.read_bytes())  # same key text, another table's name
    assert cached_table("other", lambda: {"w": 2}, ("src:1",)) == {"w": 2}


def test_off_switch_and_unwritable_cache(cache_home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SITREP_EXTRACTOR_CACHE", "off")
    assert cached_table("demo", lambda: {"v": 1}) == {"v": 1}
    assert not cache_home.exists()
    monkeypatch.delenv("SITREP_EXTRACTOR_CACHE")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file where the folder should be
    assert cached_table("demo", lambda: {"v": 3}) == {"v": 3}


_BUILDER = """
import json, sys, time
from extractors.startup_cache import cached_table
def build():
    time.sleep(0.5)  # both processes are building at the same time
    return {"place": tuple(range(20000)), "who": "built"}
table = cached_table("race", build, ("src:1",))
print(json.dumps([len(table["place"]), table["place"][-1], table["who"]]))
"""


def test_two_processes_building_at_once(cache_home: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    procs = [subprocess.Popen([sys.executable, "-c", _BUILDER], env=env, stdout=subprocess.PIPE, text=True)
             for _ in range(2)]
    outs = [p.communicate(timeout=120)[0] for p in procs]
    assert all(p.returncode == 0 for p in procs)
    assert [json.loads(o) for o in outs] == [[20000, 19999, "built"]] * 2
    # no temp file left (the children's compiled patterns, compiled_patterns.py, are kept beside)
    assert [p.name for p in cache_home.iterdir() if not p.name.startswith("regex-")] == [next(cache_home.glob("race-*.marshal")).name]
    assert cached_table("race", _never, ("src:1",))["place"][-1] == 19999


_LOOKUPS = """
import json
from extractors.geo import world
names = ["Aleppo", "Kherson", "Said", "Tell Rifaat", "Mosul", "Springfield", "Nowhere Town"]
out = {n: [repr(world.lookup_world(n)), repr(world.lookup_world(n, free_text=True)), repr(world.lookup_admin1(n))]
       for n in names}
out["firsts"] = len(world.world_first_tokens())
out["english"] = [world.is_english_word(w) for w in ("Said", "attack", "Rifaat", "EVEN")]
print(json.dumps(out, sort_keys=True))
"""


def test_world_tables_read_from_the_cache_equal_the_built_ones(cache_home: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO), "XDG_CACHE_HOME": str(cache_home.parents[1])}
    run = [sys.executable, "-c", _LOOKUPS]
    built = subprocess.run(run, env={**env, "SITREP_EXTRACTOR_CACHE": "off"}, capture_output=True, text=True, check=True)
    assert not cache_home.exists()
    first = subprocess.run(run, env=env, capture_output=True, text=True, check=True)  # builds and writes
    assert {p.name.split("-")[0] for p in cache_home.glob("*.marshal")} >= {"world_places", "world_first_tokens"}
    second = subprocess.run(run, env=env, capture_output=True, text=True, check=True)  # reads
    assert built.stdout == first.stdout == second.stdout
    assert json.loads(built.stdout)["english"] == [True, True, False, True]


def test_the_key_follows_the_extractor_version(monkeypatch: pytest.MonkeyPatch) -> None:
    key = startup_cache.table_key("demo", ("src:1",))
    monkeypatch.setattr(startup_cache, "EXTRACTOR_VERSION", "another")
    assert startup_cache.table_key("demo", ("src:1",)) != key
