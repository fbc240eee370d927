"""Compiled regular expressions kept on disk: a later process gets the pattern object
re.compile gives (same text, flags and program), a damaged file is ignored, the off switch
compiles in the process (real processes, real files)."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

# a child process: compile a few patterns (one of control's trigger families among them)
# through the cache, save, and say whether each equals re.compile's and what it matches
_CHILD = r"""
import json, re, sys
from extractors import compiled_patterns
from extractors.control.triggers import _trigger_patterns
patterns = [(r"(?P<n>\d+)\s+(?:killed|dead)", re.IGNORECASE), (r"\bal-(?P<name>\w+)", 0),
            ("|".join(f"(?P<t{i}>{p})" for i, (_, _, p) in enumerate(_trigger_patterns("seized"))), re.IGNORECASE)]
text = "Rebels seized full control of Aleppo; 12 killed in al-Bab"
out = []
for pattern, flags in patterns:
    got = compiled_patterns.compile(pattern, flags)
    m = got.search(text)
    out.append([got == re.compile(pattern, flags), got.flags == re.compile(pattern, flags).flags,
                got.groupindex == re.compile(pattern, flags).groupindex, m and [m.span(), m.lastgroup]])
compiled_patterns.save()
print(json.dumps({"results": out, "stored": len(compiled_patterns._entries or {})}))
"""


def _child(cache_home: Path, **env: str) -> dict:
    environ = {k: v for k, v in os.environ.items() if k != "SITREP_EXTRACTOR_CACHE"}
    environ.update(XDG_CACHE_HOME=str(cache_home), PYTHONPATH=str(REPO), **env)
    done = subprocess.run([sys.executable, "-c", _CHILD], cwd=REPO, env=environ, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _files(cache_home: Path) -> list[Path]:
    return list((cache_home / "sitrep" / "extractors").glob("regex-*.marshal"))


def test_a_later_process_reads_the_programs_and_gets_equal_patterns(tmp_path: Path) -> None:
    first = _child(tmp_path)
    assert [r[:3] for r in first["results"]] == [[True, True, True]] * 3
    assert first["results"][2][3][1] is not None  # the trigger family matched "seized full control of"
    (path,) = _files(tmp_path)
    written = path.stat().st_mtime_ns
    second = _child(tmp_path)
    assert second == first  # same objects, same matches, read from the file
    assert path.stat().st_mtime_ns == written  # nothing new compiled, nothing written


def test_a_damaged_file_is_ignored_and_replaced(tmp_path: Path) -> None:
    first = _child(tmp_path)
    (path,) = _files(tmp_path)
    good = path.read_bytes()
    for damage in (good[:len(good) // 2], b"not marshal", good[:-40] + bytes(40)):
        path.write_bytes(damage)
        assert _child(tmp_path) == first
        assert path.read_bytes() != damage  # rewritten whole


def test_the_off_switch_writes_nothing(tmp_path: Path) -> None:
    result = _child(tmp_path, SITREP_EXTRACTOR_CACHE="off")
    assert [r[:3] for r in result["results"]] == [[True, True, True]] * 3
    assert _files(tmp_path) == []


def test_in_process_compile_equals_re_compile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    from extractors import compiled_patterns
    for pattern, flags in ((r"(?i)under\s+(?P<who>\w+)\s+control", 0), (r"[İı]+k", re.IGNORECASE | re.ASCII)):
        assert compiled_patterns.compile(pattern, flags) == re.compile(pattern, flags)
