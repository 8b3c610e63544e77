#!/usr/bin/env bash
# The issue-6 gateway benchmark: the same authenticated GET of one partner, measured with wrk
#   1. directly on partner-service,
#   2. through the gateway,
#   3. through Debian's nginx (proxy_pass with upstream keepalive) as the reference proxy,
# in two phases, each of ROUNDS rounds that visit the three targets in turn (so slow spells of a
# shared machine hit all three alike):
#   throughput  wrk as fast as 16 connections go: req/s, p50, p99 per target;
#   latency     wrk at one fixed request rate for all three targets (RATE), below saturation:
#               p50, p99, p99.9, and the CPU per request of the proxy (gateway JVM, nginx master
#               and workers) and of partner-service, from /proc/<pid>/stat. What a proxy adds to a
#               request is measured here; at saturation latency is mostly queueing
#               (16 connections / req/s), i.e. throughput again.
# It prints each round, the medians, and the ratios the issue's goals are about.
#
# Needs the stack running (Keycloak, partner-service, gateway: `deploy/local/trellis up`) on an
# otherwise idle machine, with the gateway's rate limits off: its defaults (gateway/README.md, "Rate
# limits") would refuse wrk's one user and one address, and the script stops if they are on. Restart
# only the gateway without them:
#   echo gateway > /tmp/gateway-only && deploy/local/services.sh down --only /tmp/gateway-only
#   TRELLIS_GATEWAY_LIMITS_PER_IP_REQUESTS_PER_SECOND=0 TRELLIS_GATEWAY_LIMITS_PER_USER_REQUESTS_PER_SECOND=0 \
#     deploy/local/services.sh up --no-build
# and the same without the two variables afterwards. Installs wrk and nginx from Debian if they are
# missing. Method and results: docs/benchmarks.md, "Gateway".
#
# Settings (environment):
#   DIRECT            partner-service base URL            http://127.0.0.1:8081
#   GATEWAY           gateway base URL                    http://127.0.0.1:8080
#   NGINX_PORT        port for the reference nginx        8090 (it proxies to DIRECT)
#   KEYCLOAK          Keycloak base URL                   http://127.0.0.1:8180
#   BENCH_USER        demo user whose token is sent       cora (community-team; password demo)
#   PARTNER_ID        partner to GET                      the first one GET /api/partners?limit=1 returns
#   TOKEN             use this bearer token instead of asking Keycloak (tests with a fake realm)
#   ROUNDS            rounds per phase                    3
#   DURATION          wrk duration, throughput phase      20s
#   LATENCY_DURATION  wrk duration, latency phase         30s
#   RATE              req/s of the latency phase          a third of direct's median throughput,
#                                                         rounded down to 100
#   THREADS           wrk threads                         2
#   CONNECTIONS       wrk connections                     16
#   WARMUP            wrk warm-up per target, once        30s (the JIT needs that long for the gateway)
#   PAUSE_DAMON       1: stop the kernel's DAMON monitors  0 (the header says whether they ran)
#                     (kdamonds) for the run and restart them on exit; needs root. docs/benchmarks.md,
#                     "DAMON", says why the p99 figures depend on it.
set -euo pipefail

DIRECT="${DIRECT:-http://127.0.0.1:8081}"
GATEWAY="${GATEWAY:-http://127.0.0.1:8080}"
NGINX_PORT="${NGINX_PORT:-8090}"
KEYCLOAK="${KEYCLOAK:-http://127.0.0.1:8180}"
BENCH_USER="${BENCH_USER:-cora}"
ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-20s}"
LATENCY_DURATION="${LATENCY_DURATION:-30s}"
RATE="${RATE:-}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-16}"
WARMUP="${WARMUP:-30s}"
PAUSE_DAMON="${PAUSE_DAMON:-0}"
TARGETS=(direct gateway nginx)

die() { echo "gateway-bench: $*" >&2; exit 1; }

