#!/usr/bin/env bash
# Open the Dagster UI on http://127.0.0.1:3000 (with the daemon, so the hourly schedule and
# the inbox sensor run). Run scripts/setup.sh once first. Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh >/dev/null
export DAGSTER_HOME="${DAGSTER_HOME:-$PWD/.dagster_home}"
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"  # this checkout's code for the Dagster instance too (orchestration/event_log.py)
exec .venv/bin/dagster dev -m orchestration.definitions -h 127.0.0.1 -p "${PORT:-3000}"
