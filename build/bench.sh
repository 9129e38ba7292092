#!/usr/bin/env bash
# The benchmarks of issues 9 and 22, in one run on this machine: a pgbench baseline, then the platform's main jobs through
# HTTP, a payout run over 5,000 cooperatives, the Host's start time and memory. Every figure is also given as a ratio to
# the baseline of the same run (the machine is shared and noisy). Prints the table and writes it as JSON to
# bench/results/<date>-<commit>.json.
#
# Its own PostgreSQL (durable settings: fsync on) in $ROOT/.data/bench on 127.0.0.1:$BENCH_PG_PORT (55433), its own
# Host on $BENCH_URL (http://127.0.0.1:5090), a fresh database each run. Rate limits are lifted
# (Marketplace__RateLimits__*=0), card sales are paid through CMI with a bench merchant key (Marketplace__Payments__
# CardProvider=cmi), card sales are available at delivery (Marketplace__Payouts__CardHoldDays=0), and mail goes to a
# relay the tool plays (Marketplace__Smtp__*: it accepts every message and keeps none); nothing else differs from production. The data goes through the public API only (bench/Marketplace.Bench, BENCH_PARALLEL requests in
# flight): the owner applies for each cooperative, an administrator verifies it, the owner sets its RIB, then lists and
# publishes each product; shoppers register. The payout run's delivered sales go through the real order flow: a shopper
# places a card order, the tool posts CMI's signed callback (as CMI's server would), the cooperatives accept, ship and
# deliver each sub-order.
# Measured: the product page; search, first-time searches as the headline (all different, each asked once, for
# BENCH_SECONDS) and apart the repeated searches whose answers the Host keeps; checkout over the catalogue with 8 and 32
# shoppers, the 8-shopper run also sustained (orders / (run + the time until every background path has caught up: every
# Marten subscription and projection at the head of its store's events, no outbox delivery waiting for a retry, no
# Hangfire job enqueued or processing)); checkout on 10 popular products with 8 and 32 shoppers; the payout run.
# Works as root or not; idempotent.
# Settings: BENCH_SECONDS (30), BENCH_COOPERATIVES (500), BENCH_PRODUCTS (100000), BENCH_PAYOUT_COOPERATIVES (5000),
# BENCH_PARALLEL (24: requests in flight while loading), BENCH_DRAIN_TIMEOUT (900 s), BENCH_SKIP_PAYOUTS=1,
# BENCH_KEEP_PG=1 (leave PostgreSQL running afterwards), BENCH_PG_OPTIONS (server settings), BENCH_DATA_DIR,
# BENCH_PG_PORT, BENCH_URL, BENCH_MAIL_PORT (2527).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export MARKETPLACE_DATA_DIR="${BENCH_DATA_DIR:-$ROOT/.data/bench}"
export MARKETPLACE_PG_PORT="${BENCH_PG_PORT:-55433}"
unset MARKETPLACE_PG_FAST ConnectionStrings__Marketplace
# PostgreSQL's default shared_buffers (128 MB) is smaller than the catalogue's search table and indexes (~190 MB at
# 100,000 products); a server with this machine's 24 GB would be given more. pgbench runs on the same settings.
export MARKETPLACE_PG_OPTIONS="${BENCH_PG_OPTIONS:--c shared_buffers=512MB}"
source "$ROOT/build/common.sh"
cd "$ROOT"

seconds="${BENCH_SECONDS:-30}"
url="${BENCH_URL:-http://127.0.0.1:5090}"
run="$MARKETPLACE_DATA_DIR/run"
db=marketplace_bench
rm -rf "$run"; mkdir -p "$run" "$ROOT/bench/results"
load_start="$(cut -d' ' -f1-3 /proc/loadavg)"

if ! command -v wrk >/dev/null 2>&1; then
  log "Installing wrk (the HTTP load generator)"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null || die "wrk could not be installed"
fi

log "Building (Release)"
dotnet build src/Host/Marketplace.Host/Marketplace.Host.csproj -c Release -nologo -v q -clp:ErrorsOnly </dev/null
dotnet build bench/Marketplace.Bench/Marketplace.Bench.csproj -c Release -nologo -v q -clp:ErrorsOnly </dev/null
host_dll="$ROOT/src/Host/Marketplace.Host/bin/Release/net10.0/Marketplace.Host.dll"
bench() { dotnet "$ROOT/bench/Marketplace.Bench/bin/Release/net10.0/Marketplace.Bench.dll" "$@" --url "$url" --dir "$run"; }

