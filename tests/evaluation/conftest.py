"""Shared helpers for the evaluation tests: repo root on sys.path, the shared data folder."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO / ".." / "shared"
if not SHARED.is_dir():  # a git worktree elsewhere: the shared folder at its usual place
    SHARED = Path("/work/shared")

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


@pytest.fixture
def shared_dir() -> Path:
    """``<repo>/../shared`` (or /work/shared); the test is skipped when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"shared data folder {SHARED} is absent")
    return SHARED
