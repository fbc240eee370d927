#!/usr/bin/env bash
# Run the whole test suite. Installs what it needs first (the Python environment, and
# Debian's chromium for the UI test when it is missing and apt-get is available).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "==> installing chromium for the UI test (apt-get)"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || echo "warning: chromium could not be installed; the UI test will be skipped" >&2
fi
bash scripts/services.sh install || echo "warning: no PostgreSQL server; the DuckLake tests (tests/lake) will be skipped" >&2
export DAGSTER_HOME="${DAGSTER_HOME:-$PWD/.dagster_home}"
# Two pytest-xdist workers: most of the time goes to single-threaded refreshes and dbt runs, so
# two at once keep both cores busy. Each file runs on one worker; tests/conftest.py starts the
# longest files first. SITREP_TEST_WORKERS=0 runs in one process.
exec .venv/bin/python -m pytest -n "${SITREP_TEST_WORKERS:-2}" --dist loadfile --no-loadscope-reorder "$@"
