#!/usr/bin/env bash
# The Trellis services and the console on this machine, from their packaged Quarkus jars.
#
#   services.sh up [--record FILE] [--no-build]
#                     build (./mvnw package -DskipTests) unless every service is
#                     already running or --no-build, then start whatever is not
#                     running, with demo data, and wait until each is ready.
#                     With --record, write the names of the services it started.
#   services.sh down [--only FILE]   stop them (or only those listed in FILE).
#   services.sh status               exit 0 only if all of them are ready.
#
# Ports: gateway 8080, partner-service 8081, advisory-service 8082,
# event-service 8083, insights-service 8084, console 8085 (reached through the gateway at
# http://127.0.0.1:8080/), webhook-service 8086, all on 127.0.0.1; each one's health and metrics on its port + 1000
# (9080-9086, the management interface). Logs: $STATE_DIR/logs/<service>.log. Traces: each one exports its spans to
# Zipkin (deploy/local/zipkin.sh, started by infra.sh), http://127.0.0.1:9411/zipkin/; TRELLIS_TRACING_ZIPKIN_ENDPOINT
# and TRELLIS_TRACING_SAMPLE_RATIO (default 0.1 of new traces; a caller's sampled traceparent is always followed) pass through.
set -euo pipefail
COMPONENT=services
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# name:port, in start order (the gateway last); stop order is the reverse.
SERVICES=(partner-service:8081 advisory-service:8082 event-service:8083 insights-service:8084 webhook-service:8086 console:8085 gateway:8080)
READY_TIMEOUT="${TRELLIS_SERVICE_READY_TIMEOUT:-180}"
# The serial collector: each JVM has a small heap and shares two cores with the others, Kafka,
# Keycloak and PostgreSQL. G1's concurrent threads and write barriers cost the gateway about 15 % of
# its throughput here (docs/benchmarks.md, session 5); the JVM picks the serial collector by itself
# below 2 CPUs or 1792 MB of memory.
HEAP_OPTS="${TRELLIS_SERVICE_HEAP_OPTS:--Xmx256m -XX:+UseSerialGC}"

svc_name() { echo "${1%%:*}"; }
svc_port() { echo "${1##*:}"; }
svc_jar() { echo "$REPO_ROOT/$1/target/quarkus-app/quarkus-run.jar"; }
running_pid() { our_pid "$1" "$(svc_jar "$1")"; }
ready_url() { echo "http://127.0.0.1:$(management_port "$1")/q/health/ready"; }

build() {
  info "building the services (./mvnw package -DskipTests; log: $LOG_DIR/build.log)"
  local t0
  t0="$(now)"
  (cd "$REPO_ROOT" && ./mvnw -B -q package -DskipTests >"$LOG_DIR/build.log" 2>&1) ||
    { tail -n 40 "$LOG_DIR/build.log" >&2; die "the build failed (see $LOG_DIR/build.log)"; }
  info "built in $(elapsed_since "$t0") s"
}

