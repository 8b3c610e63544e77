# shellcheck shell=bash
# Shared helpers for the local infrastructure scripts (postgres.sh, kafka.sh,
# keycloak.sh, infra.sh). Source it; do not execute it.
#
# Everything lives under the state dir ${TRELLIS_HOME:-<repo>/.trellis}:
#   logs/  every log file of the local stack
#   run/   pid files and locks
#   kafka/, keycloak/  the component installations and their data

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DEPLOY_DIR="$REPO_ROOT/deploy/local"
STATE_DIR="${TRELLIS_HOME:-$REPO_ROOT/.trellis}"
LOG_DIR="$STATE_DIR/logs"
RUN_DIR="$STATE_DIR/run"
# Tiny standalone POM used to resolve artifacts from Maven Central into ~/.m2.
HELPER_POM="$DEPLOY_DIR/kafka/pom.xml"

COMPONENT="${COMPONENT:-infra}"

mkdir -p "$LOG_DIR" "$RUN_DIR"

# ---------------------------------------------------------------- messages

info() { printf '[%s] %s\n' "$COMPONENT" "$*"; }
warn() { printf '[%s] WARNING: %s\n' "$COMPONENT" "$*" >&2; }
die()  { printf '[%s] ERROR: %s\n' "$COMPONENT" "$*" >&2; exit 1; }

usage_die() { printf 'usage: %s %s\n' "$(basename "$0")" "$1" >&2; exit 2; }

# Seconds since the epoch with millis, for "took N s" messages.
now() { date +%s.%N; }
elapsed_since() { awk -v s="$1" -v e="$(now)" 'BEGIN { printf "%.1f", e - s }'; }

# ------------------------------------------------------------ prerequisites

is_root() { [[ "$(id -u)" -eq 0 ]]; }

APT_UPDATED=0
apt_install() {
  is_root || die "'$*' is missing and I am not root: install it with apt-get install -y $*"
  command -v apt-get >/dev/null || die "'$*' is missing and there is no apt-get on this machine"
  if [[ "$APT_UPDATED" -eq 0 ]]; then
    info "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq || die "apt-get update failed"
    APT_UPDATED=1
  fi
  info "apt-get install -y $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null || die "apt-get install $* failed"
}

# require_cmd COMMAND DEBIAN_PACKAGE: install the package (as root) if the command is missing.
require_cmd() {
  command -v "$1" >/dev/null 2>&1 || apt_install "$2"
  command -v "$1" >/dev/null 2>&1 || die "'$1' still not found after installing '$2'"
}

# Java 17+ is required for Kafka 4.1 and Keycloak 26.
JAVA_BIN=""
require_java() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    JAVA_BIN="$JAVA_HOME/bin/java"
  else
    JAVA_BIN="$(command -v java || true)"
  fi
  [[ -n "$JAVA_BIN" ]] || die "no java found (need a JDK 17+ on PATH or in JAVA_HOME)"
  local v
  v="$("$JAVA_BIN" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ { print $2 }')"
  [[ "${v%%.*}" =~ ^[0-9]+$ && "${v%%.*}" -ge 17 ]] || die "java at $JAVA_BIN is version '$v'; need 17 or newer"
}

# Run the repo's Maven wrapper against the helper POM (never the root build).
mvn_helper() {
  [[ -x "$REPO_ROOT/mvnw" ]] || die "Maven wrapper $REPO_ROOT/mvnw not found"
  "$REPO_ROOT/mvnw" -q -B -f "$HELPER_POM" "$@"
}

# ------------------------------------------------------------------ locking

# Serialise concurrent up/down of the same component (e.g. two test runs).
# The lock is fd 9: anything that outlives the script (servers) must be started
# with 9>&- or it keeps the lock forever.
take_lock() {
  local name="$1"
  exec 9>"$RUN_DIR/$name.lock"
  flock -w 600 9 || die "could not get the lock $RUN_DIR/$name.lock within 10 minutes"
}

# ----------------------------------------------------------- processes, pids

pid_alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null; }

pid_cmdline() { tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null || true; }

# RSS of a pid in MiB (empty if gone).
pid_rss_mib() { awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || true; }

# First child pid of a pid (kc.sh runs java as a child).
pid_child() { awk '{ print $1 }' "/proc/$1/task/$1/children" 2>/dev/null || true; }

pidfile() { echo "$RUN_DIR/$1.pid"; }

# our_pid NAME MARKER: print the pid from run/NAME.pid if that process is alive
# and its command line contains MARKER (guards against recycled pids).
our_pid() {
  local f pid
  f="$(pidfile "$1")"
  [[ -f "$f" ]] || return 1
  pid="$(cat "$f" 2>/dev/null || true)"
  if pid_alive "$pid" && [[ "$(pid_cmdline "$pid")" == *"$2"* ]]; then
    echo "$pid"
    return 0
  fi
  rm -f "$f"   # stale
  return 1
}

# spawn_detached NAME LOGFILE CMD...: start CMD in its own session (so Ctrl-C
# or a test harness killing its process group does not take it down), append
# stdout+stderr to LOGFILE, write its pid to run/NAME.pid and print the pid.
spawn_detached() {
  local name="$1" log="$2" f
  shift 2
  f="$(pidfile "$name")"
  rm -f "$f"
  # shellcheck disable=SC2016
  nohup setsid bash -c 'echo $$ > "$1"; shift; exec "$@"' _ "$f" "$@" >>"$log" 2>&1 </dev/null 9>&- &
  local i
  for i in $(seq 50); do
    [[ -s "$f" ]] && { cat "$f"; return 0; }
    sleep 0.1
  done
  die "$name did not write its pid file $f"
}

