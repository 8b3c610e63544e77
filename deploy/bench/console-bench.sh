#!/usr/bin/env bash
# The console benchmark: the server time of the console's busiest pages at 10 concurrent users, and
# their Lighthouse scores, first with the demo data, then with 10,000 extra partners.
#
#   1. Signs in as real demo users through Keycloak's real login page, without a browser: curl GETs a
#      console page, follows the redirect to Keycloak's login form, POSTs username and password to the
#      form's action URL with Keycloak's cookies, and follows the redirects back to the console's
#      /signed-in callback. The console's session cookie (q_session, in chunks) is what the load
#      generator and Lighthouse then send. Each measurement signs in afresh: the console refreshes the
#      access token 4 minutes into a session (console/README.md), and every run here is far shorter,
#      so no request of a run pays for a refresh.
#   2. Latency: hey with USERS workers (10), each sending one page request every USERS/RATE seconds
#      (hey starts them together, so requests arrive in waves of USERS at once), redirects not followed.
#      Every response must be a 200 page: a redirect to the login page, a 429 or an error page counts
#      as non-200 and stops the script. p50/p95/p99 from every request of a run (hey -o csv).
#      ROUNDS rounds visit the cases in turn, so a slow spell of the shared machine hits all alike.
#   3. Lighthouse (npm lighthouse@LIGHTHOUSE_VERSION, installed into $TRELLIS_HOME/tools when missing,
#      Debian's chromium headless) on the same pages, the session cookie passed with --extra-headers:
#      performance, accessibility and best practices, with the ids of the audits that fell short.
#   4. Seeds EXTRA_PARTNERS partners straight into partner-service's database (set-based SQL: names
#      "Bench Partner NNNNN", website and email domain bench-N.example) and does 2 and 3 again; a trap
#      deletes exactly those rows on exit. The rows bypass partner-service's outbox on purpose: no event
#      is published, so no other service (insights, advisory, events) learns of them, and nothing but
#      partner-service's own tables has to be cleaned up. Of the pages measured, only the partner
#      search reads the partner table as a whole; the others read one partner, one board or the
#      caller's own work.
#
# Pacing: the console calls the gateway's API with the signed-in user's token, so all "users" of one
# case share that user's gateway bucket (50 requests/s, burst 200: gateway/README.md, "Rate limits").
# A board page makes 4 API calls (a partner page 2), so 10 users going as fast as they can would be
# refused with 429 within seconds (and would starve anyone else signed in as cora or felix). RATE is
# kept below that: 4 pages/s is at most 16 API calls/s. Do not raise it past 50 / (calls per page).
#
# Needs the stack running (deploy/local/trellis up) with the demo data; psql, curl, jq, node/npm and
# chromium on the path (hey is installed from Debian if missing). Takes about 17 minutes with the
# defaults. Method and results: docs/benchmarks.md, "Console".
#
# Settings (environment):
#   CONSOLE             the console through the gateway      http://127.0.0.1:8080
#   PARTNER_ID          the partner page's partner           a1a1a1a1-0000-4000-8000-000000000001 (Acme Cloud)
#   BOARD_ID            the board page's board               c3c3c3c3-0000-4000-8000-000000000001 (Governing Board)
#   SEARCH              the partner search's query           cloud
#   PASSWORD            the demo users' password             demo
#   USERS               concurrent users (hey workers)       10
#   RATE                pages/s, all users together          4
#   ROUNDS              latency rounds                       2
#   DURATION            one latency run (seconds, "30s")     30s
#   WARMUP              one warm-up run per case, once       10s
#   BASELINE_RATE       pages/s of the one-user run          2
#   BASELINE_DURATION   the one-user run, once per case      15s
#   CONSOLE_PORT GATEWAY_PORT SERVICE_PORTS   whose CPU per page is counted   8085 8080 "8081 8082 8084"
#   EXTRA_PARTNERS      partners seeded for the second pass  10000 (0: demo data only)
#   LIGHTHOUSE          1: run Lighthouse                    1
#   LIGHTHOUSE_VERSION  npm version                          13.5.0
#   CHROME_PATH         the browser Lighthouse drives        /usr/bin/chromium
#   PGHOST PGPORT PGUSER PGPASSWORD PARTNER_DB               127.0.0.1 5432 trellis trellis trellis_partner
#   TRELLIS_HOME        state dir (Lighthouse is cached in tools/ under it)   <repo>/.trellis
set -euo pipefail

