"""One refresh through the Store interface, in its own process, as the Dagster steps do it:
inbox -> raw (ingestion), raw -> claims (extraction), dbt build, publish.

    python -m tests.lake.refresh_driver INBOX RUN_ID

The warehouse comes from the environment (SITREP_WAREHOUSE, SITREP_DB / SITREP_LAKE_*).
Prints one line ``published RUN_ID`` at the end."""
from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

from warehouse.inbox import read_inbox
from warehouse.lake.retry import with_retries
from warehouse.loading import articles_to_extract, store_claims, store_inbox
from warehouse.storage import get_store

REPO = Path(__file__).resolve().parents[2]


def dbt_build(env: dict[str, str]) -> None:
    dbt = Path(sys.executable).parent / "dbt"
    run = subprocess.run([str(dbt), "build", "--quiet", "--project-dir", str(REPO / "dbt_project"),
                          "--profiles-dir", str(REPO / "dbt_project")],
                         env={**os.environ, **env}, capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(f"dbt build failed:\n{run.stdout[-3000:]}\n{run.stderr[-2000:]}")


def refresh(inbox: Path, run_id: str) -> None:
    from orchestration.assets.extraction import extract_all

    store = get_store()
    build = store.open_refresh(run_id, wait=True)
    try:
        batch = read_inbox(inbox)

        def ingest() -> None:
            with build.connect() as conn:
                store_inbox(conn, batch)

        def extract() -> None:
            with build.connect() as conn:
                rows, errors = extract_all(articles_to_extract(conn))
                store_claims(conn, rows, errors)

        with_retries(ingest, f"ingestion of {inbox}")
        with_retries(extract, f"extraction for {inbox}")
        dbt_build(build.dbt_env())
        store.publish(run_id)
    except BaseException:
        store.abandon(run_id)
        raise
    print(f"published {run_id}", flush=True)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    refresh(Path(sys.argv[1]), sys.argv[2])
