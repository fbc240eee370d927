"""Real servers for the DuckLake tests, started on 127.0.0.1 by the test session itself:
PostgreSQL (scripts/services.sh: Debian's server, installed with apt-get when missing) and
moto's S3-compatible server."""
from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

import psycopg2

REPO = Path(__file__).resolve().parents[2]
SERVICES = REPO / "scripts" / "services.sh"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Postgres:
    data_dir: Path
    port: int

    def dsn(self, dbname: str = "postgres") -> str:
        return f"host=127.0.0.1 port={self.port} dbname={dbname} user=sitrep"

    def new_database(self, prefix: str = "lake") -> str:
        """A fresh, empty database; returns its connection string."""
        name = f"{prefix}_{uuid.uuid4().hex[:10]}"
        conn = psycopg2.connect(self.dsn())
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute(f"CREATE DATABASE {name}")
        conn.close()
        return self.dsn(name)

    def stop(self) -> None:
        subprocess.run(["bash", str(SERVICES), "stop", str(self.data_dir)], capture_output=True)
        shutil.rmtree(self.data_dir, ignore_errors=True)


def start_postgres() -> Postgres:
    """initdb into a fresh temp dir and start on a free port; raises RuntimeError with the
    reason when PostgreSQL cannot be installed or started."""
    installed = subprocess.run(["bash", str(SERVICES), "install"], capture_output=True, text=True)
    if installed.returncode != 0:
        raise RuntimeError(f"PostgreSQL is not available: {installed.stderr.strip()[-500:]}")
    data_dir = Path(tempfile.mkdtemp(prefix="sitrep-pg-"))
    port = free_port()
    started = subprocess.run(["bash", str(SERVICES), "start", str(data_dir), str(port)],
                             capture_output=True, text=True, timeout=120)
    if started.returncode != 0:
        log = data_dir / "server.log"
        detail = log.read_text()[-800:] if log.exists() else ""
        shutil.rmtree(data_dir, ignore_errors=True)
        raise RuntimeError(f"PostgreSQL did not start: {started.stderr.strip()[-800:]} {detail}")
    return Postgres(data_dir, port)


@dataclass
class S3Server:
    server: object
    port: int
    key_id: str = "testing"
    secret: str = "testing"
    region: str = "us-east-1"

    @property
    def endpoint(self) -> str:
        return f"127.0.0.1:{self.port}"

    def new_bucket(self) -> str:
        import boto3

        name = f"sitrep-{uuid.uuid4().hex[:10]}"
        client = boto3.client("s3", endpoint_url=f"http://{self.endpoint}", region_name=self.region,
                              aws_access_key_id=self.key_id, aws_secret_access_key=self.secret)
        client.create_bucket(Bucket=name)
        return name

    def env(self, bucket: str) -> dict[str, str]:
        return {"SITREP_LAKE_DATA": f"s3://{bucket}/lake/", "SITREP_LAKE_S3_ENDPOINT": self.endpoint,
                "SITREP_LAKE_S3_USE_SSL": "false", "AWS_ACCESS_KEY_ID": self.key_id,
                "AWS_SECRET_ACCESS_KEY": self.secret, "AWS_REGION": self.region}

    def objects(self, bucket: str) -> list[str]:
        import boto3

        client = boto3.client("s3", endpoint_url=f"http://{self.endpoint}", region_name=self.region,
                              aws_access_key_id=self.key_id, aws_secret_access_key=self.secret)
        pages = client.get_paginator("list_objects_v2").paginate(Bucket=bucket)
        return [o["Key"] for page in pages for o in page.get("Contents", [])]

    def stop(self) -> None:
        self.server.stop()


def start_moto() -> S3Server:
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    return S3Server(server, port)
