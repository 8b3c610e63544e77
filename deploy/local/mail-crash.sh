#!/usr/bin/env bash
# Mail crash test against the local PostgreSQL, Kafka and GreenMail (deploy/local/infra.sh must be up).
#
#   deploy/local/mail-crash.sh [--build] [--keep]
#
# The claim (docs/mail.md, "No dual writes"): a mail is recorded in the transaction of the change that causes
# it and sent by MailRelay afterwards, so a service killed between the commit and the sending sends the mail
# after its restart, and exactly once. The test runs the real event-service jar on a database of its own:
#   1. start it with its relay held back (trellis.mail.relay.enabled=false: the mail is recorded, not sent);
#   2. cause a mail: a public sign-up (POST /api/events/{id}/sign-ups, no token) for a published event that
#      allows it (written into the database first); the answer is 202 once the transaction has committed;
#   3. check that mail_outbox holds the one PENDING mail and GreenMail has nothing for its recipient;
#   4. kill -9 the process;
#   5. start it again with a normal relay (polling every second) and wait until the row is SENT;
#   6. wait a few more relay rounds, then count the mails GreenMail holds for the recipient (unique to the run).
# It passes (exit 0) when that count is 1 and the row is SENT after one attempt (SENT 1). Two JVM start-ups: 1-1.5 min.
#
# Env: MAIL_CRASH_PORT (default 18191; its management port is +1000),
#      MAIL_CRASH_DB (default: trellis_mailcrash_event, created and dropped by the test (needs root: su postgres);
#        an existing database given here is used as it is and kept),
#      MAIL_CRASH_GREENMAIL_API (default http://127.0.0.1:8025), MAIL_CRASH_TIMEOUT (default 60 s).
# --build: rebuild event-service first (otherwise only when its jar is missing). --keep: keep the created database.
set -euo pipefail
COMPONENT=mail-crash
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PORT="${MAIL_CRASH_PORT:-18191}"
DB="${MAIL_CRASH_DB:-}"
GREENMAIL="${MAIL_CRASH_GREENMAIL_API:-http://127.0.0.1:8025}"
TIMEOUT="${MAIL_CRASH_TIMEOUT:-60}"
BUILD=0 KEEP=0
for arg in "$@"; do
  case "$arg" in
    --build) BUILD=1 ;;
    --keep) KEEP=1 ;;
    *) usage_die "[--build] [--keep]" ;;
  esac
done
OWN_DB=0
if [[ -z "$DB" ]]; then
  DB=trellis_mailcrash_event
  OWN_DB=1
fi

RUN="m$(date +%s)"
# Fixed names (not per run): the service publishes nothing here, and its consumer topic is not left behind per run.
PREFIX="mailcrash."
OUT="$STATE_DIR/mail-crash/$RUN"
mkdir -p "$OUT"
RECIPIENT="crash-$RUN-$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')@mail-crash.mail-test.trellis.dev"
EVENT_ID="$(cat /proc/sys/kernel/random/uuid)"
JAR="$REPO_ROOT/event-service/target/quarkus-app/quarkus-run.jar"

export PGPASSWORD=trellis
psql_app() { psql -h 127.0.0.1 -U trellis -v ON_ERROR_STOP=1 -qAt -d "$DB" "$@"; }
psql_admin() { su postgres -c "psql -v ON_ERROR_STOP=1 -qAt -d postgres -c \"$1\"" >/dev/null 2>&1; }