"$ROOT/build/postgres.sh" start
psql_bench() { "$ROOT/build/postgres.sh" psql -v ON_ERROR_STOP=1 -qtA "$@"; }
pgbench_bin="$(ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | tail -1)"; pgbench_bin="${pgbench_bin:-pgbench}"
pgb() { "$pgbench_bin" -h 127.0.0.1 -p "$MARKETPLACE_PG_PORT" -U postgres "$@"; }

# 1. The baseline: pgbench on the same PostgreSQL, a database of its own.
log "Baseline: pgbench TPC-B-like then select-only, 8 clients, ${seconds} s each"
psql_bench -c "drop database if exists bench_pgbench with (force)" -c "create database bench_pgbench" postgres
pgb -i -s 10 -q bench_pgbench >"$run/pgbench-init.txt" 2>&1
pgb -c 8 -j 2 -T "$seconds" bench_pgbench >"$run/pgbench-tpcb.txt" 2>&1
pgb -S -c 8 -j 2 -T "$seconds" bench_pgbench >"$run/pgbench-select.txt" 2>&1
figure() { grep -oE "$1 = [0-9.]+" "$2" | head -1 | grep -oE '[0-9.]+$'; }
cat >"$run/pgbench.json" <<JSON
{"tpcb_tps": $(figure tps "$run/pgbench-tpcb.txt"), "tpcb_latency_ms": $(figure "latency average" "$run/pgbench-tpcb.txt"),
 "select_tps": $(figure tps "$run/pgbench-select.txt"), "select_latency_ms": $(figure "latency average" "$run/pgbench-select.txt")}
JSON
psql_bench -c "drop database bench_pgbench with (force)" postgres

# 2. The platform on a fresh database.
psql_bench -c "drop database if exists $db with (force)" -c "create database $db" postgres
export ConnectionStrings__Marketplace="$(local_pg_connection $db)"
export ASPNETCORE_URLS="$url" MARKETPLACE_SEED_DEMO=0
export Marketplace__Admin__Email="admin@bench.souss-massa.local" Marketplace__Admin__Password="bench-admin-password-2026"
export Marketplace__RateLimits__SignInPerMinutePerAddress=0 Marketplace__RateLimits__RegisterPerMinutePerAddress=0 Marketplace__RateLimits__CheckoutPerMinutePerShopper=0
log "Rate limits lifted for the benchmark: Marketplace__RateLimits__SignInPerMinutePerAddress=0, RegisterPerMinutePerAddress=0, CheckoutPerMinutePerShopper=0"
# The payout run pays the card sales the bench delivers just before it: no card hold (7 days by default).
export Marketplace__Payouts__CardHoldDays=0
log "Card hold lifted for the benchmark's payout run: Marketplace__Payouts__CardHoldDays=0"
# Card sales are paid through CMI: the tool posts CMI's callback signed with this merchant's store key (the outside world).
cmi_client_id="600000001" cmi_store_key="Bench-CMI-store-key-2026"
export Marketplace__Payments__CardProvider=cmi Marketplace__Cmi__ClientId="$cmi_client_id" Marketplace__Cmi__StoreKey="$cmi_store_key"
log "Card payments through CMI with a bench merchant: Marketplace__Payments__CardProvider=cmi, Marketplace__Cmi__ClientId=$cmi_client_id"
parallel="${BENCH_PARALLEL:-24}"
# Mail goes to a relay, as in a deployment: the tool plays it (accepts and counts every message, keeps none).
mail_port="${BENCH_MAIL_PORT:-2527}"
export Marketplace__Smtp__Host=127.0.0.1 Marketplace__Smtp__Port="$mail_port" Marketplace__Smtp__Security=None
log "Mail through a relay the tool plays on 127.0.0.1:$mail_port: Marketplace__Smtp__Host=127.0.0.1, Port=$mail_port, Security=None"

