#!/usr/bin/env bash
# GreenMail 2.1.5 standalone: a real SMTP and IMAP server in one JVM process, for the mail the services send.
#
#   mail.sh up      fetch the jar (once, via Maven/~/.m2), start, wait until its API says ready
#   mail.sh down    SIGTERM and wait for a clean exit
#   mail.sh status  exit 0 if it is running and ready
#
# SMTP 127.0.0.1:3025, IMAP 127.0.0.1:3143, REST API http://127.0.0.1:8025/api (OpenAPI UI at /).
# Authentication is off: every recipient gets a mailbox when the first mail reaches it, and IMAP accepts
# the recipient's address as user with any password. Mail is kept in memory only (gone after a restart).
# State: $STATE/mail/greenmail-standalone-<v>.jar; log: $STATE/logs/mail.log.
set -euo pipefail
COMPONENT=mail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

GREENMAIL_VERSION=2.1.5
SMTP_PORT=3025
IMAP_PORT=3143
API_PORT=8025
MAIL_DIR="$STATE_DIR/mail"
JAR="$MAIL_DIR/greenmail-standalone-$GREENMAIL_VERSION.jar"
LOG="$LOG_DIR/mail.log"
HEAP_OPTS="${TRELLIS_MAIL_HEAP_OPTS:--Xms16m -Xmx128m}"
READY_URL="http://127.0.0.1:$API_PORT/api/service/readiness"
READY_TIMEOUT=60

running_pid() { our_pid mail "$JAR"; }

ensure_jar() {
  [[ -f "$JAR" ]] && return 0
  local dl="$MAIL_DIR/download"
  info "fetching com.icegreen:greenmail-standalone:$GREENMAIL_VERSION with Maven (cached in ~/.m2)"
  rm -rf "$dl"
  mvn_helper dependency:copy -Dartifact="com.icegreen:greenmail-standalone:$GREENMAIL_VERSION" \
    -DoutputDirectory="$dl" || die "Maven could not fetch GreenMail (is Maven Central reachable?)"
  [[ -f "$dl/greenmail-standalone-$GREENMAIL_VERSION.jar" ]] || die "expected greenmail-standalone-$GREENMAIL_VERSION.jar in $dl"
  mv "$dl/greenmail-standalone-$GREENMAIL_VERSION.jar" "$JAR"
  rm -rf "$dl"
}

server_cmd() {
  SERVER_CMD=("$JAVA_BIN")
  read -r -a heap <<<"$HEAP_OPTS"
  SERVER_CMD+=("${heap[@]}" -Djava.awt.headless=true
    -Dgreenmail.smtp.hostname=127.0.0.1 "-Dgreenmail.smtp.port=$SMTP_PORT"
    -Dgreenmail.imap.hostname=127.0.0.1 "-Dgreenmail.imap.port=$IMAP_PORT"
    -Dgreenmail.api.hostname=127.0.0.1 "-Dgreenmail.api.port=$API_PORT"
    -Dgreenmail.auth.disabled
    -jar "$JAR")
}

ready() { [[ "$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$READY_URL" || true)" == 200 ]]; }

cmd_up() {
  take_lock mail
  local pid t0
  if pid="$(running_pid)"; then
    wait_for_http "$READY_URL" "$READY_TIMEOUT" "$pid" mail "$LOG"
    info "already running (pid $pid, SMTP 127.0.0.1:$SMTP_PORT, IMAP 127.0.0.1:$IMAP_PORT)"
    return 0
  fi
  ensure_port_free "$SMTP_PORT" "GreenMail SMTP"
  ensure_port_free "$IMAP_PORT" "GreenMail IMAP"
  ensure_port_free "$API_PORT" "the GreenMail API"
  require_java
  require_cmd curl curl
  t0="$(now)"
  mkdir -p "$MAIL_DIR"
  ensure_jar
  info "starting (log: $LOG)"
  rotate_log "$LOG"
  server_cmd
  pid="$(spawn_detached mail "$LOG" "${SERVER_CMD[@]}")"
  record_started mail
  wait_for_http "$READY_URL" "$READY_TIMEOUT" "$pid" mail "$LOG"
  wait_for_port "$SMTP_PORT" "$READY_TIMEOUT" "$pid" mail "$LOG"
  wait_for_port "$IMAP_PORT" "$READY_TIMEOUT" "$pid" mail "$LOG"
  info "started in $(elapsed_since "$t0") s (pid $pid): SMTP 127.0.0.1:$SMTP_PORT, IMAP 127.0.0.1:$IMAP_PORT, API http://127.0.0.1:$API_PORT/api"
}

cmd_down() {
  take_lock mail
  local pid
  if pid="$(running_pid)"; then
    stop_pid mail "$pid" 30
  else
    info "not running"
  fi
}

cmd_status() {
  local pid
  if pid="$(running_pid)"; then
    if ready; then
      info "UP    SMTP 127.0.0.1:$SMTP_PORT, IMAP 127.0.0.1:$IMAP_PORT, API :$API_PORT (pid $pid, RSS $(pid_rss_mib "$pid") MiB)"
    else
      info "STARTING (pid $pid, not ready yet)"
      return 1
    fi
  else
    info "DOWN"
    return 3
  fi
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  *) usage_die "{up|down|status}" ;;
esac