cmd_up() {
  local record="" build_wanted=1
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --record) [[ $# -ge 2 ]] || usage_die "up [--record FILE] [--no-build]"; record="$2"; shift 2 ;;
      --no-build) build_wanted=0; shift ;;
      *) usage_die "up [--record FILE] [--no-build]" ;;
    esac
  done
  [[ -n "$record" ]] && { mkdir -p "$(dirname "$record")"; : >"$record"; }
  take_lock services
  require_java
  require_cmd curl curl

  local s name port pid missing=() t0 portal_secret console_secret
  for s in "${SERVICES[@]}"; do
    name="$(svc_name "$s")"
    running_pid "$name" >/dev/null || missing+=("$s")
  done
  if [[ ${#missing[@]} -eq 0 ]]; then
    info "all services already running"
    return 0
  fi
  for s in "${missing[@]}"; do
    ensure_port_free "$(svc_port "$s")" "$(svc_name "$s")"
    ensure_port_free "$(management_port "$(svc_port "$s")")" "$(svc_name "$s") (management)"
  done
  if [[ "$build_wanted" -eq 1 ]]; then
    build
  fi
  t0="$(now)"
  # Start them together: on two cores the JVMs' start-up overlaps well with the waits.
  declare -A pids=()
  for s in "${missing[@]}"; do
    name="$(svc_name "$s")"
    [[ -f "$(svc_jar "$name")" ]] || die "$(svc_jar "$name") is missing: build first (drop --no-build)"
    rotate_log "$LOG_DIR/$name.log"
    read -r -a heap <<<"$HEAP_OPTS"
    # partner-service and the console sign in to Keycloak with the secrets keycloak.sh generated for this
    # installation and gave their clients; through the environment, never the command line. The others get none.
    # webhook-service seals its subscribers' signing secrets with a key of this installation.
    portal_secret=""
    console_secret=""
    webhook_key=""
    [[ "$name" == partner-service ]] && portal_secret="$(local_secret portal-client-secret)"
    [[ "$name" == console ]] && console_secret="$(local_secret console-client-secret)"
    [[ "$name" == webhook-service ]] && webhook_key="$(local_secret webhook-secret-key)"
    # Every caller of the local stack comes from 127.0.0.1 (the e2e suite runs many public sign-ups an hour), so
    # event-service's per-client sign-up limit is raised here; the per-address one stays (docs/mail.md).
    pids[$name]="$(TRELLIS_DEMO_ENABLED=true TRELLIS_PORTAL_CLIENT_SECRET="$portal_secret" \
      TRELLIS_SIGN_UP_PER_CLIENT="${TRELLIS_SIGN_UP_PER_CLIENT:-1000}" \
      TRELLIS_CONSOLE_CLIENT_SECRET="$console_secret" TRELLIS_WEBHOOK_SECRET_KEY="$webhook_key" \
      TRELLIS_TRACING_ZIPKIN_ENDPOINT="${TRELLIS_TRACING_ZIPKIN_ENDPOINT:-http://127.0.0.1:9411/api/v2/spans}" \
      TRELLIS_TRACING_SAMPLE_RATIO="${TRELLIS_TRACING_SAMPLE_RATIO:-0.1}" \
      spawn_detached "$name" "$LOG_DIR/$name.log" "$JAVA_BIN" "${heap[@]}" -jar "$(svc_jar "$name")")"
    [[ -n "$record" ]] && echo "$name" >>"$record"
    info "starting $name (pid ${pids[$name]}, log: $LOG_DIR/$name.log)"
  done
  for s in "${missing[@]}"; do
    name="$(svc_name "$s")"
    port="$(svc_port "$s")"
    wait_for_http "$(ready_url "$port")" "$READY_TIMEOUT" "${pids[$name]}" "$name" "$LOG_DIR/$name.log"
    info "$name ready on http://127.0.0.1:$port"
  done
  info "started ${#missing[@]} service(s) in $(elapsed_since "$t0") s"
}

cmd_down() {
  local only="" s name pid
  if [[ $# -gt 0 ]]; then
    [[ "$1" == --only && $# -eq 2 ]] || usage_die "down [--only FILE]"
    [[ -f "$2" ]] || die "no such file: $2"
    only="$(cat "$2")"
  fi
  take_lock services
  for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do
    name="$(svc_name "${SERVICES[$i]}")"
    if [[ $# -gt 0 ]] && ! grep -qx "$name" <<<"$only"; then
      continue
    fi
    if pid="$(running_pid "$name")"; then
      stop_pid "$name" "$pid" 30
    else
      info "$name not running"
    fi
  done
}

cmd_status() {
  local s name port pid rc=0
  for s in "${SERVICES[@]}"; do
    name="$(svc_name "$s")"
    port="$(svc_port "$s")"
    if pid="$(running_pid "$name")"; then
      if [[ "$(curl -s -o /dev/null -m 3 -w '%{http_code}' "$(ready_url "$port")" || true)" == 200 ]]; then
        info "UP    $name http://127.0.0.1:$port (pid $pid, RSS $(pid_rss_mib "$pid") MiB)"
      else
        info "NOT READY $name (pid $pid): $(ready_url "$port")"
        rc=1
      fi
    else
      info "DOWN  $name"
      rc=3
    fi
  done
  return "$rc"
}

case "${1:-}" in
  up) shift; cmd_up "$@" ;;
  down) shift; cmd_down "$@" ;;
  status) cmd_status ;;
  *) usage_die "{up [--record FILE] [--no-build]|down [--only FILE]|status}" ;;
esac
