#!/usr/bin/env bash
# Prometheus (Debian's package) scraping the local stack: the gateway and every service on their management
# ports, with the alert rules of deploy/k8s/base/monitoring/alerts.yaml loaded, so that the metrics, the alerts
# and the dashboard's queries can be tried without Kubernetes. Optional: infra.sh does not start it.
#
#   prometheus.sh up      install the package if missing (apt-get, as root), write the config, start, wait until ready
#   prometheus.sh down    SIGTERM and wait for a clean exit
#   prometheus.sh status  exit 0 if it is running and ready
#
# UI and API on http://127.0.0.1:9090 (PROMETHEUS_PORT), 127.0.0.1 only. Targets (every 15 s, /q/metrics):
# gateway 9080, partner-service 9081, advisory-service 9082, event-service 9083, insights-service 9084,
# webhook-service 9086 (the console, 9085, serves no metrics); each target carries the labels service and
# namespace="local", as in Kubernetes, so the alerts' and the dashboard's expressions work unchanged.
# A target that is not running is shown DOWN, nothing more. The Debian service itself is never started: this
# script runs its own process. State: $STATE/prometheus/{prometheus.yml,alerts.yml,data/}; log: $STATE/logs/prometheus.log.
set -euo pipefail
COMPONENT=prometheus
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PORT="${PROMETHEUS_PORT:-9090}"
PROM_DIR="$STATE_DIR/prometheus"
CONFIG="$PROM_DIR/prometheus.yml"
RULES="$PROM_DIR/alerts.yml"
LOG="$LOG_DIR/prometheus.log"
READY_URL="http://127.0.0.1:$PORT/-/ready"
READY_TIMEOUT=60
ALERTS_SOURCE="$REPO_ROOT/deploy/k8s/base/monitoring/alerts.yaml"
TARGETS=(gateway:9080 partner-service:9081 advisory-service:9082 event-service:9083 insights-service:9084 webhook-service:9086)

running_pid() { our_pid prometheus "--web.listen-address=127.0.0.1:$PORT"; }

ensure_installed() {
  command -v prometheus >/dev/null 2>&1 && return 0
  is_root || die "prometheus is missing and I am not root: apt-get install -y --no-install-recommends prometheus"
  # The package's maintainer scripts would start Debian's own service on 9090; this script runs its own.
  local policy=/usr/sbin/policy-rc.d made_policy=0
  if [[ ! -e "$policy" ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && made_policy=1
  fi
  info "apt-get install -y --no-install-recommends prometheus"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq || warn "apt-get update failed; trying the install anyway"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null \
    || { [[ "$made_policy" -eq 1 ]] && rm -f "$policy"; die "apt-get install prometheus failed"; }
  [[ "$made_policy" -eq 1 ]] && rm -f "$policy"
  command -v prometheus >/dev/null 2>&1 || die "prometheus still not found after installing the package"
}

write_config() {
  mkdir -p "$PROM_DIR/data"
  {
    echo "# Written by deploy/local/prometheus.sh; rewritten on every up."
    echo "global: {scrape_interval: 15s, evaluation_interval: 15s}"
    echo "rule_files: [$RULES]"
    echo "scrape_configs:"
    echo "  - job_name: trellis"
    echo "    metrics_path: /q/metrics"
    echo "    static_configs:"
    local t
    for t in "${TARGETS[@]}"; do
      echo "      - {targets: ['127.0.0.1:${t#*:}'], labels: {service: ${t%%:*}, namespace: local}}"
    done
  } >"$CONFIG"
  # The rule groups of the PrometheusRule, as a plain rules file.
  python3 - "$ALERTS_SOURCE" "$RULES" <<'PY' || die "cannot read the alert rules from $ALERTS_SOURCE"
import sys, yaml
rule = yaml.safe_load(open(sys.argv[1]))
with open(sys.argv[2], "w") as out:
    out.write("# From deploy/k8s/base/monitoring/alerts.yaml, written by deploy/local/prometheus.sh.\n")
    yaml.safe_dump({"groups": rule["spec"]["groups"]}, out, sort_keys=False)
PY
  if command -v promtool >/dev/null 2>&1; then
    promtool check config "$CONFIG" >/dev/null || die "promtool rejects $CONFIG"
  fi
}

cmd_up() {
  take_lock prometheus
  local pid t0
  if pid="$(running_pid)"; then
    wait_for_http "$READY_URL" "$READY_TIMEOUT" "$pid" prometheus "$LOG"
    info "already running (pid $pid, http://127.0.0.1:$PORT)"
    return 0
  fi
  ensure_port_free "$PORT" "Prometheus"
  require_cmd curl curl
  require_cmd python3 python3
  t0="$(now)"
  ensure_installed
  write_config
  info "starting (log: $LOG)"
  rotate_log "$LOG"
  pid="$(spawn_detached prometheus "$LOG" prometheus "--config.file=$CONFIG" "--storage.tsdb.path=$PROM_DIR/data" \
    "--storage.tsdb.retention.time=${PROMETHEUS_RETENTION:-7d}" "--web.listen-address=127.0.0.1:$PORT")"
  record_started prometheus
  wait_for_http "$READY_URL" "$READY_TIMEOUT" "$pid" prometheus "$LOG"
  info "started in $(elapsed_since "$t0") s (pid $pid): http://127.0.0.1:$PORT (targets: /targets, alerts: /alerts)"
}

cmd_down() {
  take_lock prometheus
  local pid
  if pid="$(running_pid)"; then
    stop_pid prometheus "$pid" 30
  else
    info "not running"
  fi
}

cmd_status() {
  local pid
  if pid="$(running_pid)"; then
    if [[ "$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$READY_URL" || true)" == 200 ]]; then
      info "UP    http://127.0.0.1:$PORT (pid $pid, RSS $(pid_rss_mib "$pid") MiB)"
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
