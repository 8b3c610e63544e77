#!/usr/bin/env bash
# Scale-out proof against the local Kafka and PostgreSQL (deploy/local/infra.sh must be up).
#
#   deploy/local/scale-out.sh [--build] [--keep]
#
# Runs the real service jars, on their own databases, topic and consumer group, so a running stack is
# not disturbed:
#   - two partner-service processes on one database (trellis_scale_partner): two outbox relays;
#   - two advisory-service processes in one consumer group on one database (trellis_scale_advisory),
#     consuming partner events into their partner_view read model through the platform Inbox;
#   - two insights-service processes in another consumer group on one database (trellis_scale_insights),
#     consuming the same events into their partner read model (and each partner's health) the same way.
# The load is N partner events (SCALE_PARTNERS partners x SCALE_EVENTS_PER_PARTNER events: one
# partner-registered, then partner-changed events whose name ends in "#<seq>"), written into
# partner-service's outbox table in waves, exactly the rows Outbox.record writes. The relays publish
# them; the consumers apply them. Mid-run, the relay that holds the publishing lease is stopped
# (SIGTERM) and one consumer of each service is killed (SIGKILL).
#
# It passes (exit 0) when:
#   - each group had two members sharing the partitions before the kill;
#   - the topic holds exactly N records with N distinct event ids (no relay published a row twice) and
#     each partner's events in sequence order;
#   - advisory-service and insights-service each recorded exactly N effects (inbox rows for the N event
#     ids, none missing, none twice), applied each partner's events in sequence order (inbox processed_at
#     along the sequence), and every row of their read model (partner_view, partner) holds its partner's
#     last name.
# Prints N, effects, duplicates, order violations, time and the kill points; exit 1 otherwise.
#
# Env: SCALE_PARTNERS (default 30), SCALE_EVENTS_PER_PARTNER (40), SCALE_WAVES (10),
#      SCALE_PARTITIONS (6), SCALE_KILL_AT (0.4: fraction of effects at which a consumer is killed),
#      SCALE_TIMEOUT (180 s), SCALE_BASE_PORT (18181; uses 6 ports from there and the 6 from there + 1000).
# --build: rebuild the three service jars first (otherwise only when missing). --keep: keep the
# databases and topics afterwards for inspection (dropped by default).
set -euo pipefail
COMPONENT=scale-out
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PARTNERS="${SCALE_PARTNERS:-30}"
PER_PARTNER="${SCALE_EVENTS_PER_PARTNER:-40}"
WAVES="${SCALE_WAVES:-10}"
PARTITIONS="${SCALE_PARTITIONS:-6}"
KILL_AT="${SCALE_KILL_AT:-0.4}"
TIMEOUT="${SCALE_TIMEOUT:-180}"
BASE_PORT="${SCALE_BASE_PORT:-18181}"
N=$((PARTNERS * PER_PARTNER))
((PER_PARTNER % WAVES == 0)) || die "SCALE_EVENTS_PER_PARTNER ($PER_PARTNER) must be a multiple of SCALE_WAVES ($WAVES)"

BUILD=0 KEEP=0
for arg in "$@"; do
  case "$arg" in
    --build) BUILD=1 ;;
    --keep) KEEP=1 ;;
    *) usage_die "[--build] [--keep]" ;;
  esac
done

RUN="s$(date +%s)"
PREFIX="scale.$RUN."
TOPIC="${PREFIX}trellis.partner.events"
GROUP="advisory-scale-$RUN"
INSIGHTS_GROUP="insights-scale-$RUN"
PARTNER_DB=trellis_scale_partner
ADVISORY_DB=trellis_scale_advisory
INSIGHTS_DB=trellis_scale_insights
BOOTSTRAP=127.0.0.1:9092
OUT="$STATE_DIR/scale-out/$RUN"
mkdir -p "$OUT"

export PGPASSWORD=trellis
psql_app() { psql -h 127.0.0.1 -U trellis -v ON_ERROR_STOP=1 -qAt -d "$@"; }
psql_admin() { su postgres -c "psql -v ON_ERROR_STOP=1 -qAt -d postgres -c \"$1\"" >/dev/null 2>&1; }

