"""An analyst in another process: every 0.2 s, open the published warehouse and count rows.

    python -m tests.lake.reader_probe OUT.jsonl STOP_FILE

Each line of OUT is one query: ``{"t": ..., "counts": {...}}`` or ``{"t": ..., "error": ...}``.
Stops when STOP_FILE exists."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from warehouse.storage import get_store

COUNTED = ("dim_articles", "fct_control_changes", "fct_casualty_claims", "control_events",
           "territorial_control")


def counts(conn) -> dict[str, int]:
    # one statement, so one snapshot even on a backend that is not pinned to one
    sql = " UNION ALL ".join(f"SELECT '{t}', count(*) FROM marts.{t}" for t in COUNTED)
    return dict(conn.execute(sql).fetchall())


def main(out: Path, stop: Path) -> None:
    store = get_store()
    with out.open("a") as log:
        while not stop.exists():
            started = time.time()
            try:
                with store.reader() as conn:
                    line = {"t": started, "counts": counts(conn)}
            except FileNotFoundError as exc:  # nothing published yet: not an answer, not a failure
                line = {"t": started, "unpublished": str(exc)[:200]}
            except Exception as exc:  # noqa: BLE001 (recorded, the test fails on it)
                line = {"t": started, "error": repr(exc)[:500]}
            log.write(json.dumps(line) + "\n")
            log.flush()
            time.sleep(max(0.0, 0.2 - (time.time() - started)))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