install_missing() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx-light)
  ((${#missing[@]} == 0)) && return
  echo "Installing ${missing[*]} from Debian..."
  local sudo=""
  ((EUID == 0)) || sudo=sudo
  # Keep the package from starting a system-wide nginx on port 80: only ours runs, and only now.
  local policy=/usr/sbin/policy-rc.d own_policy=0
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null && $sudo chmod +x "$policy" && own_policy=1
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null ||
    { $sudo apt-get update -q >/dev/null && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null; }
  ((own_policy)) && $sudo rm -f "$policy"
  return 0
}

token() {
  if [[ -n "${TOKEN:-}" ]]; then
    echo "$TOKEN"
    return
  fi
  curl -sf -m 10 -d grant_type=password -d client_id=trellis-cli -d "username=$BENCH_USER" -d password=demo \
    "$KEYCLOAK/realms/trellis/protocol/openid-connect/token" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}

# The processes listening on a local TCP port (empty if ss cannot tell, e.g. another user's).
pids_on_port() { ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u | tr '\n' ' '; }
port_of() { local hostport="${1#*://}"; hostport="${hostport%%/*}"; echo "${hostport##*:}"; }

# The processes whose CPU a target's path adds in front of partner-service: the gateway's JVM,
# nginx's master and workers, nothing for the direct call.
proxy_pids() {
  case "$1" in
    gateway) pids_on_port "$(port_of "$GATEWAY")" ;;
    nginx) local master; master="$(cat "$work/nginx/nginx.pid" 2>/dev/null)" && echo "$master $(pgrep -P "$master" | tr '\n' ' ')" ;;
  esac
}

# CPU time (user + system, all threads) the given processes have used so far, in clock ticks.
cpu_ticks() {
  local total=0 pid
  for pid in "$@"; do
    [[ -r /proc/$pid/stat ]] && total=$((total + $(sed 's/^.*) //' "/proc/$pid/stat" | awk '{print $12 + $13}')))
  done
  echo "$total"
}

us_per_request() { awk -v t="$1" -v n="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.0f", t * 1e6 / hz / n }'; }

# One wrk run. Prints "rps p50 p99 p99.9 proxy-us upstream-us": latencies in ms, then the CPU that
# the target's proxy and partner-service used per request during the run, in µs ("-" where unknown).
# Fails if any response was not 2xx/3xx.
measure() { # label target duration [rate]
  local label="$1" url duration="$3" rate="${4:-}" tok result proxy upstream
  url="$(url_of "$2")"
  tok="$(token)"
  [[ -n "$tok" ]] || die "no token for $BENCH_USER from $KEYCLOAK"
  proxy="$(proxy_pids "$2")"
  upstream="$(pids_on_port "$(port_of "$DIRECT")")"
  local proxy_before upstream_before
  proxy_before=$(cpu_ticks $proxy)
  upstream_before=$(cpu_ticks $upstream)
  RATE="$rate" THREADS="$THREADS" wrk -t "$THREADS" -c "$CONNECTIONS" -d "$duration" -s "$script" \
    -H "Authorization: Bearer $tok" "$url" >"$work/$label.wrk" 2>"$work/$label.err" ||
    die "$label: wrk failed (see $work/$label.err)"
  local proxy_used=$(($(cpu_ticks $proxy) - proxy_before)) upstream_used=$(($(cpu_ticks $upstream) - upstream_before))
  result="$(grep '^result ' "$work/$label.err")" || die "$label: no result line (see $work/$label.err)"
  local -A r=()
  local kv
  for kv in ${result#result }; do r[${kv%%=*}]="${kv#*=}"; done
  ((r[errors] == 0)) || die "$label: ${r[errors]} responses failed or were not 2xx (see $work/$label.err)"
  local proxy_us="-" upstream_us="-"
  [[ "$2" == direct ]] && proxy_us=0
  [[ -n "$proxy" ]] && proxy_us="$(us_per_request "$proxy_used" "${r[requests]}")"
  [[ -n "$upstream" ]] && upstream_us="$(us_per_request "$upstream_used" "${r[requests]}")"
  echo "${r[rps]} ${r[p50]} ${r[p99]} ${r[p99.9]} $proxy_us $upstream_us"
}

url_of() {
  case "$1" in
    direct) echo "$DIRECT$path" ;;
    gateway) echo "$GATEWAY$path" ;;
    nginx) echo "http://127.0.0.1:$NGINX_PORT$path" ;;
  esac
}

check_target() {
  local name="$1" url status
  url="$(url_of "$name")"
  status="$(curl -s -o /dev/null -w '%{http_code}' -m 10 -H "Authorization: Bearer $(token)" "$url")"
  [[ "$status" == 200 ]] || die "$name: GET $url answered $status, not 200"
  if [[ "$name" == gateway ]] && curl -s -m 10 -D - -o /dev/null -H "Authorization: Bearer $(token)" "$url" |
    grep -qi '^ratelimit-policy:'; then
    die "the gateway's rate limits are on and would refuse wrk's requests; restart it without them (see this script's header)"
  fi
}

