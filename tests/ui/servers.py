"""What the browser tests start: Debian's Chromium (headless, no network chatter) and a real
``dagster-webserver`` process."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def dagster_webserver(repo: Path, env: dict[str, str], log_path: Path, timeout: float = 180) -> Iterator[str]:
    """``dagster-webserver -m orchestration.definitions`` on a free port; yields its url."""
    port = free_port()
    with log_path.open("w") as log:
        proc = subprocess.Popen(
            [str(Path(sys.executable).parent / "dagster-webserver"), "-m", "orchestration.definitions",
             "-h", "127.0.0.1", "-p", str(port)], cwd=repo, env=env, stdout=log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + timeout
            while True:
                try:
                    urllib.request.urlopen(f"{url}/server_info", timeout=2)
                    break
                except OSError:
                    if proc.poll() is not None:
                        raise RuntimeError(f"dagster-webserver exited: {log_path.read_text()[-2000:]}") from None
                    if time.monotonic() > deadline:
                        raise RuntimeError(f"dagster-webserver did not answer within {timeout:.0f} s") from None
                    time.sleep(1)
            yield url
        finally:
            proc.terminate()
            proc.wait(timeout=30)