# ---------------------------------------------------------------- kafka tool
require_java
KAFKA_CP="$(ls "$HOME"/.m2/repository/org/apache/kafka/kafka-clients/4.1.2/kafka-clients-4.1.2.jar):$(ls "$HOME"/.m2/repository/org/slf4j/slf4j-api/1.7.36/slf4j-api-1.7.36.jar)"
kcheck() { "$JAVA_BIN" -cp "$KAFKA_CP" "$DEPLOY_DIR/ScaleOutCheck.java" "$1" "$BOOTSTRAP" "${@:2}" 2> >(grep -v "^SLF4J" >&2); }

# ---------------------------------------------------------------- processes
declare -A PIDS=()
cleanup() {
  local name
  for name in "${!PIDS[@]}"; do
    pid_alive "${PIDS[$name]}" && kill -TERM "${PIDS[$name]}" 2>/dev/null || true
  done
  for name in "${!PIDS[@]}"; do
    for _ in $(seq 100); do pid_alive "${PIDS[$name]}" || break; sleep 0.1; done
    pid_alive "${PIDS[$name]}" && kill -KILL "${PIDS[$name]}" 2>/dev/null || true
  done
  if [[ "$KEEP" -eq 0 ]]; then
    kcheck delete-topics "$PREFIX" >/dev/null 2>&1 || true
    psql_admin "drop database if exists $PARTNER_DB with (force)" || true
    psql_admin "drop database if exists $ADVISORY_DB with (force)" || true
    psql_admin "drop database if exists $INSIGHTS_DB with (force)" || true
  fi
}
trap cleanup EXIT

jar() { echo "$REPO_ROOT/$1/target/quarkus-app/quarkus-run.jar"; }

# start NAME SERVICE PORT DB [VAR=value | -Dprop=value]...: run a service jar in the background with
# these environment variables and system properties; log to $OUT/NAME.log.
start() {
  local name="$1" svc="$2" port="$3" db="$4" arg envs=() props=()
  shift 4
  for arg in "$@"; do
    if [[ "$arg" == -D* ]]; then props+=("$arg"); else envs+=("$arg"); fi
  done
  ensure_port_free "$port" "$name"
  ensure_port_free "$(management_port "$port")" "$name (management)"
  env QUARKUS_HTTP_PORT="$port" QUARKUS_MANAGEMENT_PORT="$(management_port "$port")" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$db" \
    TRELLIS_OUTBOX_TOPIC_PREFIX="$PREFIX" TRELLIS_DEMO_ENABLED=false "${envs[@]}" \
    "$JAVA_BIN" -Xmx256m "${props[@]}" -jar "$(jar "$svc")" >"$OUT/$name.log" 2>&1 </dev/null 9>&- &
  PIDS[$name]=$!
  disown "$!" # no "Killed" job report when the proof kills it
}

ready() { wait_for_http "http://127.0.0.1:$(management_port "$2")/q/health/ready" 180 "${PIDS[$1]}" "$1" "$OUT/$1.log"; }

# ---------------------------------------------------------------- prepare
# partner-service does not start without its Keycloak client secret (it needs it only to invite portal users).
PORTAL_SECRET="$(local_secret portal-client-secret)"
for svc in partner-service advisory-service insights-service; do
  if [[ "$BUILD" -eq 1 || ! -f "$(jar "$svc")" ]]; then
    info "building $svc (./mvnw -pl $svc -am package -DskipTests)"
    (cd "$REPO_ROOT" && ./mvnw -B -q -pl "$svc" -am package -DskipTests >"$OUT/build-$svc.log" 2>&1) ||
      { tail -n 30 "$OUT/build-$svc.log" >&2; die "build of $svc failed"; }
  fi
done
for db in $PARTNER_DB $ADVISORY_DB $INSIGHTS_DB; do
  psql_admin "drop database if exists $db with (force)"
  psql_admin "create database $db owner trellis" || die "cannot create database $db (needs root: su postgres)"
