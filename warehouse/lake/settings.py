"""Where the DuckLake lives, read from the environment.

- ``SITREP_WAREHOUSE=ducklake`` selects this backend (the default ``duckdb`` is the file at
  ``SITREP_DB``).
- ``SITREP_LAKE_CATALOG``: the PostgreSQL catalog as a libpq connection string, e.g.
  ``host=127.0.0.1 port=5432 dbname=sitrep user=sitrep`` (password in ``PGPASSWORD`` or
  ``~/.pgpass`` rather than in the string).
- ``SITREP_LAKE_DATA``: where the Parquet files go: a directory, or ``s3://bucket/prefix/``.
- For ``s3://`` data: ``AWS_ACCESS_KEY_ID``, ``AWS_SECRET_ACCESS_KEY``, ``AWS_REGION`` (default
  ``us-east-1``), and for an S3-compatible server other than AWS ``SITREP_LAKE_S3_ENDPOINT``
  (``host:port``) with ``SITREP_LAKE_S3_USE_SSL`` (``false`` for plain http, the default when an
  endpoint is given) and path-style URLs.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Mapping

LAKE_ALIAS = "lake"  # the name the DuckLake is attached under, in Python and in dbt


def sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


@dataclass(frozen=True)
class LakeSettings:
    catalog: str                    # libpq connection string of the PostgreSQL catalog database
    data_path: str                  # directory or s3://bucket/prefix/
    s3_endpoint: str | None = None  # host:port of an S3-compatible server (moto, MinIO)
    s3_use_ssl: bool = True
    s3_region: str = "us-east-1"
    s3_key_id: str | None = field(default=None, repr=False)
    s3_secret: str | None = field(default=None, repr=False)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "LakeSettings":
        env = os.environ if env is None else env
        catalog = env.get("SITREP_LAKE_CATALOG")
        data = env.get("SITREP_LAKE_DATA")
        if not catalog or not data:
            raise RuntimeError("SITREP_WAREHOUSE=ducklake needs SITREP_LAKE_CATALOG (a PostgreSQL "
                               "connection string) and SITREP_LAKE_DATA (a directory or s3:// URL)")
        endpoint = env.get("SITREP_LAKE_S3_ENDPOINT") or None
        ssl_default = "false" if endpoint else "true"
        return cls(
            catalog=catalog, data_path=data, s3_endpoint=endpoint,
            s3_use_ssl=env.get("SITREP_LAKE_S3_USE_SSL", ssl_default).lower() in {"1", "true", "yes"},
            s3_region=env.get("AWS_REGION") or env.get("AWS_DEFAULT_REGION") or "us-east-1",
            s3_key_id=env.get("AWS_ACCESS_KEY_ID"), s3_secret=env.get("AWS_SECRET_ACCESS_KEY"),
        )

    @property
    def on_s3(self) -> bool:
        return self.data_path.startswith("s3://")

    @property
    def data_path_dir(self) -> str:
        """The data path with a trailing slash (DuckLake appends file names to it)."""
        return self.data_path if self.data_path.endswith("/") else self.data_path + "/"

    def s3_secret_options(self) -> dict[str, object]:
        """Options of the DuckDB S3 secret (also the shape dbt-duckdb's ``secrets:`` takes)."""
        options: dict[str, object] = {"type": "s3", "region": self.s3_region}
        if self.s3_key_id:
            options.update(key_id=self.s3_key_id, secret=self.s3_secret or "")
        if self.s3_endpoint:
            options.update(endpoint=self.s3_endpoint, url_style="path", use_ssl=self.s3_use_ssl)
        return options

    def secret_sql(self) -> str:
        parts = []
        for key, value in self.s3_secret_options().items():
            literal = str(value).lower() if isinstance(value, bool) else (
                value if key == "type" else sql_string(str(value)))
            parts.append(f"{key.upper()} {literal}")
        return f"CREATE OR REPLACE SECRET sitrep_lake_s3 ({', '.join(parts)})"

    def attach_sql(self, alias: str = LAKE_ALIAS, snapshot: int | None = None,
                   read_only: bool = False) -> str:
        """ATTACH the DuckLake; at a given snapshot (read-only by nature) when ``snapshot`` is set."""
        options = [f"DATA_PATH {sql_string(self.data_path_dir)}"]
        if snapshot is not None:
            options.append(f"SNAPSHOT_VERSION {int(snapshot)}")
        if read_only or snapshot is not None:
            options.append("READ_ONLY")
        return (f"ATTACH {sql_string('ducklake:postgres:' + self.catalog)} AS {alias} "
                f"({', '.join(options)})")
