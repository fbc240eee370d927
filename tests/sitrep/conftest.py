"""The analyst-command tests read the warehouse of the session's one real refresh of
../shared/seeds (``seeds_refresh`` in tests/conftest.py)."""
from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def seeds_db(seeds_refresh) -> Path:
    """The published warehouse file; read it only (``seeds_copy`` is a private copy)."""
    return seeds_refresh["db"]