CONSOLE="${CONSOLE:-http://127.0.0.1:8080}"
PARTNER_ID="${PARTNER_ID:-a1a1a1a1-0000-4000-8000-000000000001}"
BOARD_ID="${BOARD_ID:-c3c3c3c3-0000-4000-8000-000000000001}"
SEARCH="${SEARCH:-cloud}"
PASSWORD="${PASSWORD:-demo}"
USERS="${USERS:-10}"
RATE="${RATE:-4}"
ROUNDS="${ROUNDS:-2}"
DURATION="${DURATION:-30s}"
WARMUP="${WARMUP:-10s}"
BASELINE_RATE="${BASELINE_RATE:-2}"
BASELINE_DURATION="${BASELINE_DURATION:-15s}"
EXTRA_PARTNERS="${EXTRA_PARTNERS:-10000}"
LIGHTHOUSE="${LIGHTHOUSE:-1}"
LIGHTHOUSE_VERSION="${LIGHTHOUSE_VERSION:-13.5.0}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-trellis}" PGPASSWORD="${PGPASSWORD:-trellis}"
PARTNER_DB="${PARTNER_DB:-trellis_partner}"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS_DIR="${TRELLIS_HOME:-$REPO_ROOT/.trellis}/tools"
# Whose CPU per page is counted (deploy/local/services.sh's ports): the console, the gateway, and the
# services the measured pages call (partner-, advisory- and insights-service).
CONSOLE_PORT="${CONSOLE_PORT:-8085}" GATEWAY_PORT="${GATEWAY_PORT:-8080}" SERVICE_PORTS="${SERVICE_PORTS:-8081 8082 8084}"

# The cases: name, user, path. The partner page and the home pages are the issue's; the search is the
# one page that the extra partners reach.
CASES=(
  "partner cora /partners/$PARTNER_ID"
  "home-team cora /"
  "home-staff felix /"
  "board felix /boards/$BOARD_ID"
  "search cora /partners?q=$SEARCH"
)
GOAL_P95_MS=150
GOAL_SCORE=90

