"""Named points where a refresh can be held still, so tests can SIGKILL it at a known stage.

``SITREP_PAUSE_AT=<name>`` makes the process reaching ``pause_point(<name>)`` write
``SITREP_PAUSE_FILE`` (if set) and sleep until it is killed (at most ten minutes). Unset, a
pause point does nothing.
"""
from __future__ import annotations

import os
import time
from pathlib import Path


def pause_point(name: str) -> None:
    if os.environ.get("SITREP_PAUSE_AT") != name:
        return
    marker = os.environ.get("SITREP_PAUSE_FILE")
    if marker:
        Path(marker).write_text(f"{name} {os.getpid()}\n")
    time.sleep(600)
