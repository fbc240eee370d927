"""Session fixtures for the DuckLake tests: a real PostgreSQL server and a real S3 server (moto),
both on 127.0.0.1, started here and stopped at the end of the session."""
from __future__ import annotations

import pytest

from tests.lake.servers import Postgres, S3Server, start_moto, start_postgres


@pytest.fixture(scope="session")
def postgres() -> Postgres:
    try:
        server = start_postgres()
    except RuntimeError as exc:
        pytest.skip(f"DuckLake tests need a PostgreSQL server: {exc}")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def s3_server() -> S3Server:
    try:
        server = start_moto()
    except Exception as exc:  # noqa: BLE001 (any failure to start means: skip with the reason)
        pytest.skip(f"the S3 case needs moto's server: {exc!r}")
    yield server
    server.stop()


@pytest.fixture
def lake_env(postgres, tmp_path, monkeypatch) -> dict[str, str]:
    """Environment selecting a fresh DuckLake: its own catalog database, data in tmp_path."""
    env = {"SITREP_WAREHOUSE": "ducklake", "SITREP_LAKE_CATALOG": postgres.new_database(),
           "SITREP_LAKE_DATA": str(tmp_path / "lake_data")}
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return env