done
kcheck create-topic "$TOPIC" "$PARTITIONS"
# insights-service also reads advisory's and event-service's topics: empty ones of this run.
kcheck create-topic "${PREFIX}trellis.advisory.events" 1
kcheck create-topic "${PREFIX}trellis.event.events" 1
info "run $RUN: N=$N events ($PARTNERS partners x $PER_PARTNER), topic $TOPIC ($PARTITIONS partitions), group $GROUP, logs $OUT"

P_A=$BASE_PORT P_B=$((BASE_PORT + 1)) A_A=$((BASE_PORT + 2)) A_B=$((BASE_PORT + 3)) I_A=$((BASE_PORT + 4)) I_B=$((BASE_PORT + 5))
ADVISORY_ENV=(MP_MESSAGING_INCOMING_PARTNER_EVENTS_TOPIC="$TOPIC"
  MP_MESSAGING_INCOMING_PARTNER_EVENTS_GROUP_ID="$GROUP"
  MP_MESSAGING_INCOMING_PARTNER_EVENTS_DEAD_LETTER_QUEUE_TOPIC="${PREFIX}trellis.advisory.dlq"
  # A killed consumer's partitions move after the session timeout: 10 s here instead of Kafka's 45 s,
  # to keep the run short; the redelivery after the move is the same.
  -Dmp.messaging.incoming.partner-events.session.timeout.ms=10000
  -Dmp.messaging.incoming.partner-events.heartbeat.interval.ms=2000
  # The Inbox logs each redelivered event it skips at DEBUG: the proof counts them.
  '-Dquarkus.log.category."dev.trellis.platform.messaging.Inbox".level=DEBUG')
INSIGHTS_ENV=(MP_MESSAGING_INCOMING_PARTNER_EVENTS_TOPIC="$TOPIC"
  MP_MESSAGING_INCOMING_ADVISORY_EVENTS_TOPIC="${PREFIX}trellis.advisory.events"
  MP_MESSAGING_INCOMING_EVENT_EVENTS_TOPIC="${PREFIX}trellis.event.events"
  MP_MESSAGING_INCOMING_PARTNER_EVENTS_GROUP_ID="$INSIGHTS_GROUP"
  # The other two channels in groups of their own, so that this group holds the partner topic's consumers only.
  MP_MESSAGING_INCOMING_ADVISORY_EVENTS_GROUP_ID="$INSIGHTS_GROUP-advisory"
  MP_MESSAGING_INCOMING_EVENT_EVENTS_GROUP_ID="$INSIGHTS_GROUP-event"
  MP_MESSAGING_INCOMING_PARTNER_EVENTS_DEAD_LETTER_QUEUE_TOPIC="${PREFIX}trellis.insights.dlq"
  MP_MESSAGING_INCOMING_ADVISORY_EVENTS_DEAD_LETTER_QUEUE_TOPIC="${PREFIX}trellis.insights.dlq"
  MP_MESSAGING_INCOMING_EVENT_EVENTS_DEAD_LETTER_QUEUE_TOPIC="${PREFIX}trellis.insights.dlq"
  TRELLIS_INSIGHTS_RECOMPUTE_CRON=off
  -Dmp.messaging.incoming.partner-events.session.timeout.ms=10000
  -Dmp.messaging.incoming.partner-events.heartbeat.interval.ms=2000
  '-Dquarkus.log.category."dev.trellis.platform.messaging.Inbox".level=DEBUG')
# One instance of each first (Flyway migrates the empty databases), then the second ones.
TRELLIS_PORTAL_CLIENT_SECRET="$PORTAL_SECRET" start partner-a partner-service "$P_A" "$PARTNER_DB" TRELLIS_MEMBERSHIP_SWEEP_EVERY=off
start advisory-a advisory-service "$A_A" "$ADVISORY_DB" "${ADVISORY_ENV[@]}"
start insights-a insights-service "$I_A" "$INSIGHTS_DB" "${INSIGHTS_ENV[@]}"
ready partner-a "$P_A"
ready advisory-a "$A_A"
ready insights-a "$I_A"
TRELLIS_PORTAL_CLIENT_SECRET="$PORTAL_SECRET" start partner-b partner-service "$P_B" "$PARTNER_DB" TRELLIS_MEMBERSHIP_SWEEP_EVERY=off
start advisory-b advisory-service "$A_B" "$ADVISORY_DB" "${ADVISORY_ENV[@]}"
start insights-b insights-service "$I_B" "$INSIGHTS_DB" "${INSIGHTS_ENV[@]}"
ready partner-b "$P_B"
ready advisory-b "$A_B"
ready insights-b "$I_B"