# The median of the numbers in "$1" (space-separated); "-" if any of them is unknown ("-").
median() {
  tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -g |
    awk '$1 == "-" {unknown = 1} {v[NR] = $1} END {print unknown ? "-" : (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'
}

# The values of one target over all rounds, from an array keyed "target,round".
rounds_of() { # array target
  local -n values=$1
  local r out=""
  for ((r = 1; r <= ROUNDS; r++)); do out+="${values[$2,$r]} "; done
  echo "$out"
}

start_nginx() {
  local upstream="${DIRECT#http://}"
  mkdir -p "$work/nginx/logs"
  cat > "$work/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  upstream partner_service { server $upstream; keepalive 32; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://partner_service;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$remote_addr;
    }
  }
}
CONF
  local nginx_bin
  nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
  "$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/logs/error.log"
  for _ in $(seq 50); do
    [[ -s "$work/nginx/nginx.pid" ]] && return
    sleep 0.1
  done
  die "nginx did not start (see $work/nginx/logs/error.log)"
}

stop_nginx() {
  [[ -s "$work/nginx/nginx.pid" ]] && kill "$(cat "$work/nginx/nginx.pid")" 2>/dev/null || true
}

# DAMON (the kernel's data access monitor) runs as kdamond threads, configured under this folder.
# Some machine images run one with a proactive-reclaim scheme: every sampling interval it takes a
# core for several milliseconds, which shows in every p99 measured here.
damon_admin=/sys/kernel/mm/damon/admin/kdamonds
paused_kdamonds=()

