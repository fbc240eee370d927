"""Running ``python -m sitrep`` as a user would: a real process on a real warehouse file."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def sitrep(*args: str, db: Path | None = None, cwd: Path | None = None, timeout: float = 120,
           **env: str) -> subprocess.CompletedProcess:
    environ = {**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "200", **env}
    if db is not None:
        environ["SITREP_DB"] = str(db)
    return subprocess.run([sys.executable, "-m", "sitrep", *args], cwd=cwd or REPO, env=environ,
                          capture_output=True, text=True, timeout=timeout)
