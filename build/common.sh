# Shared settings of the build scripts (sourced, not run). Defaults are those of ../shared/docs/API.md.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export MARKETPLACE_DATA_DIR="${MARKETPLACE_DATA_DIR:-$ROOT/.data}"
export MARKETPLACE_PG_PORT="${MARKETPLACE_PG_PORT:-55432}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
mkdir -p "$MARKETPLACE_DATA_DIR"
MARKETPLACE_DATA_DIR="$(cd "$MARKETPLACE_DATA_DIR" && pwd)"

# The connection string of the local cluster, for a given database.
local_pg_connection() {
  echo "Host=127.0.0.1;Port=$MARKETPLACE_PG_PORT;Username=postgres;Password=postgres;Database=$1"
}

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31mxx\033[0m %s\n' "$*" >&2; exit 1; }
export MARKETPLACE_SMTP_PORT="${MARKETPLACE_SMTP_PORT:-2525}"
export MARKETPLACE_SMTP_WEB_PORT="${MARKETPLACE_SMTP_WEB_PORT:-5025}"