host_pid=""
sampler_pid=""
relay_pid=""
cleanup() {
  [ -n "$sampler_pid" ] && kill "$sampler_pid" 2>/dev/null || true
  [ -n "$relay_pid" ] && kill "$relay_pid" 2>/dev/null || true
  stop_host
  [ "${BENCH_KEEP_PG:-0}" = "1" ] || "$ROOT/build/postgres.sh" stop || true
}
trap cleanup EXIT
stop_host() {
  [ -n "$host_pid" ] || return 0
  kill "$host_pid" 2>/dev/null || true
  wait "$host_pid" 2>/dev/null || true
  host_pid=""
}
# Starts the Host (host_pid); started_in: the seconds from launch to /health/ready.
start_host() {
  local t0 t1
  curl -fsS -o /dev/null --max-time 2 "$url/health/live" 2>/dev/null && die "Something already answers at $url: stop it or set BENCH_URL"
  t0="$(date +%s.%N)"
  (cd "$ROOT/src/Host/Marketplace.Host" && exec dotnet "$host_dll") >>"$run/host.log" 2>&1 &
  host_pid=$!
  until curl -fsS -o /dev/null --max-time 2 "$url/health/ready" 2>/dev/null; do
    kill -0 "$host_pid" 2>/dev/null || { tail -30 "$run/host.log" >&2; die "The Host stopped while starting (log: $run/host.log)"; }
    sleep 0.05
  done
  t1="$(date +%s.%N)"
  started_in="$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')"
}
rss_mb() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$host_pid/status"; }
# CPU seconds used so far by the Host and by the bench's PostgreSQL, from /proc: "host pg". PostgreSQL's are its
# postmaster's own and those of the backends it has reaped (cutime, cstime), plus those of its live processes.
cpu_seconds() {
  local hz postmaster children
  hz="$(getconf CLK_TCK)"
  postmaster="$(head -1 "$MARKETPLACE_DATA_DIR/postgres/postmaster.pid")"
  children="$(pgrep -P "$postmaster" | sed 's|.*|/proc/&/stat|' | tr '\n' ' ')"
  # shellcheck disable=SC2086
  { awk '{ print "h", $14 + $15 }' "/proc/$host_pid/stat"; awk '{ print "m", $14 + $15 + $16 + $17 }' "/proc/$postmaster/stat"
    cat $children 2>/dev/null | awk '{ print "c", $14 + $15 }'; } |
    awk -v hz="$hz" '$1 == "h" { h += $2 } $1 != "h" { p += $2 } END { printf "%.2f %.2f", h / hz, p / hz }'
}

(exec 3<>"/dev/tcp/127.0.0.1/$mail_port") 2>/dev/null && die "Something already listens on 127.0.0.1:$mail_port: stop it or set BENCH_MAIL_PORT"
# exec: $! is the relay itself, so that cleanup's kill reaches it (a function run in the background is a subshell)
(exec dotnet "$ROOT/bench/Marketplace.Bench/bin/Release/net10.0/Marketplace.Bench.dll" mail-relay --port "$mail_port" --url "$url" --dir "$run") \
  >>"$run/mail-relay.log" 2>&1 &
relay_pid=$!
until (exec 3<>"/dev/tcp/127.0.0.1/$mail_port") 2>/dev/null; do
  kill -0 "$relay_pid" 2>/dev/null || die "The mail relay did not start: $(cat "$run/mail-relay.log")"
  sleep 0.1
done
log "Starting the Host on an empty database (its schemas are made)"
start_host
first_start="$started_in"

