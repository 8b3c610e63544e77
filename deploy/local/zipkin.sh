#!/usr/bin/env bash
# Zipkin's server 3.5.1: the local stack's trace backend. The services, the gateway and the console export their
# spans to it (quarkus.otel.exporter.zipkin.endpoint, docs/operations.md "Traces"); its UI shows one request's trace
# from the gateway through the service, the outbox relay's publish and every consumer's processing.
#
#   zipkin.sh up      fetch the jar (once, via Maven/~/.m2), start, wait until /health says UP
#   zipkin.sh down    SIGTERM and wait for a clean exit
#   zipkin.sh status  exit 0 if it is running and healthy
#
# UI and API: http://127.0.0.1:9411/zipkin/ and http://127.0.0.1:9411/api/v2/ (ZIPKIN_PORT overrides the port).
# Storage is in memory only (the newest TRELLIS_ZIPKIN_MAX_SPANS spans, 500000 by default; gone after a restart).
# State: $STATE/zipkin/zipkin-server-<v>-exec.jar; log: $STATE/logs/zipkin.log.
set -euo pipefail
COMPONENT=zipkin
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ZIPKIN_VERSION=3.5.1
PORT="${ZIPKIN_PORT:-9411}"
ZIPKIN_DIR="$STATE_DIR/zipkin"
JAR="$ZIPKIN_DIR/zipkin-server-$ZIPKIN_VERSION-exec.jar"
LOG="$LOG_DIR/zipkin.log"
HEAP_OPTS="${TRELLIS_ZIPKIN_HEAP_OPTS:--Xms32m -Xmx256m}"
MAX_SPANS="${TRELLIS_ZIPKIN_MAX_SPANS:-500000}"
READY_URL="http://127.0.0.1:$PORT/health"
READY_TIMEOUT=90

running_pid() { our_pid zipkin "$JAR"; }

ensure_jar() {
  [[ -f "$JAR" ]] && return 0
  local dl="$ZIPKIN_DIR/download"
  info "fetching io.zipkin:zipkin-server:$ZIPKIN_VERSION:exec with Maven (cached in ~/.m2)"
  rm -rf "$dl"
  mvn_helper dependency:copy -Dartifact="io.zipkin:zipkin-server:$ZIPKIN_VERSION:jar:exec" \
    -DoutputDirectory="$dl" || die "Maven could not fetch Zipkin (is Maven Central reachable?)"
  [[ -f "$dl/zipkin-server-$ZIPKIN_VERSION-exec.jar" ]] || die "expected zipkin-server-$ZIPKIN_VERSION-exec.jar in $dl"
  mv "$dl/zipkin-server-$ZIPKIN_VERSION-exec.jar" "$JAR"
  rm -rf "$dl"
}

server_cmd() {
  SERVER_CMD=(env STORAGE_TYPE=mem "MEM_MAX_SPANS=$MAX_SPANS" SELF_TRACING_ENABLED=false "$JAVA_BIN")
  read -r -a heap <<<"$HEAP_OPTS"
  # One HTTP port, on loopback only (Zipkin's default listens on every address).
  SERVER_CMD+=("${heap[@]}" -Djava.awt.headless=true -jar "$JAR"
    "--armeria.ports[0].ip=127.0.0.1" "--armeria.ports[0].port=$PORT" "--armeria.ports[0].protocols=http"
    --logging.level.root=WARN --logging.level.zipkin2=INFO)
}

ready() { [[ "$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$READY_URL" || true)" == 200 ]]; }

cmd_up() {
  take_lock zipkin
  local pid t0
  if pid="$(running_pid)"; then
    wait_for_http "$READY_URL" "$READY_TIMEOUT" "$pid" zipkin "$LOG"
    info "already running (pid $pid, http://127.0.0.1:$PORT/zipkin/)"
    return 0
  fi
  ensure_port_free "$PORT" "Zipkin"
  require_java
  require_cmd curl curl
  t0="$(now)"
  mkdir -p "$ZIPKIN_DIR"
  ensure_jar
  info "starting (log: $LOG)"
  rotate_log "$LOG"
  server_cmd
  pid="$(spawn_detached zipkin "$LOG" "${SERVER_CMD[@]}")"
  record_started zipkin
  wait_for_http "$READY_URL" "$READY_TIMEOUT" "$pid" zipkin "$LOG"
  info "started in $(elapsed_since "$t0") s (pid $pid): UI http://127.0.0.1:$PORT/zipkin/, API http://127.0.0.1:$PORT/api/v2/"
}

cmd_down() {
  take_lock zipkin
  local pid
  if pid="$(running_pid)"; then
    stop_pid zipkin "$pid" 30
  else
    info "not running"
  fi
}

cmd_status() {
  local pid
  if pid="$(running_pid)"; then
    if ready; then
      info "UP    http://127.0.0.1:$PORT/zipkin/ (pid $pid, RSS $(pid_rss_mib "$pid") MiB)"
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