# Both consumers in each group, each with its share of the partitions.
two_members() {
  local group="$1" assignment="" deadline=$((SECONDS + 60))
  until [[ "$assignment" =~ members=2\ [^:]+:\[[0-9,]+\]\ [^:]+:\[[0-9,]+\] ]]; do
    ((SECONDS < deadline)) || die "the consumer group $group never had two members with partitions: $assignment"
    sleep 1
    assignment="$(kcheck group "$group" 2>/dev/null || true)"
  done
  echo "$assignment"
}
ASSIGNMENT="$(two_members "$GROUP")"
INSIGHTS_ASSIGNMENT="$(two_members "$INSIGHTS_GROUP")"
info "consumer groups before the kill: advisory $ASSIGNMENT; insights $INSIGHTS_ASSIGNMENT"

# ---------------------------------------------------------------- load
# Wave w writes events (w-1)*k+1 .. w*k of every partner, ordered by sequence then partner, as one
# transaction, like a burst of commits; seq 1 is partner-registered, the others partner-changed.
per_wave=$((PER_PARTNER / WAVES))
load_wave() {
  local from=$(((${1} - 1) * per_wave + 1)) to=$((${1} * per_wave))
  psql_app "$PARTNER_DB" -c "
    insert into outbox_event (id, topic, aggregate_id, type, source, occurred_at, data)
    select gen_random_uuid(), '$TOPIC', md5('scale-' || p)::uuid::text,
           case when s = 1 then 'dev.trellis.partner.partner-registered.v1' else 'dev.trellis.partner.partner-changed.v1' end,
           'partner-service', now(),
           json_build_object('partnerId', md5('scale-' || p)::uuid, 'name', 'Scale partner ' || p || ' #' || s,
                             'lifecycleStatus', 'ACTIVE', 'parentPartnerId', null, 'country', null,
                             'emailDomains', json_build_array())
    from generate_series($from, $to) s, generate_series(1, $PARTNERS) p
    order by s, p"
}
effects() { psql_app "${1:-$ADVISORY_DB}" -c "select count(*) from inbox_event where event_type like 'dev.trellis.partner.%'"; }
# The service process whose relay holds the publishing lease (OutboxStore: a session advisory lock,
# class 0x7e110002, key 1): find the lock's backend, its client port, and the process owning that port.
lease_holder() {
  local port pid name
  port="$(psql_app "$PARTNER_DB" -c "select a.client_port from pg_locks l join pg_stat_activity a using (pid)
    where l.locktype = 'advisory' and l.classid = $((0x7e110002)) and l.objid = 1 and l.granted
      and l.database = (select oid from pg_database where datname = current_database()) limit 1")"
  [[ -n "$port" ]] || return 0
  pid="$(ss -Htnp state established "( sport = :$port )" | grep -o 'pid=[0-9]*' | head -n1 | cut -d= -f2)"
  for name in "${!PIDS[@]}"; do
    [[ "${PIDS[$name]}" == "$pid" ]] && echo "$name"
  done
  return 0
}

