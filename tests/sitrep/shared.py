"""The shared folder beside the repo (``<repo>/../shared``), else /work/shared (a worktree's
parent is not the project folder)."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def shared_seeds_folder() -> Path:
    for shared in (REPO.parent / "shared", Path("/work/shared")):
        if (shared / "seeds" / "gold.yaml").exists():
            return shared / "seeds"
    pytest.skip(f"{REPO.parent / 'shared' / 'seeds'} is absent (the shared folder sits beside the repo in CI)")
