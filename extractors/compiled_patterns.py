"""Regular expressions whose compiled form is kept on disk between processes.

Compiling a pattern is done in Python (``re._parser`` and ``re._compiler``) and is slow for
the large generated patterns of the rules: control's trigger families per first word
(about 230 of them on the FA-KES dev set) cost a new process 3-5 CPU s before its first
hundred articles are read. The engine's program for a pattern, though, is a plain list of
integers: ``compile(pattern, flags)`` keeps it (as packed bytes, one marshalled entry per
pattern, decoded only when asked for), with the pattern's group names, in
``$XDG_CACHE_HOME/sitrep/extractors/regex-<key>.marshal`` (``startup_cache.cache_dir``),
and a later process rebuilds the pattern object from it with ``_sre.compile`` (what
``re.compile`` itself calls last) in microseconds. The object is the one ``re.compile``
gives: equal pattern text, flags and program (``Pattern.__eq__`` compares the three).

The key is the Python version and the engine's format (``_sre.MAGIC``, ``CODESIZE``),
not the extractor version: a rule change recompiles only the patterns whose text it
changed. The file holds at most ``MAX_ENTRIES`` programs; past that, only the ones this
process used are kept. It is written (private temporary file, atomic rename, merged with
what other processes wrote meanwhile) after every ``SAVE_AFTER`` CPU seconds of compiling,
doubling each time, and at exit; a file that is damaged or foreign (its digest does not
match) is ignored and replaced; an unwritable cache is skipped; ``SITREP_EXTRACTOR_CACHE=off``
compiles everything in the process. Nothing is downloaded.
"""
from __future__ import annotations

import atexit
from array import array
import hashlib
import marshal
import os
import re
import sys
import time
from pathlib import Path
from typing import Any

from .startup_cache import cache_dir, enabled

try:  # CPython's engine; any other interpreter compiles as usual
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover
    _sre = None

_FORMAT = "sitrep-regex-code-2"
MAX_ENTRIES = 3000
SAVE_AFTER = 0.5  # CPU seconds of compiling not yet written; doubles after each write

# (pattern, flags) -> the marshalled arguments of ``_sre.compile`` after the pattern (kept as
# bytes until asked for: a process uses a fraction of the file)
_entries: dict[tuple[str, int], bytes] | None = None
_used: set[tuple[str, int]] = set()
_unsaved = 0  # programs compiled here and not yet written
_unsaved_cpu = 0.0
_save_after = SAVE_AFTER


def compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:  # noqa: A001 (re's name)
    """``re.compile(pattern, flags)``, with the compiled program read from the cache when a
    process compiled the same text with the same flags before."""
    flags = int(flags)
    if _sre is None or not isinstance(pattern, str) or not enabled():
        return re.compile(pattern, flags)
    entries = _loaded()
    key = (pattern, flags)
    stored = entries.get(key)
    if stored is not None:
        try:
            compiled = _sre.compile(pattern, *_decoded(stored))
            _used.add(key)
            return compiled
        except (TypeError, ValueError, RuntimeError, EOFError, OverflowError):  # a foreign program: compile anew
            del entries[key]
    started = time.process_time()
    compiled, entry = _build(pattern, flags)
    entries[key] = _encoded(entry)
    _used.add(key)
    _note_compiled(time.process_time() - started)
    return compiled


def _build(pattern: str, flags: int) -> tuple[re.Pattern[str], tuple[Any, ...]]:
    """What ``re._compiler.compile`` does, keeping the arguments of its last step."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    entry = (int(flags | parsed.state.flags), [int(c) for c in code], parsed.state.groups - 1,
             groupindex, tuple(indexgroup))
    return _sre.compile(pattern, *entry), entry


def _encoded(entry: tuple[Any, ...]) -> bytes:
    flags, code, groups, groupindex, indexgroup = entry
    return marshal.dumps((flags, array(_sre_code_type(), code).tobytes(), groups, groupindex, indexgroup))


def _decoded(stored: bytes) -> tuple[Any, ...]:
    flags, code_bytes, groups, groupindex, indexgroup = marshal.loads(stored)
    code = array(_sre_code_type())
    code.frombytes(code_bytes)
    return flags, code.tolist(), groups, groupindex, indexgroup


def _sre_code_type() -> str:
    """The array type of the engine's code words (``_sre.CODESIZE`` bytes, unsigned)."""
    return next(t for t in "IHLQ" if array(t).itemsize == _sre.CODESIZE)


def _note_compiled(seconds: float) -> None:
    global _unsaved, _unsaved_cpu, _save_after
    _unsaved += 1
    _unsaved_cpu += seconds
    if _unsaved_cpu >= _save_after:
        save()
        _save_after *= 2


def _path() -> Path:
    parts = (_FORMAT, sys.version, str(getattr(_sre, "MAGIC", "")), str(getattr(_sre, "CODESIZE", "")))
    return cache_dir() / f"regex-{hashlib.sha256(chr(0).join(parts).encode()).hexdigest()[:16]}.marshal"


def _read(path: Path) -> dict[tuple[str, int], bytes]:
    """The programs stored at ``path``; empty when absent, damaged or foreign."""
    try:
        stored = marshal.loads(path.read_bytes())
        fmt, digest, payload = stored
        if fmt != _FORMAT or hashlib.sha256(payload).hexdigest()[:32] != digest:
            return {}
        entries = marshal.loads(payload)
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return entries if isinstance(entries, dict) else {}


def _loaded() -> dict[tuple[str, int], bytes]:
    global _entries
    if _entries is None:
        _entries = _read(_path())
    return _entries


def save() -> None:
    """Write the programs compiled here, merged with the file as it now stands."""
    global _unsaved, _unsaved_cpu
    if not _unsaved or _entries is None or not enabled():
        return
    path = _path()
    merged = _read(path)
    merged.update(_entries)
    if len(merged) > MAX_ENTRIES:  # programs of earlier rule versions: keep what this process uses
        merged = {key: merged[key] for key in _used if key in merged}
    payload = marshal.dumps(merged)
    blob = marshal.dumps((_FORMAT, hashlib.sha256(payload).hexdigest()[:32], payload))
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(blob)
        os.replace(tmp, path)
    except OSError:  # read-only home, full disk: compile again next time
        try:
            tmp.unlink()
        except OSError:
            pass
        return
    _unsaved, _unsaved_cpu = 0, 0.0


atexit.register(save)