die() { echo "console-bench: $*" >&2; exit 1; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

install_missing() {
  local tool
  for tool in curl jq psql npm; do command -v "$tool" >/dev/null || die "$tool is missing"; done
  [[ "$LIGHTHOUSE" != 1 || -x "$CHROME_PATH" ]] || die "no browser at $CHROME_PATH (apt-get install -y chromium)"
  if ! command -v hey >/dev/null; then
    echo "Installing hey from Debian..."
    local sudo=""
    ((EUID == 0)) || sudo=sudo
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends hey >/dev/null ||
      { $sudo apt-get update -q >/dev/null && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends hey >/dev/null; }
  fi
  lighthouse_bin="$TOOLS_DIR/lighthouse-$LIGHTHOUSE_VERSION/node_modules/.bin/lighthouse"
  if [[ "$LIGHTHOUSE" == 1 && ! -x "$lighthouse_bin" ]]; then
    echo "Installing lighthouse@$LIGHTHOUSE_VERSION into $TOOLS_DIR..."
    mkdir -p "$TOOLS_DIR/lighthouse-$LIGHTHOUSE_VERSION"
    (cd "$TOOLS_DIR/lighthouse-$LIGHTHOUSE_VERSION" &&
      npm install --no-audit --no-fund --loglevel=error "lighthouse@$LIGHTHOUSE_VERSION" >/dev/null) ||
      die "npm install lighthouse@$LIGHTHOUSE_VERSION failed"
  fi
}

# Signs USER in through Keycloak's login page; leaves the cookies in $work/USER.jar and prints the
# Cookie header a browser would send to the console.
sign_in() { # user
  local user="$1" jar="$work/$1.jar" page="$work/$1.login.html" action final
  rm -f "$jar"
  # The console answers an unauthenticated page with a redirect to Keycloak, which shows its form.
  final="$(curl -sS -m 20 -c "$jar" -b "$jar" -L -o "$page" -w '%{http_code} %{url_effective}' "$CONSOLE/")" ||
    die "sign-in as $user: GET $CONSOLE/ failed"
  action="$(grep -o '<form[^>]*id="kc-form-login"[^>]*>' "$page" | sed -n 's/.* action="\([^"]*\)".*/\1/p' | sed 's/&amp;/\&/g')"
  [[ -n "$action" ]] || die "sign-in as $user: no Keycloak login form after GET $CONSOLE/ (ended at: $final)"
  # The form's action carries Keycloak's session code; its cookies (AUTH_SESSION_ID, KC_RESTART) are in
  # the jar. Keycloak then redirects to the console's /signed-in, which sets q_session and restores /.
  final="$(curl -sS -m 20 -c "$jar" -b "$jar" -L -o "$page" -w '%{http_code} %{url_effective}' \
    --data-urlencode "username=$user" --data-urlencode "password=$PASSWORD" --data-urlencode credentialId= "$action")" ||
    die "sign-in as $user: POST to Keycloak's form failed"
  [[ "$final" == "200 $CONSOLE/" ]] || die "sign-in as $user: ended at '$final', not '200 $CONSOLE/' (wrong password?)"
  grep -q $'\tq_session' "$jar" || die "sign-in as $user: no q_session cookie"
  # Every cookie for path / on the console's host, as one header (q_session_chunk_*, trellis-csrf).
  awk -F'\t' '$3 == "/" && $6 !~ /^q_auth/ { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar"
}

# The processes listening on a local TCP port (empty if ss cannot tell, e.g. another user's).
pids_on_port() { ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u | tr '\n' ' '; }

# CPU time (user + system, all threads) the given processes have used so far, in clock ticks.
cpu_ticks() {
  local total=0 pid
  for pid in "$@"; do
    [[ -r /proc/$pid/stat ]] && total=$((total + $(sed 's/^.*) //' "/proc/$pid/stat" | awk '{print $12 + $13}')))
  done
  echo "$total"
}

ms_per_page() { awk -v t="$1" -v n="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", t * 1000 / hz / n }'; }

# One hey run of USERS workers at RATE pages/s in all. Prints "requests rate non200 p50 p95 p99 max"
# (ms), then the CPU per page (ms) of the console, the gateway and the services it called
# (partner-, advisory- and insights-service together; "-" where unknown). Keeps the csv. Dies on a
# non-200.
measure() { # label user path duration users rate
  local label="$1" user="$2" url="$CONSOLE$3" duration="$4" users="$5" rate="$6" cookie csv="$work/$1.csv" status
  cookie="$(sign_in "$user")"
  status="$(curl -s -o "$work/$label.check.html" -w '%{http_code}' -m 20 -H "Cookie: $cookie" "$url")"
  [[ "$status" == 200 ]] || die "$label: GET $url as $user answered $status before the run (see $work/$label.check.html)"
  local console_pids gateway_pids service_pids c0 g0 s0
  console_pids="$(pids_on_port "$CONSOLE_PORT")" gateway_pids="$(pids_on_port "$GATEWAY_PORT")"
  service_pids="$(for p in $SERVICE_PORTS; do pids_on_port "$p"; done)"
  c0=$(cpu_ticks $console_pids) g0=$(cpu_ticks $gateway_pids) s0=$(cpu_ticks $service_pids)
  hey -z "$duration" -c "$users" -q "$(awk -v r="$rate" -v u="$users" 'BEGIN { print r / u }')" -disable-redirects -o csv \
    -H "Cookie: $cookie" "$url" >"$csv" 2>"$work/$label.err" || die "$label: hey failed (see $work/$label.err)"
  local c1 g1 s1
  c1=$(cpu_ticks $console_pids) g1=$(cpu_ticks $gateway_pids) s1=$(cpu_ticks $service_pids)
  # Response times (ms) sorted, with their status: mawk has no asort.
  local result
  result="$(tail -n +2 "$csv" | awk -F, '{ printf "%.1f %s\n", $1 * 1000, $7 }' | sort -g | awk -v d="${duration%s}" '
      { n++; t[n] = $1; if ($2 != 200) { bad++; codes[$2]++ } }
      function pct(p,  i) { i = int(p / 100 * n + 0.999999); if (i < 1) i = 1; return t[i] }
      END {
        if (n == 0) { print "0 0 0 - - - -"; exit }
        printf "%d %.2f %d %.1f %.1f %.1f %.1f", n, n / d, bad, pct(50), pct(95), pct(99), t[n]
        for (c in codes) printf " status-%s=%d", c, codes[c]
        print ""
      }')"
  local n rps bad p50 p95 p99 max
  read -r n rps bad p50 p95 p99 max _ <<<"$result"
  ((n > 0)) || die "$label: no request completed (see $work/$label.err)"
  if ((bad > 0)); then
    die "$label: $bad of $n responses were not 200 ($(grep -o 'status-[^ ]*' <<<"$result" | tr '\n' ' '| sed 's/ $//')): a 302 is a lost session, a 429 the gateway's rate limit; see $csv"
  fi
  local cpu_console="-" cpu_gateway="-" cpu_services="-"
  [[ -n "$console_pids" ]] && cpu_console="$(ms_per_page $((c1 - c0)) "$n")"
  [[ -n "$gateway_pids" ]] && cpu_gateway="$(ms_per_page $((g1 - g0)) "$n")"
  [[ -n "${service_pids// /}" ]] && cpu_services="$(ms_per_page $((s1 - s0)) "$n")"
  echo "$n $rps $bad $p50 $p95 $p99 $max $cpu_console $cpu_gateway $cpu_services"
}

HEADER='%-6s %-6s %-10s %-6s %8s %7s %7s %7s %7s %6s %8s %8s %8s  %s\n'
declare -A B50=() B95=() P50=() P95=() P99=() CPU=()

warm_up() {
  local c name user path
  echo "warm-up: $WARMUP per case; load average before: $(load)"
  for c in "${CASES[@]}"; do
    read -r name user path <<<"$c"
    measure "warmup-$name" "$user" "$path" "$WARMUP" "$USERS" "$RATE" >/dev/null
  done
}

# Every case once, either one user alone (the uncontended time of a page) or USERS users.
latency_runs() { # data-label round ("alone" or a number)
  local data="$1" round="$2" c name user path out n rps bad p50 p95 p99 max cc cg cs users=$USERS rate=$RATE duration=$DURATION
  [[ "$round" == alone ]] && users=1 rate=$BASELINE_RATE duration=$BASELINE_DURATION
  for c in "${CASES[@]}"; do
    read -r name user path <<<"$c"
    out="$(measure "$data-$round-$name" "$user" "$path" "$duration" "$users" "$rate")" || exit 1
    read -r n rps bad p50 p95 p99 max cc cg cs <<<"$out"
    printf "$HEADER" "$data" "$round" "$name" "$user" "$n" "$p50" "$p95" "$p99" "$max" "$rps" "$cc" "$cg" "$cs" "$(load)"
    if [[ "$round" == alone ]]; then
      B50[$data,$name]="$p50" B95[$data,$name]="$p95"
    else
      P50[$data,$name]+="$p50 " P95[$data,$name]+="$p95 " P99[$data,$name]+="$p99 "
      CPU[$data,$name]+="$(awk -v a="$cc" -v b="$cg" -v c="$cs" 'BEGIN { printf "%.0f", a + b + c }') "
    fi
  done
}

latency_summary() { # data-label
  local data="$1" c name worst
  echo
  echo "Summary ($data), every response a 200 page; ranges over $ROUNDS rounds of $USERS users; goal p95 < $GOAL_P95_MS ms"
  printf '%-10s %-16s | %-14s %-14s %-14s %-10s %s\n' case 'alone p50/p95' 'p50 ms' 'p95 ms' 'p99 ms' 'CPU ms' goal
  for c in "${CASES[@]}"; do
    read -r name _ _ <<<"$c"
    worst="$(tr ' ' '\n' <<<"${P95[$data,$name]}" | sort -g | tail -1)"
    printf '%-10s %-16s | %-14s %-14s %-14s %-10s %s\n' "$name" "${B50[$data,$name]} / ${B95[$data,$name]}" \
      "$(range "${P50[$data,$name]}")" "$(range "${P95[$data,$name]}")" "$(range "${P99[$data,$name]}")" \
      "$(range "${CPU[$data,$name]}")" "$(awk -v w="$worst" -v g="$GOAL_P95_MS" 'BEGIN { print (w < g) ? "met" : "NOT met" }')"
  done
}

range() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { print (lo == hi) ? lo : lo "–" hi }'; }

# Lighthouse on every case: the three scores, and the audits that fell short where one is under 90.
lighthouse_pass() { # data-label
  local data="$1" c name user path
  [[ "$LIGHTHOUSE" == 1 ]] || return 0
  echo
  echo "Lighthouse $LIGHTHOUSE_VERSION ($data, default mobile settings, simulated throttling); load average before: $(load)"
  printf '%-10s %-6s %11s %13s %14s  %s\n' case user performance accessibility best-practices 'load (1, 5, 15 min)'
  for c in "${CASES[@]}"; do
    read -r name user path <<<"$c"
    local report="$work/$data-lighthouse-$name.json" headers="$work/$data-lighthouse-$name.headers.json"
    local cookie
    cookie="$(sign_in "$user")" || exit 1
    jq -n --arg c "$cookie" '{Cookie: $c}' >"$headers"
    "$lighthouse_bin" "$CONSOLE$path" --quiet --chrome-flags="--headless=new --no-sandbox" \
      --only-categories=performance,accessibility,best-practices --extra-headers="$headers" \
      --output=json --output-path="$report" >"$work/$data-lighthouse-$name.log" 2>&1 ||
      die "$name: lighthouse failed (see $work/$data-lighthouse-$name.log)"
    rm -f "$headers"
    # The page itself, not Keycloak's login page: the main document is the URL asked for, answered 200.
    local doc
    doc="$(jq -r '[.audits["network-requests"].details.items[] | select(.resourceType == "Document")][0] | "\(.statusCode) \(.url)"' "$report")"
    [[ "$doc" == "200 $CONSOLE$path" ]] || die "$name: Lighthouse's page was '$doc', not '200 $CONSOLE$path' ($report)"
    printf '%-10s %-6s %11s %13s %14s  %s\n' "$name" "$user" \
      $(jq -r '[.categories.performance.score, .categories.accessibility.score, .categories["best-practices"].score] | map(. * 100 | round) | .[]' "$report") \
      "$(load)"
    # Each category's audits that cost it points (weight > 0, score < 1).
    jq -r --argjson goal "$GOAL_SCORE" '. as $r | .categories | to_entries[]
        | select(.value.score * 100 < $goal)
        | "    \(.key) below \($goal): " + ([.value.auditRefs[] | select(.weight > 0) | $r.audits[.id] | select(.score != null and .score < 1) | .id] | join(", "))' "$report"
  done
}

# ---------------------------------------------------------------- the extra partners

# Marked twice, by name prefix and by website/domain, so nothing else can match.
BENCH_MATCH="name like 'Bench Partner %' and website like 'https://bench-%.example'"

psql_partner() { psql -X -q -v ON_ERROR_STOP=1 -d "$PARTNER_DB" "$@"; }

seed_partners() {
  seeded=1
  psql_partner <<SQL
begin;
insert into partner (id, name, legal_name, website, country, lifecycle_status, search_text, version, created_at, updated_at)
select md5('console-bench-' || n)::uuid,
       'Bench Partner ' || lpad(n::text, 5, '0'),
       'Bench Partner ' || lpad(n::text, 5, '0') || ' Ltd',
       'https://bench-' || n || '.example',
       (array['US', 'DE', 'GB', 'FR', 'FI', 'JP', 'IN', 'BR'])[1 + n % 8],
       (array['PROSPECT', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'LAPSED', 'FORMER'])[1 + n % 6],
       -- what Partner#reindex writes: the lower-case name, then the domains
       'bench partner ' || lpad(n::text, 5, '0') || ' bench-' || n || '.example',
       0, now(), now()
from generate_series(1, $EXTRA_PARTNERS) n;
insert into partner_domain (domain, partner_id)
select 'bench-' || n || '.example', md5('console-bench-' || n)::uuid from generate_series(1, $EXTRA_PARTNERS) n;
commit;
analyze partner;
analyze partner_domain;
SQL
  local count
  count="$(psql_partner -Atc "select count(*) from partner where $BENCH_MATCH")"
  ((count == EXTRA_PARTNERS)) || die "seeded $count partners, not $EXTRA_PARTNERS"
}

remove_partners() {
  psql_partner <<SQL
begin;
delete from partner_domain where partner_id in (select id from partner where $BENCH_MATCH);
delete from partner where $BENCH_MATCH;
commit;
vacuum analyze partner;
vacuum analyze partner_domain;
SQL
  seeded=0
}

cleanup() {
  if ((seeded)); then
    if remove_partners; then
      echo "removed the seeded partners on exit"
    else
      echo "console-bench: could not remove the seeded partners; run: psql -d $PARTNER_DB -c \"delete from partner_domain where partner_id in (select id from partner where $BENCH_MATCH); delete from partner where $BENCH_MATCH\"" >&2
    fi
  fi
}

seeded=0
install_missing
work="$(mktemp -d -t console-bench.XXXXXX)"
trap cleanup EXIT
# Without these, bash goes on after a signal whenever the foreground hey exits normally.
trap 'exit 130' INT
trap 'exit 143' TERM

left="$(psql_partner -Atc "select count(*) from partner where $BENCH_MATCH")" || die "cannot reach $PARTNER_DB on $PGHOST:$PGPORT as $PGUSER"
if ((left > 0)); then
  echo "Removing $left partners left by an earlier run..."
  seeded=1 && remove_partners && seeded=0
fi

echo "console-bench: $CONSOLE, $(nproc) cores, $(date -u +%FT%TZ), $(psql_partner -Atc "select count(*) from partner") partners (demo);" \
  "+$EXTRA_PARTNERS: that many more, seeded into $PARTNER_DB without the outbox (no other service hears of them)"
for c in "${CASES[@]}"; do read -r name user path <<<"$c"; echo "  $name: GET $path as $user"; done
# Both data sizes in every round, side by side: the machine is shared, and a slow spell should hit
# both alike. The extra partners are seeded before their runs and removed after them.
sizes=(demo)
if ((EXTRA_PARTNERS > 0)); then sizes+=("+$EXTRA_PARTNERS"); fi
echo
warm_up
echo
echo "Latency: one user alone at $BASELINE_RATE pages/s for $BASELINE_DURATION, then $ROUNDS rounds of $USERS users at $RATE pages/s"
echo "together (waves of $USERS every $(awk -v r="$RATE" -v u="$USERS" 'BEGIN { print u / r }') s) for $DURATION; CPU: ms per page, user + system"
printf "$HEADER" data round case user requests 'p50 ms' 'p95 ms' 'p99 ms' 'max ms' 'req/s' console gateway services 'load (1, 5, 15 min)'
for ((r = 0; r <= ROUNDS; r++)); do
  for data in "${sizes[@]}"; do
    if [[ "$data" != demo ]]; then seed_partners; fi
    latency_runs "$data" "$( ((r == 0)) && echo alone || echo "$r")"
    if [[ "$data" != demo ]]; then remove_partners; fi
  done
done
for data in "${sizes[@]}"; do latency_summary "$data"; done
for data in "${sizes[@]}"; do
  if [[ "$data" != demo ]]; then seed_partners; fi
  lighthouse_pass "$data"
  if [[ "$data" != demo ]]; then remove_partners; fi
done
echo
echo "raw hey csv and Lighthouse reports: $work; partners now: $(psql_partner -Atc "select count(*) from partner")"