# The background work of the Host, caught up when this query answers no row: every Marten subscription or projection
# (each row of a store's mt_event_progression, named "<name>:<shard>", but the daemon's own marks HighWaterMark,
# HighWaterAllocationFence and HighWaterStuckGap) at the head of that store's events, no outbox delivery waiting for a
# retry, no Hangfire job enqueued or processing. Stores without subscriptions have only the daemon's marks: they are
# never behind. Each row says what is behind.
drain_query() {
  local s parts=()
  for s in $(psql_bench -c "select table_schema from information_schema.tables where table_name = 'mt_event_progression' order by 1" "$db"); do
    parts+=("select '$s ' || p.name || ': at ' || p.last_seq_id || ' of ' || h.head from $s.mt_event_progression p,
      (select coalesce(max(seq_id), 0) as head from $s.mt_events) h where p.name not like 'HighWater%' and p.last_seq_id < h.head")
  done
  for s in $(psql_bench -c "select table_schema from information_schema.tables where table_name = 'mt_doc_outboxdelivery' order by 1" "$db"); do
    parts+=("select '$s outbox: ' || count(*) || ' deliveries waiting for a retry' from $s.mt_doc_outboxdelivery
      where data->>'parkedAt' is null having count(*) > 0")
  done
  if [ -n "$(psql_bench -c "select 1 from information_schema.tables where table_schema = 'hangfire' and table_name = 'job'" "$db")" ]; then
    parts+=("select 'hangfire: ' || count(*) || ' jobs enqueued or processing' from hangfire.job
      where statename in ('Enqueued', 'Processing') having count(*) > 0")
  fi
  [ "${#parts[@]}" -gt 0 ] || die "No store with subscriptions and no Hangfire schema in $db: nothing to wait for?"
  local sql="" part
  for part in "${parts[@]}"; do sql="${sql:+$sql union all }$part"; done
  echo "$sql"
}
# drain NAME [SINCE]: waits until the background work has caught up; the seconds from SINCE (date +%s.%N; default now)
# go to $run/NAME-drain.json. Fails after BENCH_DRAIN_TIMEOUT seconds, saying what is behind.
drain() {
  local name="$1" since="${2:-$(date +%s.%N)}" behind now seconds last=0
  [ -n "${drain_sql:-}" ] || drain_sql="$(drain_query)"
  while :; do
    behind="$(psql_bench -c "$drain_sql" "$db")"
    now="$(date +%s.%N)"
    seconds="$(awk -v a="$since" -v b="$now" 'BEGIN { printf "%.2f", b - a }')"
    [ -z "$behind" ] && break
    if awk -v s="$seconds" -v t="${BENCH_DRAIN_TIMEOUT:-900}" 'BEGIN { exit !(s > t) }'; then
      printf '%s\n' "$behind" >&2
      die "$name: the background work has not caught up after $seconds s (BENCH_DRAIN_TIMEOUT); behind: see above"
    fi
    if [ "${seconds%.*}" -ge $((last + 15)) ]; then last="${seconds%.*}"; log "$name: after ${seconds} s still behind: $(echo "$behind" | tr '\n' ';')"; fi
    sleep 0.2
  done
  # the CPU the run's requests and their background work took, from the start of the run (load's cpu_start)
  read -r host_end pg_end <<<"$(cpu_seconds)"
  read -r host_start pg_start <<<"${cpu_start:-$host_end $pg_end}"
  printf '{"seconds": %s, "host_cpu_s": %s, "pg_cpu_s": %s}\n' "$seconds" \
    "$(awk -v a="$host_start" -v b="$host_end" 'BEGIN { printf "%.2f", b - a }')" \
    "$(awk -v a="$pg_start" -v b="$pg_end" 'BEGIN { printf "%.2f", b - a }')" >"$run/$name-drain.json"
  log "$name: background work caught up ${seconds} s after the end"
}

# 2. Data through the public API only: cooperatives, products, shoppers.
log "Loading ${BENCH_COOPERATIVES:-500} cooperatives and ${BENCH_PRODUCTS:-100000} products through the public API, $parallel requests in flight"
bench seed --admin-email "$Marketplace__Admin__Email" --admin-password "$Marketplace__Admin__Password" \
  --cooperatives "${BENCH_COOPERATIVES:-500}" --products "${BENCH_PRODUCTS:-100000}" --shoppers 32 --parallel "$parallel"
drain load
psql_bench -c "vacuum analyze" "$db"

# 6. Start time and memory at idle, on the loaded database.
stop_host
log "Restarting the Host on the loaded database"
start_host
start="$started_in"
sleep 10
rss_idle="$(rss_mb)"
log "Ready in ${start} s (first start ${first_start} s); ${rss_idle} MB resident at idle"
( peak=0; while kill -0 "$host_pid" 2>/dev/null; do r="$(rss_mb 2>/dev/null || echo 0)"; [ "${r:-0}" -gt "$peak" ] && peak="$r" && echo "$peak" >"$run/rss-peak.txt"; sleep 0.5; done ) &
sampler_pid=$!

# 3 and 4. HTTP benchmarks with wrk (2 threads) and the tool's passes; a short warm-up first.
wrk_end=""
load() { # load NAME MODE CONNECTIONS SECONDS [PATHS] [CARTS]; wrk_end: when wrk ended; cpu_start: cpu_seconds before it
  cpu_start="$(cpu_seconds)"
  BENCH_MODE="$2" BENCH_DIR="$run" BENCH_PATHS="${5:-}" BENCH_CARTS="${6:-}" BENCH_OUT="$run/$1.json" BENCH_RUN="$1-$(date +%s)" \
    wrk -t 2 -c "$3" -d "${4}s" --timeout 10s -s "$ROOT/bench/wrk/bench.lua" "$url" >"$run/$1.wrk.txt" 2>&1
  wrk_end="$(date +%s.%N)"
  log "$1: $(cat "$run/$1.json")"
}
log "Warm-up"
load warmup-product get 8 5 "$run/product-paths.txt"
log "Product page: 32 connections, ${seconds} s"
load product get 32 "$seconds" "$run/product-paths.txt"
# The headline of search: searches that are all different, each asked once (the Host keeps answers per node while the
# catalogue does not change, so a repeated search is not computed again). 500 of them warm up first, apart.
head -n 500 "$run/search-unique-paths.txt" >"$run/search-warmup-paths.txt"
tail -n +501 "$run/search-unique-paths.txt" >"$run/search-first-paths.txt"
log "Search, first-time searches: each asked once, 32 connections, ${seconds} s (after 500 others as a warm-up)"
bench pass --name search-warmup --paths "$run/search-warmup-paths.txt" --connections 32
bench pass --name search-first --paths "$run/search-first-paths.txt" --connections 32 --seconds "$seconds"
# Apart: the 5,000 searches of search-paths.txt (about 2,800 different) once (answers computed), then asked again and again.
log "Search, answers kept: a pass over the 5,000 searches, then 32 connections for ${seconds} s"
bench pass --name search-kept-first-pass --paths "$run/search-paths.txt" --connections 32
load search get 32 "$seconds" "$run/search-paths.txt"
# Checkout last: each order is also worked in the background (Catalogue's sale, Payouts), whose backlog would lengthen
# the pages' tail. Each run starts with the background work caught up, and the 8-shopper run over the catalogue is
# also measured sustained: until the background work of its orders is done.
bench tokens --shoppers 32
log "Checkout (cash on delivery, 3 lines of 2 cooperatives over the catalogue, or of 10 popular products): ${seconds} s each"
load warmup-checkout checkout 8 5
drain warmup-checkout "$wrk_end"
load checkout8 checkout 8 "$seconds"
drain checkout8 "$wrk_end"
load checkout32 checkout 32 "$seconds"
drain checkout32 "$wrk_end"
load popular8 checkout 8 "$seconds" "" "$run/popular-carts.txt"
drain popular8 "$wrk_end"
load popular32 checkout 32 "$seconds" "" "$run/popular-carts.txt"
drain popular32 "$wrk_end"
kill "$sampler_pid" 2>/dev/null || true; sampler_pid=""
printf '{"first_start_s": %s, "start_s": %s, "rss_idle_mb": %s, "rss_load_mb": %s}\n' \
  "$first_start" "$start" "$rss_idle" "$(cat "$run/rss-peak.txt" 2>/dev/null || echo null)" >"$run/host.json"

# 5. The payout run over 5,000 cooperatives with delivered sales (when the Payouts module is there).
curl -fsS -o "$run/openapi.json" "$url/openapi/v1.json" || true # not piped into grep -q: curl would fail writing (pipefail)
if [ "${BENCH_SKIP_PAYOUTS:-0}" != "1" ] && grep -q '/api/admin/payout-runs' "$run/openapi.json" 2>/dev/null; then
  log "Delivered card sales of ${BENCH_PAYOUT_COOPERATIVES:-5000} cooperatives through the order flow (CMI's callback posted by the tool)"
  bench payouts-seed --admin-email "$Marketplace__Admin__Email" --admin-password "$Marketplace__Admin__Password" \
    --cooperatives "${BENCH_PAYOUT_COOPERATIVES:-5000}" --parallel "$parallel" --cmi-client-id "$cmi_client_id" --cmi-store-key "$cmi_store_key"
  log "Waiting for the background work (the Orders outbox tells Catalogue and Payouts)"
  drain payouts-seed
  psql_bench -c "vacuum analyze" "$db"
  bench payout-run --admin-email "$Marketplace__Admin__Email" --admin-password "$Marketplace__Admin__Password"
else
  log "No payout run: the Payouts module has no POST /api/admin/payout-runs yet (or BENCH_SKIP_PAYOUTS=1)"
fi
stop_host

load_end="$(cut -d' ' -f1-3 /proc/loadavg)"
printf '{"cores": %s, "memory_mb": %s, "load_average_start": "%s", "load_average_end": "%s"}\n' "$(nproc)" \
  "$(awk '/^MemTotal/ { printf "%.0f", $2 / 1024 }' /proc/meminfo)" "$load_start" "$load_end" >"$run/machine.json"
commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
git diff --quiet HEAD 2>/dev/null || commit="$commit-dirty"
date="$(date -u +%Y-%m-%d)"
bench report --commit "$commit" --date "$date" --cooperatives "${BENCH_COOPERATIVES:-500}" --products "${BENCH_PRODUCTS:-100000}" --out "$ROOT/bench/results/$date-$commit.json"
log "Results: bench/results/$date-$commit.json (figures of this run: $run)"