# stop_pid NAME PID TIMEOUT_S: SIGTERM, wait, then SIGKILL the process group.
stop_pid() {
  local name="$1" pid="$2" timeout="$3" i
  info "stopping $name (pid $pid, SIGTERM)"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < timeout * 10; i++)); do
    pid_alive "$pid" || break
    sleep 0.1
  done
  if pid_alive "$pid"; then
    warn "$name did not exit within ${timeout}s; sending SIGKILL to its process group"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    sleep 0.5
  fi
  rm -f "$(pidfile "$name")"
  info "$name stopped"
}

# ------------------------------------------------------------------- ports

# port_open PORT: does 127.0.0.1:PORT accept TCP connections?
port_open() { timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

# port_owner PORT: pid listening on PORT (any address), empty if unknown/none.
port_owner() {
  command -v ss >/dev/null 2>&1 || return 0
  ss -H -ltnp "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n1 | cut -d= -f2 || true
}

port_listening() {
  if command -v ss >/dev/null 2>&1; then
    [[ -n "$(ss -H -ltn "sport = :$1" 2>/dev/null)" ]]
  else
    port_open "$1"
  fi
}

# ensure_port_free PORT WHAT: die with a clear message if someone else holds PORT.
# A service's management interface (health, metrics) listens on its HTTP port + 1000 (platform config).
management_port() { echo $(($1 + 1000)); }

ensure_port_free() {
  local port="$1" what="$2" owner
  port_listening "$port" || return 0
  owner="$(port_owner "$port")"
  if [[ -n "$owner" ]]; then
    die "port $port (needed for $what) is already in use by a process that is not ours: pid $owner: $(pid_cmdline "$owner" | cut -c1-200)"
  fi
  die "port $port (needed for $what) is already in use by a process that is not ours (install iproute2 for 'ss' to see which)"
}

# ------------------------------------------------------------------ waiting

# fail_start NAME LOG: report a failed start with the end of its log.
fail_start() {
  warn "last lines of $2:"
  tail -n 40 "$2" >&2 || true
  die "$1 failed to start (see $2)"
}

# wait_for_port PORT TIMEOUT_S PID NAME LOG
wait_for_port() {
  local port="$1" timeout="$2" pid="$3" name="$4" log="$5" deadline=$((SECONDS + $2))
  until port_open "$port"; do
    pid_alive "$pid" || fail_start "$name (process exited)" "$log"
    ((SECONDS < deadline)) || fail_start "$name (port $port not open after ${timeout}s)" "$log"
    sleep 0.2
  done
}

# wait_for_http URL TIMEOUT_S PID NAME LOG: until URL answers 200.
wait_for_http() {
  local url="$1" timeout="$2" pid="$3" name="$4" log="$5" deadline=$((SECONDS + $2))
  until [[ "$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$url" || true)" == 200 ]]; do
    pid_alive "$pid" || fail_start "$name (process exited)" "$log"
    ((SECONDS < deadline)) || fail_start "$name ($url not answering 200 after ${timeout}s)" "$log"
    sleep 0.5
  done
}

# wait_for_log LOG FROM_BYTE PATTERN TIMEOUT_S PID NAME: until PATTERN appears
# in LOG after byte offset FROM_BYTE (i.e. written by this start).
wait_for_log() {
  local log="$1" from="$2" pattern="$3" timeout="$4" pid="$5" name="$6" deadline=$((SECONDS + $4))
  until tail -c +"$((from + 1))" "$log" 2>/dev/null | grep -q -- "$pattern"; do
    pid_alive "$pid" || fail_start "$name (process exited)" "$log"
    ((SECONDS < deadline)) || fail_start "$name ('$pattern' not logged after ${timeout}s)" "$log"
    sleep 0.2
  done
}

file_size() { stat -c %s "$1" 2>/dev/null || echo 0; }

# rotate_log FILE: keep one old generation once FILE exceeds 20 MiB.
rotate_log() {
  if [[ "$(file_size "$1")" -gt $((20 * 1024 * 1024)) ]]; then
    mv -f "$1" "$1.1"
  fi
}

# ------------------------------------------------------------ infra.sh glue

# Components append their name to $TRELLIS_STARTED_FILE when "up" actually
# started them (as opposed to finding them already running).
record_started() {
  if [[ -n "${TRELLIS_STARTED_FILE:-}" ]]; then
    echo "$1" >>"$TRELLIS_STARTED_FILE"
  fi
}

# ----------------------------------------------------------------- secrets

# Secrets of this installation, made on first use and kept in the state dir (mode 600), so that no
# secret of the local stack is committed or shared between machines.
SECRETS_DIR="$STATE_DIR/secrets"

# local_secret NAME: print this installation's secret NAME ($SECRETS_DIR/NAME), making it once from
# 32 random bytes (base64url). Concurrent callers get the same value.
local_secret() {
  local f="$SECRETS_DIR/$1"
  if [[ ! -s "$f" ]]; then
    (
      umask 077
      mkdir -p "$SECRETS_DIR"
      flock -w 30 8 || exit 1
      if [[ ! -s "$f" ]]; then
        head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n' >"$f.tmp"
        mv -f "$f.tmp" "$f"
      fi
    ) 8>"$RUN_DIR/secrets.lock" || die "could not create the secret $f"
  fi
  cat "$f"
}