running_kdamonds() {
  local state
  for state in "$damon_admin"/*/state; do
    [[ -r "$state" && "$(cat "$state")" == on ]] && echo "${state%/state}"
  done
  return 0
}

pause_damon() {
  local kdamond
  for kdamond in $(running_kdamonds); do
    echo off 2>/dev/null >"$kdamond/state" || die "PAUSE_DAMON=1: cannot stop $kdamond (needs root)"
    paused_kdamonds+=("$kdamond")
  done
}

# Restarts what pause_damon stopped, with the parameters still in sysfs (writing "on" applies them).
resume_damon() {
  local kdamond
  for kdamond in "${paused_kdamonds[@]}"; do
    echo on >"$kdamond/state" || echo "gateway-bench: could not restart $kdamond; run: echo on > $kdamond/state" >&2
  done
  paused_kdamonds=()
}

damon_summary() {
  local running
  running="$(running_kdamonds | wc -l)"
  if ((${#paused_kdamonds[@]} > 0)); then
    echo "kernel DAMON: ${#paused_kdamonds[@]} kdamond(s) paused for this run (PAUSE_DAMON=1), restarted at the end"
  elif ((running > 0)); then
    echo "kernel DAMON: $running kdamond(s) running during this run (PAUSE_DAMON=1 pauses them)"
  else
    echo "kernel DAMON: none running"
  fi
}

cleanup() {
  stop_nginx
  resume_damon
}

install_missing
work="$(mktemp -d -t gateway-bench.XXXXXX)"
script="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/wrk-report.lua"
trap cleanup EXIT
# Without these, bash goes on after a signal whenever the foreground wrk exits normally.
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ -z "${PARTNER_ID:-}" ]]; then
  PARTNER_ID="$(curl -sf -m 10 -H "Authorization: Bearer $(token)" "$DIRECT/api/partners?limit=1" |
    sed -n 's/.*"id":"\([^"]*\)".*/\1/p' | head -1)"
  [[ -n "$PARTNER_ID" ]] || die "no partner found on $DIRECT; set PARTNER_ID"
fi
path="/api/partners/$PARTNER_ID"
start_nginx
for t in "${TARGETS[@]}"; do check_target "$t"; done
[[ "$PAUSE_DAMON" == 1 ]] && pause_damon

echo "GET $path, wrk -t$THREADS -c$CONNECTIONS, $ROUNDS rounds per phase, $(nproc) cores, $(date -u +%FT%TZ)"
damon_summary
echo "warm-up: $WARMUP per target"
for t in "${TARGETS[@]}"; do measure "warmup-$t" "$t" "$WARMUP" >/dev/null; done

declare -A rps=() p50=() p99=()
echo
echo "Throughput: as fast as $CONNECTIONS connections go, $DURATION per run"
printf '%-6s %-8s %9s %8s %8s\n' round target 'req/s' 'p50 ms' 'p99 ms'
for ((r = 1; r <= ROUNDS; r++)); do
  for t in "${TARGETS[@]}"; do
    read -r rps[$t,$r] p50[$t,$r] p99[$t,$r] _ <<<"$(measure "throughput-$r-$t" "$t" "$DURATION")"
    printf '%-6s %-8s %9s %8s %8s\n' "$r" "$t" "${rps[$t,$r]}" "${p50[$t,$r]}" "${p99[$t,$r]}"
  done
done

per_round() { # op array target-a array target-b: "a/b" or "a-b" for each round
  local op="$1" r out=""
  local -n x=$2 y=$4
  for ((r = 1; r <= ROUNDS; r++)); do
    out+="$(awk -v a="${x[$3,$r]}" -v b="${y[$5,$r]}" -v op="$op" 'BEGIN { printf "%.2f", op == "/" ? a / b : a - b }') "
  done
  echo "$out"
}
direct_rps=$(median "$(rounds_of rps direct)")
ratios="$(per_round / rps gateway rps nginx)"
sat_diffs="$(per_round - p99 gateway p99 direct)"
if [[ -z "$RATE" ]]; then
  RATE=$(awk -v d="$direct_rps" 'BEGIN { r = int(d / 3 / 100) * 100; print (r < 100 ? 100 : r) }')
fi

echo
echo "Latency: $RATE req/s fixed for every target, $LATENCY_DURATION per run"
echo "CPU per request (µs, user + system): the proxy's own (gateway or nginx) and partner-service's"
printf '%-6s %-8s %9s %8s %8s %8s %9s %9s\n' round target 'req/s' 'p50 ms' 'p99 ms' 'p99.9 ms' 'proxy µs' 'partner µs'
declare -A lrps=() l50=() l99=() l999=() lproxy=() lpartner=()
for ((r = 1; r <= ROUNDS; r++)); do
  for t in "${TARGETS[@]}"; do
    read -r lrps[$t,$r] l50[$t,$r] l99[$t,$r] l999[$t,$r] lproxy[$t,$r] lpartner[$t,$r] \
      <<<"$(measure "latency-$r-$t" "$t" "$LATENCY_DURATION" "$RATE")"
    printf '%-6s %-8s %9s %8s %8s %8s %9s %9s\n' "$r" "$t" "${lrps[$t,$r]}" "${l50[$t,$r]}" "${l99[$t,$r]}" \
      "${l999[$t,$r]}" "${lproxy[$t,$r]}" "${lpartner[$t,$r]}"
  done
done
gw_diffs="$(per_round - l99 gateway l99 direct)"
ng_diffs="$(per_round - l99 nginx l99 direct)"

echo
echo "Medians of $ROUNDS rounds"
printf '%-8s %9s %8s %8s | %8s %8s %8s %9s %10s\n' target 'req/s' 'p50 ms' 'p99 ms' "p50@$RATE" "p99@$RATE" 'p99.9' \
  'proxy µs' 'partner µs'
col() { median "$(rounds_of "$1" "$t")"; }
for t in "${TARGETS[@]}"; do
  printf '%-8s %9s %8s %8s | %8s %8s %8s %9s %10s\n' "$t" "$(col rps)" "$(col p50)" "$(col p99)" "$(col l50)" "$(col l99)" \
    "$(col l999)" "$(col lproxy)" "$(col lpartner)"
done
echo
printf 'gateway/nginx throughput:              %sx (rounds: %s) goal >= 0.70\n' "$(median "$ratios")" "$ratios"
printf 'gateway p99 over direct at %5s req/s: %+.2f ms (rounds: %s) goal <= +3 ms\n' "$RATE" "$(median "$gw_diffs")" "$gw_diffs"
printf 'nginx p99 over direct at %5s req/s:   %+.2f ms (rounds: %s) for reference\n' "$RATE" "$(median "$ng_diffs")" "$ng_diffs"
printf 'gateway p99 over direct at saturation: %+.2f ms (rounds: %s) queueing: see docs\n' "$(median "$sat_diffs")" "$sat_diffs"
echo "raw wrk output: $work"
