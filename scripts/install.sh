#!/usr/bin/env bash
# Create .venv with Python 3.11, install the locked dependencies and the project, prepare
# the dbt manifest (offline) and a DAGSTER_HOME. Idempotent: a second run is fast.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3.11}"
if ! command -v "$PYTHON" >/dev/null 2>&1; then
  echo "error: $PYTHON not found; Sitrep needs Python 3.11 (set PYTHON=/path/to/python3.11)" >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  echo "==> creating .venv with $("$PYTHON" --version)"
  "$PYTHON" -m venv .venv
fi

stamp=.venv/.sitrep-installed
want="$(cat requirements.lock pyproject.toml | sha256sum | cut -c1-16)"
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$want" ]; then
  echo "==> installing locked dependencies (requirements.lock)"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
  echo "$want" > "$stamp"
fi

echo "==> preparing the dbt manifest (dbt parse, no database, no network)"
.venv/bin/dbt parse --quiet --project-dir dbt_project --profiles-dir dbt_project

export DAGSTER_HOME="${DAGSTER_HOME:-$PWD/.dagster_home}"
mkdir -p "$DAGSTER_HOME"
# Our instance settings; an older copy of them is updated (a hand-written dagster.yaml is kept).
if [ ! -f "$DAGSTER_HOME/dagster.yaml" ] || { head -1 "$DAGSTER_HOME/dagster.yaml" | grep -q '^# Instance settings copied into' \
     && ! cmp -s orchestration/dagster.yaml "$DAGSTER_HOME/dagster.yaml"; }; then
  cp orchestration/dagster.yaml "$DAGSTER_HOME/dagster.yaml"
fi
echo "==> ready: .venv, dbt manifest, DAGSTER_HOME=$DAGSTER_HOME"
