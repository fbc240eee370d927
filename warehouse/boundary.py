"""The inbox is a boundary: list what may be read inside it and open only that.

``scan_inbox`` walks the inbox folder without following links blindly: a symbolic link
(to a file or a folder) whose target resolves outside the inbox is refused with the reason
``outside_inbox``; a link to a file inside is read like the file (a link to a folder inside
is not followed: its files are read at their real place). Hidden files and folders are
skipped; ``*.yaml`` / ``*.yml`` (answer keys, notes) and ``manifest.csv`` are skipped
silently. Anything that is not a regular file (a FIFO, a socket, a device) is refused so a
refresh can never hang on it. ``open_inside`` checks the boundary again when the file is
opened, so a file swapped for a link after the scan is refused too.
"""
from __future__ import annotations

import errno
import os
import stat
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from .records import Quarantined

MANIFEST_NAME = "manifest.csv"
SILENTLY_SKIPPED_SUFFIXES = (".yaml", ".yml")


class OutsideInbox(Exception):
    """A path that resolves outside the inbox folder."""


@dataclass(frozen=True)
class InboxFile:
    """One file the inbox may read. ``path`` is where it sits in the inbox (a link's own
    path); ``real_path`` is what is opened (the same file, or a link's target inside)."""

    path: Path
    relative: str
    size: int
    mtime_ns: int
    real_path: Path

    @property
    def suffix(self) -> str:
        return self.path.suffix.lower()

    @property
    def key(self) -> str:
        """The relative path in Unicode NFC, the form manifest rows are compared in."""
        return unicodedata.normalize("NFC", self.relative)

    @property
    def uri(self) -> str:
        return str(self.path)


@dataclass
class ScanResult:
    root: Path
    files: list[InboxFile] = field(default_factory=list)
    refused: list[Quarantined] = field(default_factory=list)


def resolve_inbox(inbox: Path) -> Path:
    """The inbox folder, links resolved; a clear error when it does not exist."""
    root = Path(inbox).expanduser().resolve()
    if not root.is_dir():
        raise FileNotFoundError(f"inbox folder {root} does not exist (set SITREP_INBOX)")
    return root


def is_inside(root: Path, target: Path) -> bool:
    return target == root or root in target.parents


def _skipped(name: str) -> bool:
    return name.startswith(".") or name.lower().endswith(SILENTLY_SKIPPED_SUFFIXES)


def _not_regular(path: Path) -> Quarantined:
    return Quarantined(str(path), "unsupported_format",
                       "not a regular file (a FIFO, socket or device): not read")


def _unreadable(path: Path, exc: OSError) -> Quarantined:
    return Quarantined(str(path), "unreadable", describe_os_error(exc))


def describe_os_error(exc: OSError) -> str:
    """Plain words for an operating-system refusal, naming what to do."""
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM):
        return ("permission denied: this user cannot read it; the other files still load. "
                "Fix its permissions and the next refresh reads it")
    if isinstance(exc, FileNotFoundError):
        return "it disappeared while the inbox was being read"
    return f"the operating system refused to read it: {exc.strerror or exc}"


def _entry(root: Path, path: Path, real: Path) -> InboxFile:
    info = real.stat()
    return InboxFile(path=path, relative=path.relative_to(root).as_posix(),
                     size=info.st_size, mtime_ns=info.st_mtime_ns, real_path=real)


def _link(root: Path, path: Path, result: ScanResult) -> None:
    target = Path(os.path.realpath(path))
    if not is_inside(root, target):
        result.refused.append(Quarantined(
            str(path), "outside_inbox",
            f"a link to {target}, which is outside the inbox {root}: not read"))
        return
    try:
        info = target.stat()
    except FileNotFoundError:
        result.refused.append(Quarantined(str(path), "unreadable",
                                          f"a broken link: its target {target} does not exist"))
        return
    except OSError as exc:
        result.refused.append(_unreadable(path, exc))
        return
    if stat.S_ISDIR(info.st_mode):
        return  # a folder inside the inbox: its files are read where they really are
    if not stat.S_ISREG(info.st_mode):
        result.refused.append(_not_regular(path))
        return
    result.files.append(_entry(root, path, target))


def _walk(root: Path, folder: Path, result: ScanResult) -> None:
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as exc:
        result.refused.append(_unreadable(folder, exc))
        return
    for entry in entries:
        if _skipped(entry.name) or (folder == root and entry.name == MANIFEST_NAME):
            continue
        path = Path(entry.path)
        try:
            if entry.is_symlink():
                _link(root, path, result)
            elif entry.is_dir(follow_symlinks=False):
                _walk(root, path, result)
            elif entry.is_file(follow_symlinks=False):
                result.files.append(_entry(root, path, path))
            else:
                result.refused.append(_not_regular(path))
        except OSError as exc:
            result.refused.append(_unreadable(path, exc))


def scan_inbox(inbox: Path) -> ScanResult:
    """Every file the inbox may read (sorted by relative path) and every entry refused."""
    root = resolve_inbox(inbox)
    result = ScanResult(root=root)
    _walk(root, root, result)
    result.files.sort(key=lambda f: f.relative)
    return result


def open_inside(root: Path, path: Path) -> BinaryIO:
    """Open ``path`` for reading only if it still resolves inside ``root`` and is a regular
    file. Raises OutsideInbox, or OSError (PermissionError ...) from the system, at once."""
    real = Path(os.path.realpath(path))
    if not is_inside(root, real):
        raise OutsideInbox(f"{path} resolves to {real}, which is outside the inbox {root}")
    fd = os.open(real, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise IsADirectoryError(errno.EISDIR, "not a regular file", str(path))
        return os.fdopen(fd, "rb", buffering=1 << 20)
    except BaseException:
        os.close(fd)
        raise


def iter_fingerprint_lines(scan: ScanResult, manifest: Path) -> Iterator[str]:
    for item in scan.files:
        yield f"{item.relative}|{item.size}|{item.mtime_ns}"
    for item in scan.refused:
        yield f"refused|{item.source_uri}|{item.reason}"
    real = Path(os.path.realpath(manifest))
    if is_inside(scan.root, real) and real.is_file():
        info = real.stat()
        yield f"{MANIFEST_NAME}|{info.st_size}|{info.st_mtime_ns}"