t0="$(now)"
RELAY_STOP="" CONSUMER_KILL="" INSIGHTS_KILL=""
# Kill one consumer of each service once its service has applied the threshold's share of the events.
kill_consumers() {
  local e
  e="$(effects)"
  if [[ -z "$CONSUMER_KILL" && "$e" -ge "$kill_threshold" ]]; then
    CONSUMER_KILL="advisory-b killed (SIGKILL) at $e of $N effects, $(elapsed_since "$t0") s"
    kill -KILL "${PIDS[advisory-b]}"
    info "consumer: $CONSUMER_KILL"
  fi
  e="$(effects "$INSIGHTS_DB")"
  if [[ -z "$INSIGHTS_KILL" && "$e" -ge "$kill_threshold" ]]; then
    INSIGHTS_KILL="insights-b killed (SIGKILL) at $e of $N effects, $(elapsed_since "$t0") s"
    kill -KILL "${PIDS[insights-b]}"
    info "consumer: $INSIGHTS_KILL"
  fi
}
kill_threshold="$(awk -v n="$N" -v f="$KILL_AT" 'BEGIN { printf "%d", n * f }')"
for w in $(seq "$WAVES"); do
  load_wave "$w"
  if [[ "$w" -eq $((WAVES / 2)) && -z "$RELAY_STOP" ]]; then
    # Half-way: stop the publishing relay's process gracefully; the other relay takes the lease.
    leader="$(lease_holder)"
    if [[ -n "$leader" && -n "${PIDS[$leader]:-}" ]]; then
      published="$(psql_app "$PARTNER_DB" -c "select count(*) from outbox_event where published_at is not null")"
      kill -TERM "${PIDS[$leader]}"
      RELAY_STOP="$leader stopped (SIGTERM) after wave $w, $published of $((w * PARTNERS * per_wave)) rows published, at $(elapsed_since "$t0") s"
      info "relay: $RELAY_STOP"
    fi
  fi
  kill_consumers
  sleep 0.3
done
t_loaded="$(elapsed_since "$t0")"
deadline=$((SECONDS + TIMEOUT))
while :; do
  kill_consumers
  e="$(effects)" ei="$(effects "$INSIGHTS_DB")"
  [[ "$e" -ge "$N" && "$ei" -ge "$N" ]] && break
  ((SECONDS < deadline)) || { warn "timed out after ${TIMEOUT}s with $e (advisory) and $ei (insights) of $N effects"; break; }
  sleep 0.2
done
t_done="$(elapsed_since "$t0")"
sleep 3 # anything that would still arrive (a redelivery applied twice) arrives now
ASSIGNMENT_AFTER="$(kcheck group "$GROUP" 2>/dev/null || true)"
INSIGHTS_ASSIGNMENT_AFTER="$(kcheck group "$INSIGHTS_GROUP" 2>/dev/null || true)"
LEASE_AFTER="$(lease_holder)"
SKIPPED="$(cat "$OUT"/advisory-*.log | grep -c 'skipped duplicate event' || true)"
INSIGHTS_SKIPPED="$(cat "$OUT"/insights-*.log | grep -c 'skipped duplicate event' || true)"

# ---------------------------------------------------------------- verify
info "checking the topic"
set +e
TOPIC_REPORT="$(kcheck verify-topic "$TOPIC" "$N")"
topic_ok=$?
set -e

# Each event id's partner and sequence, from the partner outbox, next to each consumer's inbox.
psql_app "$PARTNER_DB" -c "\copy (select id, aggregate_id, substring(data::jsonb->>'name' from '#([0-9]+)$')::int from outbox_event) to '$OUT/expected.csv' csv"
# verify DB VIEW: "effects distinct missing unexpected order-violations stale-rows rows" of one consumer
# (VIEW: its read model of partners, with a name column).
verify() {
  local db="$1" view="$2"
  psql_app "$db" -c "set client_min_messages = warning; drop table if exists scale_expected; create table scale_expected (event_id uuid primary key, partner text, seq int)"
  psql_app "$db" -c "\copy scale_expected from '$OUT/expected.csv' csv"
  psql_app "$db" -F ' ' -c "
  with applied as (
    select e.partner, e.seq, i.processed_at,
           lag(e.seq) over (partition by e.partner order by i.processed_at, e.seq) as previous
    from inbox_event i join scale_expected e on e.event_id = i.event_id::uuid
    where i.event_type like 'dev.trellis.partner.%')
  select (select count(*) from inbox_event where event_type like 'dev.trellis.partner.%'),
         (select count(distinct event_id) from inbox_event where event_type like 'dev.trellis.partner.%'),
         (select count(*) from scale_expected e where not exists (select 1 from inbox_event i where i.event_id::uuid = e.event_id)),
         (select count(*) from inbox_event i where i.event_type like 'dev.trellis.partner.%'
            and not exists (select 1 from scale_expected e where e.event_id = i.event_id::uuid)),
         (select count(*) from applied where previous is not null and seq <= previous),
         (select count(*) from $view where name not like '% #$PER_PARTNER'),
         (select count(*) from $view)"
}
read -r EFFECTS DISTINCT MISSING UNEXPECTED ORDER_VIOLATIONS STALE_VIEWS VIEWS < <(verify "$ADVISORY_DB" partner_view)
read -r I_EFFECTS I_DISTINCT I_MISSING I_UNEXPECTED I_ORDER_VIOLATIONS I_STALE I_ROWS < <(verify "$INSIGHTS_DB" partner)
DUPLICATE_EFFECTS=$((EFFECTS - DISTINCT))
I_DUPLICATES=$((I_EFFECTS - I_DISTINCT))

