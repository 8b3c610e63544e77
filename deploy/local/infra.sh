#!/usr/bin/env bash
# The whole local stack: PostgreSQL, Kafka, Keycloak, GreenMail, Zipkin (in that order).
#
#   infra.sh up [--record FILE]   start whatever is not running. Prints which
#                                 components it started and which were already
#                                 running; with --record, writes the names of the
#                                 components it started (one per line) to FILE
#                                 (also when it fails half-way).
#   infra.sh down [--only FILE]   stop zipkin, mail, keycloak, kafka, postgres; with --only, stop
#                                 just the components listed in FILE.
#   infra.sh status               exit 0 only if all five are up.
#
# Typical test wrapper: "start what is not running, run tests, stop what we started":
#   deploy/local/infra.sh up --record "$f"; run-tests; deploy/local/infra.sh down --only "$f"
set -euo pipefail
COMPONENT=infra
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

COMPONENTS=(postgres kafka keycloak mail zipkin)   # start order; stop order is the reverse

component_script() { echo "$DEPLOY_DIR/$1.sh"; }

cmd_up() {
  local record="" started_file c t0
  if [[ $# -gt 0 ]]; then
    [[ "$1" == --record && $# -eq 2 ]] || usage_die "up [--record FILE]"
    record="$2"
  fi
  started_file="$(mktemp "$RUN_DIR/started.XXXXXX")"
  # shellcheck disable=SC2064
  trap "rm -f '$started_file'" EXIT
  if [[ -n "$record" ]]; then
    mkdir -p "$(dirname "$record")"
    : >"$record"
  fi
  t0="$(now)"
  for c in "${COMPONENTS[@]}"; do
    if ! TRELLIS_STARTED_FILE="$started_file" "$(component_script "$c")" up; then
      [[ -n "$record" ]] && cp "$started_file" "$record"
      die "$c failed to come up; started so far: $(paste -sd' ' "$started_file")"
    fi
    # Record after every component, so a failure later still leaves an accurate file.
    [[ -n "$record" ]] && cp "$started_file" "$record"
  done
  local started already=()
  started="$(paste -sd' ' "$started_file")"
  for c in "${COMPONENTS[@]}"; do
    grep -qx "$c" "$started_file" || already+=("$c")
  done
  info "up in $(elapsed_since "$t0") s"
  info "started: ${started:-(none)}"
  info "already running: ${already[*]:-(none)}"
  [[ -n "$record" ]] && info "recorded started components in $record"
  return 0
}

cmd_down() {
  local only=() c i
  if [[ $# -gt 0 ]]; then
    [[ "$1" == --only && $# -eq 2 ]] || usage_die "down [--only FILE]"
    [[ -f "$2" ]] || die "no such file: $2"
    while IFS= read -r c; do
      [[ -z "$c" ]] && continue
      [[ " ${COMPONENTS[*]} " == *" $c "* ]] || die "unknown component '$c' in $2"
      only+=("$c")
    done <"$2"
    if [[ ${#only[@]} -eq 0 ]]; then
      info "nothing to stop ($2 lists no components)"
      return 0
    fi
  else
    only=("${COMPONENTS[@]}")
  fi
  local rc=0
  for ((i = ${#COMPONENTS[@]} - 1; i >= 0; i--)); do
    c="${COMPONENTS[$i]}"
    [[ " ${only[*]} " == *" $c "* ]] || continue
    "$(component_script "$c")" down || rc=1
  done
  return "$rc"
}

cmd_status() {
  local rc=0 c
  for c in "${COMPONENTS[@]}"; do
    "$(component_script "$c")" status || rc=1
  done
  info "state dir: $STATE_DIR (logs in $LOG_DIR)"
  return "$rc"
}

cmd="${1:-}"
[[ $# -gt 0 ]] && shift
case "$cmd" in
  up) cmd_up "$@" ;;
  down) cmd_down "$@" ;;
  status) cmd_status "$@" ;;
  *) usage_die "{up [--record FILE]|down [--only FILE]|status}" ;;
esac
