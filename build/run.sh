#!/usr/bin/env bash
# Runs the platform: a local PostgreSQL (unless ConnectionStrings__Marketplace is set), a Release build,
# a local mail server (smtp4dev) whose web inbox shows every e-mail sent, then the Host at $ASPNETCORE_URLS with the demo data. Prints the URLs and the administrator's credentials.
# Running it again while the platform runs just prints them again.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"

export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:5080}"
export MARKETPLACE_SEED_DEMO="${MARKETPLACE_SEED_DEMO:-1}"
export Logging__Json="${Logging__Json:-false}"
url="${ASPNETCORE_URLS%%;*}"; url="${url/0.0.0.0/localhost}"; url="${url/\[::\]/localhost}"; url="${url/+/localhost}"; url="${url/\*/localhost}"

if [ -z "${ConnectionStrings__Marketplace:-}" ]; then
  "$ROOT/build/postgres.sh" start
  export ConnectionStrings__Marketplace="$(local_pg_connection marketplace)"
fi

# Every e-mail the platform sends lands in smtp4dev's web inbox (unless the environment names another SMTP server).
inbox=""
if [ -z "${Marketplace__Smtp__Host:-}" ]; then
  "$ROOT/build/smtp4dev.sh" start
  export Marketplace__Smtp__Host=127.0.0.1 Marketplace__Smtp__Port="$MARKETPLACE_SMTP_PORT" Marketplace__Smtp__Security=None
  inbox="http://127.0.0.1:$MARKETPLACE_SMTP_WEB_PORT/"
fi

# A demo legal identity of the platform, so that its monthly commission invoices can be seen (not a real company).
export Marketplace__Platform__Ice="${Marketplace__Platform__Ice:-000123456000078}" Marketplace__Platform__TaxId="${Marketplace__Platform__TaxId:-1234567}"
export Marketplace__Platform__RegisterNumber="${Marketplace__Platform__RegisterNumber:-RC Agadir (démonstration)}"
export Marketplace__Platform__Address="${Marketplace__Platform__Address:-Agadir (démonstration)}"

# The first administrator: from the environment, else made once and kept in the data folder.
admin_file="$MARKETPLACE_DATA_DIR/admin.env"
if [ -z "${Marketplace__Admin__Email:-}" ]; then
  if [ ! -s "$admin_file" ]; then
    umask 077
    printf 'Marketplace__Admin__Email=%s\nMarketplace__Admin__Password=%s\n' \
      "admin@souss-massa.local" "$(head -c 18 /dev/urandom | base64 | tr -d '/+=' | head -c 20)" > "$admin_file"
  fi
  set -a; source "$admin_file"; set +a
fi

print_info() {
  cat <<INFO

  Souss-Massa cooperative marketplace is running
    site            $url/
    API reference   $url/docs
    OpenAPI         $url/openapi/v1.json
    jobs dashboard  $url/admin/jobs   (administrators)
    administrator   $Marketplace__Admin__Email / $Marketplace__Admin__Password
INFO
  if [ -n "$inbox" ]; then echo "    mail inbox      $inbox   (every e-mail the platform sends)"; fi
  if [ "$MARKETPLACE_SEED_DEMO" = "1" ] && [ -f "$ROOT/build/demo-accounts.txt" ]; then sed 's/^/    /' "$ROOT/build/demo-accounts.txt"; fi
  echo
}

if curl -fsS -o /dev/null --max-time 2 "$url/health/live" 2>/dev/null; then
  log "The platform already runs at $url: reusing it"
  print_info
  exit 0
fi

log "Building (Release)"
dotnet build src/Host/Marketplace.Host/Marketplace.Host.csproj -c Release -nologo -v q -clp:ErrorsOnly </dev/null
host_dir="$ROOT/src/Host/Marketplace.Host/bin/Release/net10.0"

log "Starting the Host at $url"
(cd "$ROOT/src/Host/Marketplace.Host" && exec dotnet "$host_dir/Marketplace.Host.dll") &
host_pid=$!
trap 'kill $host_pid 2>/dev/null || true; wait $host_pid 2>/dev/null || true' INT TERM EXIT
for _ in $(seq 1 120); do
  if curl -fsS -o /dev/null --max-time 2 "$url/health/ready" 2>/dev/null; then print_info; break; fi
  kill -0 "$host_pid" 2>/dev/null || die "The Host stopped while starting (see the log above)"
  sleep 0.5
done
wait "$host_pid"
