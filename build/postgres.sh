#!/usr/bin/env bash
# Manages the local PostgreSQL of the platform: build/postgres.sh start|stop|status|psql [args]
# Cluster in $MARKETPLACE_DATA_DIR/postgres, listening on 127.0.0.1:$MARKETPLACE_PG_PORT only.
# Durable settings by default; MARKETPLACE_PG_FAST=1 (used by test.sh) turns fsync off when it starts one;
# MARKETPLACE_PG_OPTIONS adds server settings (bench.sh: a larger shared_buffers).
# Works as root (runs the server as the OS user postgres) and as a normal user. Idempotent.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

find_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && { echo "$d"; return; }; done
  command -v initdb >/dev/null 2>&1 && { dirname "$(readlink -f "$(command -v initdb)")"; return; }
  return 1
}

ensure_installed() {
  PGBIN="$(find_bin)" && return
  log "PostgreSQL is not installed: installing it with apt"
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  PGBIN="$(find_bin)" || die "PostgreSQL binaries not found after installing"
}

# As root, the server runs as 'postgres', which must reach the data folder; else a folder it can reach.
cluster_dir() {
  local dir="$MARKETPLACE_DATA_DIR/postgres"
  if [ "$(id -u)" -eq 0 ] && ! runuser -u postgres -- test -x "$MARKETPLACE_DATA_DIR" 2>/dev/null; then
    dir="/var/tmp/marketplace-pg-$(echo -n "$MARKETPLACE_DATA_DIR" | md5sum | cut -c1-12)"
  fi
  echo "$dir"
}

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

is_ready() { "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$MARKETPLACE_PG_PORT" >/dev/null 2>&1; }

start() {
  ensure_installed
  if is_ready; then log "PostgreSQL already runs on 127.0.0.1:$MARKETPLACE_PG_PORT: reusing it"; return; fi
  local dir; dir="$(cluster_dir)"
  exec 9>"$MARKETPLACE_DATA_DIR/.postgres.lock"; flock 9
  if is_ready; then return; fi
  if [ ! -s "$dir/PG_VERSION" ]; then
    log "Creating a PostgreSQL cluster in $dir"
    mkdir -p "$dir"; chmod 700 "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
    local pw; pw="$(mktemp)"; echo postgres > "$pw"; chmod 644 "$pw"
    as_pg "$PGBIN/initdb" -D "$dir" -U postgres --pwfile="$pw" --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$pw"
  fi
  local sock="$dir"; [ ${#sock} -gt 80 ] && sock="/tmp"   # Unix socket paths are limited to ~107 bytes
  local opts="-c listen_addresses=127.0.0.1 -p $MARKETPLACE_PG_PORT -k $sock -c max_connections=300"
  opts="$opts ${MARKETPLACE_PG_OPTIONS:-}"   # more server settings, e.g. "-c shared_buffers=512MB" (bench.sh)
  if [ "${MARKETPLACE_PG_FAST:-0}" = "1" ]; then
    opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  fi
  log "Starting PostgreSQL on 127.0.0.1:$MARKETPLACE_PG_PORT"
  as_pg "$PGBIN/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 -o "$opts" start >/dev/null \
    || { tail -20 "$dir/server.log" >&2 || true; die "PostgreSQL did not start"; }
  local db
  for db in marketplace; do
    "$PGBIN/psql" -h 127.0.0.1 -p "$MARKETPLACE_PG_PORT" -U postgres -tAc "select 1 from pg_database where datname='$db'" postgres | grep -q 1 \
      || "$PGBIN/createdb" -h 127.0.0.1 -p "$MARKETPLACE_PG_PORT" -U postgres "$db"
  done
}

stop() {
  ensure_installed
  local dir; dir="$(cluster_dir)"
  if [ -s "$dir/postmaster.pid" ]; then as_pg "$PGBIN/pg_ctl" -D "$dir" -m fast -w stop >/dev/null && log "PostgreSQL stopped"
  else log "PostgreSQL is not running from $dir"; fi
}

status() {
  ensure_installed
  if is_ready; then echo "PostgreSQL ready on 127.0.0.1:$MARKETPLACE_PG_PORT (cluster $(cluster_dir))"
  else echo "PostgreSQL not running on 127.0.0.1:$MARKETPLACE_PG_PORT"; return 3; fi
}

cmd="${1:-status}"; shift || true
case "$cmd" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  psql) ensure_installed; exec "$PGBIN/psql" -h 127.0.0.1 -p "$MARKETPLACE_PG_PORT" -U postgres "${@:-marketplace}" ;;
  *) die "usage: build/postgres.sh start|stop|status|psql [psql args]" ;;
esac