PID=""
cleanup() {
  if pid_alive "$PID"; then
    kill -TERM "$PID" 2>/dev/null || true
    for _ in $(seq 100); do pid_alive "$PID" || break; sleep 0.1; done
    pid_alive "$PID" && kill -KILL "$PID" 2>/dev/null || true
  fi
  if [[ "$OWN_DB" -eq 1 && "$KEEP" -eq 0 ]]; then
    psql_admin "drop database if exists $DB with (force)" || true
  elif [[ "$OWN_DB" -eq 0 ]]; then
    # A database of the caller's: leave only what was there (the event's rows go with it).
    psql_app -c "delete from mail_outbox where recipient = '$RECIPIENT'; delete from sign_up where event_id = '$EVENT_ID';
      delete from event where id = '$EVENT_ID'" >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

# start RELAY_ENABLED: event-service on PORT, its own database, topics and consumer group; no demo data.
start() {
  ensure_port_free "$PORT" event-service
  ensure_port_free "$(management_port "$PORT")" "event-service (management)"
  env QUARKUS_HTTP_PORT="$PORT" QUARKUS_MANAGEMENT_PORT="$(management_port "$PORT")" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
    TRELLIS_OUTBOX_TOPIC_PREFIX="$PREFIX" TRELLIS_DEMO_ENABLED=false \
    MP_MESSAGING_INCOMING_PARTNER_EVENTS_TOPIC="${PREFIX}trellis.partner.events" \
    MP_MESSAGING_INCOMING_PARTNER_EVENTS_GROUP_ID="event-mailcrash" \
    MP_MESSAGING_INCOMING_PARTNER_EVENTS_DEAD_LETTER_QUEUE_TOPIC="${PREFIX}trellis.event.dlq" \
    TRELLIS_MAIL_RELAY_ENABLED="$1" TRELLIS_MAIL_RELAY_POLL_INTERVAL=PT1S \
    "$JAVA_BIN" -Xmx256m -XX:+UseSerialGC -jar "$JAR" >>"$OUT/event-service.log" 2>&1 </dev/null 9>&- &
  PID=$!
  disown "$!" # no "Killed" job report when the test kills it
  wait_for_http "http://127.0.0.1:$(management_port "$PORT")/q/health/ready" 180 "$PID" event-service "$OUT/event-service.log"
}

mails_in_greenmail() {
  local body
  body="$(curl -s -m 5 "$GREENMAIL/api/user/$RECIPIENT/messages/INBOX" || true)"
  # An address GreenMail has not seen yet answers {"message": "User ... not found"}: no mail.
  { grep -o '"Message-ID"' <<<"$body" || true; } | wc -l
}
row() { psql_app -F ' ' -c "select status, attempts from mail_outbox where recipient = '$RECIPIENT'"; }

# ---------------------------------------------------------------- prepare
require_java
require_cmd curl curl
if [[ "$BUILD" -eq 1 || ! -f "$JAR" ]]; then
  info "building event-service (./mvnw -pl event-service -am package -DskipTests)"
  (cd "$REPO_ROOT" && ./mvnw -B -q -pl event-service -am package -DskipTests >"$OUT/build.log" 2>&1) ||
    { tail -n 30 "$OUT/build.log" >&2; die "build of event-service failed"; }
fi
curl -s -o /dev/null -m 5 "$GREENMAIL/api/service/readiness" || die "GreenMail is not up at $GREENMAIL (deploy/local/mail.sh up)"
if [[ "$OWN_DB" -eq 1 ]]; then
  psql_admin "drop database if exists $DB with (force)"
  psql_admin "create database $DB owner trellis" || die "cannot create database $DB (needs root: su postgres)"
fi
info "run $RUN: database $DB, port $PORT, recipient $RECIPIENT, logs $OUT"
t0="$(now)"

# ---------------------------------------------------------------- 1. relay held back
start false
info "event-service up with its relay held back (pid $PID)"
# A published meetup in a month that anyone may sign up for (Flyway has made the schema by now).
psql_app -c "insert into event (id, kind, title, starts_at, ends_at, time_zone, status, version, created_at, updated_at,
    venue, capacity, public_sign_up)
  values ('$EVENT_ID', 'MEETUP', 'Mail crash test $RUN', now() + interval '30 days', now() + interval '30 days 2 hours',
    'Europe/Berlin', 'PUBLISHED', 0, now(), now(), 'Online', 10, true)" >/dev/null

# ---------------------------------------------------------------- 2. the transaction that causes a mail
status="$(curl -s -o "$OUT/sign-up.json" -w '%{http_code}' -m 10 -H 'Content-Type: application/json' \
  -d "{\"name\": \"Crash Test\", \"email\": \"$RECIPIENT\"}" "http://127.0.0.1:$PORT/api/events/$EVENT_ID/sign-ups")"
[[ "$status" == 202 ]] || die "the sign-up was answered $status: $(cat "$OUT/sign-up.json")"

# ---------------------------------------------------------------- 3. recorded, not sent
sleep 3 # three relay periods: a relay that was not held back would have sent it by now
BEFORE_ROW="$(row)"
BEFORE_MAILS="$(mails_in_greenmail)"
info "before the kill: mail_outbox row '$BEFORE_ROW', mails in GreenMail: $BEFORE_MAILS"

# ---------------------------------------------------------------- 4. kill -9
kill -KILL "$PID"
for _ in $(seq 100); do pid_alive "$PID" || break; sleep 0.1; done
pid_alive "$PID" && die "event-service (pid $PID) survived kill -9"
info "event-service killed (SIGKILL)"

# ---------------------------------------------------------------- 5. restart with a normal relay
start true
info "event-service restarted with its relay (pid $PID)"
deadline=$((SECONDS + TIMEOUT))
until [[ "$(row)" == SENT* ]]; do
  ((SECONDS < deadline)) || break
  sleep 0.5
done
AFTER_ROW="$(row)"

# ---------------------------------------------------------------- 6. count
sleep 5 # five more relay rounds: a second sending would arrive now
AFTER_MAILS="$(mails_in_greenmail)"
ROWS="$(psql_app -c "select count(*) from mail_outbox where recipient = '$RECIPIENT'")"

echo
echo "==== mail crash test $RUN"
echo "recipient                 : $RECIPIENT"
echo "before the kill           : mail_outbox row (status attempts) '$BEFORE_ROW', mails received $BEFORE_MAILS"
echo "after the restart         : mail_outbox row (status attempts) '$AFTER_ROW', rows $ROWS, mails received $AFTER_MAILS"
echo "wall time                 : $(elapsed_since "$t0") s"
if [[ "$BEFORE_ROW" == "PENDING 0" && "$BEFORE_MAILS" -eq 0 && "$AFTER_ROW" == "SENT 1" && "$ROWS" -eq 1 && "$AFTER_MAILS" -eq 1 ]]; then
  echo "RESULT: PASS"
else
  echo "RESULT: FAIL (logs: $OUT)"
  exit 1
fi
