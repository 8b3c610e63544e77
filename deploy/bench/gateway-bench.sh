#!/usr/bin/env bash
# The issue-6 gateway benchmark: the same authenticated GET of one partner, measured with wrk
#   1. directly on partner-service,
#   2. through the gateway,
#   3. through Debian's nginx (proxy_pass with upstream keepalive) as the reference proxy,
# and prints req/s, p50 and p99 for each, plus the ratios the issue's goals are about.
#
# Needs the stack running (Keycloak, partner-service, gateway: `deploy/local/trellis up`) on an
# otherwise idle machine. Installs wrk and nginx from Debian if they are missing. Method and results:
# docs/benchmarks.md, "Gateway".
#
# Settings (environment):
#   DIRECT      partner-service base URL        http://127.0.0.1:8081
#   GATEWAY     gateway base URL                http://127.0.0.1:8080
#   NGINX_PORT  port for the reference nginx    8090 (it proxies to DIRECT)
#   KEYCLOAK    Keycloak base URL               http://127.0.0.1:8180
#   BENCH_USER  demo user whose token is sent   cora (community-team; password demo)
#   PARTNER_ID  partner to GET                  the first one GET /api/partners?limit=1 returns
#   TOKEN       use this bearer token instead of asking Keycloak (tests with a fake realm)
#   DURATION    wrk duration per target         10s
#   THREADS     wrk threads                     2
#   CONNECTIONS wrk connections                 16
#   WARMUP      wrk warm-up per target          5s
set -euo pipefail

DIRECT="${DIRECT:-http://127.0.0.1:8081}"
GATEWAY="${GATEWAY:-http://127.0.0.1:8080}"
NGINX_PORT="${NGINX_PORT:-8090}"
KEYCLOAK="${KEYCLOAK:-http://127.0.0.1:8180}"
BENCH_USER="${BENCH_USER:-cora}"
DURATION="${DURATION:-10s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-16}"
WARMUP="${WARMUP:-5s}"

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

# wrk --latency output -> "req/s p50 p99" (latencies in ms)
summarise() {
  awk '
    function ms(v) { if (v ~ /us$/) return substr(v, 1, length(v)-2) / 1000;
                     if (v ~ /ms$/) return substr(v, 1, length(v)-2) + 0;
                     if (v ~ /s$/)  return substr(v, 1, length(v)-1) * 1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec:/ { rps = $2 }
    /Non-2xx or 3xx responses:/ { bad = $NF }
    END { printf "%.0f %.2f %.2f %d\n", rps, p50, p99, bad }'
}

run() { # name url
  local name="$1" url="$2" tok status out
  tok="$(token)"
  [[ -n "$tok" ]] || die "no token for $BENCH_USER from $KEYCLOAK"
  status="$(curl -s -o /dev/null -w '%{http_code}' -m 10 -H "Authorization: Bearer $tok" "$url")"
  [[ "$status" == 200 ]] || die "$name: GET $url answered $status, not 200"
  wrk -t "$THREADS" -c "$CONNECTIONS" -d "$WARMUP" -H "Authorization: Bearer $tok" "$url" >/dev/null
  out="$(wrk -t "$THREADS" -c "$CONNECTIONS" -d "$DURATION" --latency -s "$(dirname "${BASH_SOURCE[0]}")/status-report.lua" \
    -H "Authorization: Bearer $tok" "$url")"
  echo "$out" > "$work/$name.wrk"
  read -r rps p50 p99 bad <<<"$(summarise <<<"$out")"
  ((bad == 0)) || die "$name: $bad responses were not 2xx (see $work/$name.wrk)"
  printf '%-10s %10s %9s %9s\n' "$name" "$rps" "$p50" "$p99"
  eval "${name}_rps=$rps ${name}_p99=$p99"
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

install_missing
work="$(mktemp -d -t gateway-bench.XXXXXX)"
trap stop_nginx EXIT

if [[ -z "${PARTNER_ID:-}" ]]; then
  PARTNER_ID="$(curl -sf -m 10 -H "Authorization: Bearer $(token)" "$DIRECT/api/partners?limit=1" |
    sed -n 's/.*"id":"\([^"]*\)".*/\1/p' | head -1)"
  [[ -n "$PARTNER_ID" ]] || die "no partner found on $DIRECT; set PARTNER_ID"
fi
path="/api/partners/$PARTNER_ID"
start_nginx

echo "GET $path, wrk -t$THREADS -c$CONNECTIONS -d$DURATION (after a ${WARMUP} warm-up each), $(nproc) cores, $(date -u +%FT%TZ)"
printf '%-10s %10s %9s %9s\n' target 'req/s' 'p50 ms' 'p99 ms'
run direct "$DIRECT$path"
run gateway "$GATEWAY$path"
run nginx "http://127.0.0.1:$NGINX_PORT$path"
awk -v g="$gateway_rps" -v n="$nginx_rps" -v gp="$gateway_p99" -v dp="$direct_p99" 'BEGIN {
  printf "gateway/nginx throughput: %.2fx (goal >= 0.70)\n", g / n
  printf "gateway p99 over direct:  %+.2f ms (goal <= +3 ms)\n", gp - dp }'
echo "raw wrk output: $work"
