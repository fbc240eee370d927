#!/usr/bin/env bash
# One command from a fresh clone: install, then build the warehouse from the built-in sample
# articles through Dagster (every asset and check), then print what is in it.
# SITREP_DB and SITREP_INBOX override the warehouse file and the inbox folder.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
export DAGSTER_HOME="${DAGSTER_HOME:-$PWD/.dagster_home}"
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"  # this checkout's code for the Dagster instance too (orchestration/event_log.py)
echo "==> materializing every asset (inbox: ${SITREP_INBOX:-seeds/articles}, warehouse: ${SITREP_DB:-data/sitrep.duckdb})"
mkdir -p data
log=data/last_materialize.log
if ! .venv/bin/dagster asset materialize --select '*' -m orchestration.definitions >"$log" 2>&1; then
  tail -n 40 "$log"
  echo "error: the materialization failed; full log in $log" >&2
  exit 1
fi
echo "    $(grep -c 'STEP_SUCCESS' "$log") steps succeeded (log: $log)"
.venv/bin/python -m warehouse.summary
