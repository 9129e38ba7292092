#!/usr/bin/env bash
# A local mail server that keeps every message and shows it in a web inbox (smtp4dev 3.15.0, the .NET tool
# Rnwood.Smtp4dev, installed into $MARKETPLACE_DATA_DIR/smtp4dev when missing): build/smtp4dev.sh start|stop|status.
# SMTP on 127.0.0.1:$MARKETPLACE_SMTP_PORT (2525), web inbox and its API on 127.0.0.1:$MARKETPLACE_SMTP_WEB_PORT (5025).
# Messages live in memory: a restart empties the inbox. Idempotent; as root too.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

dir="$MARKETPLACE_DATA_DIR/smtp4dev"
pidfile="$dir/smtp4dev.pid"
web="http://127.0.0.1:$MARKETPLACE_SMTP_WEB_PORT"

is_ready() { curl -fsS -o /dev/null --max-time 2 "$web/api/messages" 2>/dev/null; }

start() {
  if is_ready; then log "smtp4dev already runs ($web): reusing it"; return; fi
  exec 8>"$MARKETPLACE_DATA_DIR/.smtp4dev.lock"; flock 8
  if is_ready; then return; fi
  if [ ! -x "$dir/smtp4dev" ]; then
    log "Installing smtp4dev 3.15.0 into ${dir}"
    dotnet tool install Rnwood.Smtp4dev --version 3.15.0 --tool-path "$dir" >/dev/null </dev/null || die "smtp4dev could not be installed"
  fi
  log "Starting smtp4dev: SMTP on 127.0.0.1:$MARKETPLACE_SMTP_PORT, inbox at $web"
  # No IMAP or POP3 (their defaults, 143 and 110, may be taken): the web inbox and its API are enough.
  (cd "$dir" && exec nohup ./smtp4dev --urls="$web" --hostname=127.0.0.1 --bindaddress=127.0.0.1 \
      --smtpport="$MARKETPLACE_SMTP_PORT" --imapport="" --pop3port="" \
      --db= --messagestokeep=5000 --sessionstokeep=100 --nousersettings </dev/null >"$dir/smtp4dev.log" 2>&1) &
  echo $! > "$pidfile"
  for _ in $(seq 1 120); do
    is_ready && return
    kill -0 "$(cat "$pidfile")" 2>/dev/null || { tail -20 "$dir/smtp4dev.log" >&2; die "smtp4dev stopped while starting"; }
    sleep 0.5
  done
  tail -20 "$dir/smtp4dev.log" >&2; die "smtp4dev did not answer within 60 s"
}

stop() {
  [ -s "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true
  rm -f "$pidfile"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if is_ready; then echo "smtp4dev runs: $web"; else echo "smtp4dev is not running"; exit 1; fi ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