echo
echo "==== scale-out proof $RUN"
echo "N (events)                : $N ($PARTNERS partners x $PER_PARTNER, $WAVES waves, $PARTITIONS partitions)"
echo "consumer groups before    : advisory $ASSIGNMENT; insights $INSIGHTS_ASSIGNMENT"
echo "consumer groups after     : advisory $ASSIGNMENT_AFTER; insights $INSIGHTS_ASSIGNMENT_AFTER"
echo "relay failover            : ${RELAY_STOP:-not done (no lease holder found)}; lease now held by ${LEASE_AFTER:-nobody}"
echo "consumer kills            : ${CONSUMER_KILL:-advisory: not done}; ${INSIGHTS_KILL:-insights: not done}"
echo "topic                     : $(tr '\n' ' ' <<<"$TOPIC_REPORT")"
echo "advisory effects (inbox)  : $EFFECTS"
echo "  duplicate effects       : $DUPLICATE_EFFECTS (redeliveries skipped by the inbox: $SKIPPED)"
echo "  missing / unexpected    : $MISSING / $UNEXPECTED"
echo "  order violations        : $ORDER_VIOLATIONS"
echo "  partner_view rows/stale : $VIEWS / $STALE_VIEWS"
echo "insights effects (inbox)  : $I_EFFECTS"
echo "  duplicate effects       : $I_DUPLICATES (redeliveries skipped by the inbox: $INSIGHTS_SKIPPED)"
echo "  missing / unexpected    : $I_MISSING / $I_UNEXPECTED"
echo "  order violations        : $I_ORDER_VIOLATIONS"
echo "  partner rows / stale    : $I_ROWS / $I_STALE"
echo "time                      : load written by ${t_loaded} s, all effects by ${t_done} s"
echo "wall time                 : $SECONDS s (with the six JVM start-ups and the checks)"
echo "throughput                : $(awk -v n="$EFFECTS" -v t="$t_done" 'BEGIN { printf "%.0f", n / t }') effects/s"

ok=1
[[ "$topic_ok" -eq 0 ]] || ok=0
[[ "$EFFECTS" -eq "$N" && "$DUPLICATE_EFFECTS" -eq 0 && "$MISSING" -eq 0 && "$UNEXPECTED" -eq 0 ]] || ok=0
[[ "$ORDER_VIOLATIONS" -eq 0 && "$STALE_VIEWS" -eq 0 && "$VIEWS" -eq "$PARTNERS" ]] || ok=0
[[ "$I_EFFECTS" -eq "$N" && "$I_DUPLICATES" -eq 0 && "$I_MISSING" -eq 0 && "$I_UNEXPECTED" -eq 0 ]] || ok=0
[[ "$I_ORDER_VIOLATIONS" -eq 0 && "$I_STALE" -eq 0 && "$I_ROWS" -eq "$PARTNERS" ]] || ok=0
[[ -n "$CONSUMER_KILL" && -n "$INSIGHTS_KILL" && -n "$RELAY_STOP" && -n "$LEASE_AFTER" ]] || ok=0
if [[ "$ok" -eq 1 ]]; then
  echo "RESULT: PASS"
else
  echo "RESULT: FAIL (logs: $OUT)"
  exit 1
fi
