#!/usr/bin/env bash
# The whole test suite: starts (or reuses) the local PostgreSQL and the local mail server (smtp4dev), builds with warnings as errors, runs every
# test project against it (each test host makes its own fresh database), and ends with one line:
# "N passed, N failed, N skipped". Exit code 0 only when nothing failed.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"

MARKETPLACE_PG_FAST=1 "$ROOT/build/postgres.sh" start || die "PostgreSQL could not be started"
export MARKETPLACE_TEST_PG="$(local_pg_connection postgres)"
"$ROOT/build/smtp4dev.sh" start || die "smtp4dev could not be started"
export MARKETPLACE_TEST_SMTP_PORT="$MARKETPLACE_SMTP_PORT" MARKETPLACE_TEST_SMTP_WEB="http://127.0.0.1:$MARKETPLACE_SMTP_WEB_PORT"
unset ConnectionStrings__Marketplace   # tests make their own databases

if [ -d tests/Marketplace.Browser.Tests ] && [ ! -x /usr/bin/chromium ]; then
  log "Installing Chromium for the browser tests"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null \
    || die "Chromium could not be installed"
fi

log "Building (warnings are errors)"
dotnet build Marketplace.sln -c Release -warnaserror -nologo -v q -clp:ErrorsOnly </dev/null || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }

results="$ROOT/TestResults/$(date +%Y%m%d-%H%M%S)"
export MARKETPLACE_TEST_RESULTS="$results"   # screenshots of the browser tests go there
mkdir -p "$results"
log "Running the tests (results in ${results#$ROOT/})"
dotnet test Marketplace.sln -c Release --no-build --nologo -v q \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" \
  --blame-hang-timeout 10m "$@" </dev/null
status=$?

# The closing line, from the trx files: skipped = not executed; errors, timeouts and aborts count as failed.
projects=$(find tests -maxdepth 2 -name '*.Tests.csproj' -o -maxdepth 2 -name '*Tests.csproj' | sort -u | wc -l)
count() { grep -ho "<Counters [^>]*" "$results"/*.trx 2>/dev/null | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' | awk '{s+=$1} END {print s+0}'; }
passed=$(count passed); failed=$(( $(count failed) + $(count error) + $(count timeout) + $(count aborted) ))
skipped=$(count notExecuted)
trx=$(ls "$results"/*.trx 2>/dev/null | wc -l)
if [ "$trx" -lt "$projects" ]; then
  log "only $trx of $projects test projects wrote results: a test host crashed"
  failed=$(( failed + projects - trx ))
fi
[ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
# What failed, with its message, from the trx files: the console does not print a fixture's cleanup failure.
[ "$failed" -gt 0 ] && command -v python3 >/dev/null && python3 "$ROOT/build/trx-failures.py" "$results"/*.trx >&2
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
