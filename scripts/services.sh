#!/usr/bin/env bash
# PostgreSQL for the team warehouse (DuckLake catalog, Dagster instance), on this machine.
#
#   bash scripts/services.sh install             # Debian's postgresql, when no server binaries exist
#   bash scripts/services.sh bindir              # prints the directory holding initdb / pg_ctl
#   bash scripts/services.sh start DIR [PORT]    # initdb DIR once, start on 127.0.0.1:PORT (5432)
#   bash scripts/services.sh stop DIR
#
# `start` creates the role `sitrep` (trust authentication on 127.0.0.1 only: a local test and
# development set-up; use passwords and pg_hba rules on a shared server) and the databases
# `sitrep_lake` (DuckLake catalog) and `sitrep_dagster` (Dagster runs, events, schedules).
# Run as root, the server runs as the `postgres` system user (PostgreSQL refuses root).
set -euo pipefail

bindir() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(readlink -f "$(command -v initdb)")"; return 0; }
  return 1
}

install_pg() {
  bindir >/dev/null && return 0
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "==> installing PostgreSQL (apt-get install postgresql)" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  bindir >/dev/null || { echo "error: PostgreSQL server binaries not found and not installable" >&2; return 1; }
}

as_owner() {  # run a command as the data directory's owner (postgres when we are root)
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_pg() {
  local dir="$1" port="${2:-5432}" bin
  install_pg; bin="$(bindir)"
  mkdir -p "$dir"; [ "$(id -u)" = 0 ] && chown postgres "$dir"
  if [ ! -f "$dir/PG_VERSION" ]; then
    as_owner "$bin/initdb" -D "$dir" -U sitrep --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >/dev/null
  for db in sitrep_lake sitrep_dagster; do
    "$bin/psql" -h 127.0.0.1 -p "$port" -U sitrep -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 \
      || "$bin/createdb" -h 127.0.0.1 -p "$port" -U sitrep "$db"
  done
  echo "PostgreSQL on 127.0.0.1:$port; e.g."
  echo "  export SITREP_WAREHOUSE=ducklake"
  echo "  export SITREP_LAKE_CATALOG='host=127.0.0.1 port=$port dbname=sitrep_lake user=sitrep'"
}

case "${1:-}" in
  install) install_pg ;;
  bindir) bindir ;;
  start) start_pg "${2:?data directory}" "${3:-5432}" ;;
  stop) as_owner "$(bindir)/pg_ctl" -D "${2:?data directory}" -m fast -w stop ;;
  *) echo "usage: $0 install|bindir|start DIR [PORT]|stop DIR" >&2; exit 2 ;;
esac
