#!/usr/bin/env bash
# Fault test against the running local stack: PostgreSQL stops (immediate mode, as a crash would)
# while the consumers are busy, and nothing is lost.
#
#   deploy/local/fault-postgres.sh
#
# Creates FAULT_PARTNERS partners through the gateway and renames each FAULT_RENAMES times, one caller
# per partner in parallel, so partner-changed events stream to advisory-service's and event-service's
# consumers. A third of the way in, PostgreSQL is stopped with "pg_ctl stop -m immediate" for
# FAULT_DOWN seconds and started again (renames meanwhile fail; the last accepted one counts).
#
# It passes (exit 0) when, within FAULT_TIMEOUT seconds after the restart:
#   - both read models (advisory partner_view, event partner_view) hold each partner's last name;
#   - both consumers recorded every partner-changed event partner-service published for the test's
#     partners (inbox rows for each outbox event id: none missing);
#   - the dead-letter topics (trellis.advisory.dlq, trellis.event.dlq) hold no record more than before;
#   - at least one consumer had to retry (metric trellis_consumer_retries_total), so the stop did hit
#     a busy consumer (if none did, the test says so and fails: it proved nothing).
# Env: FAULT_PARTNERS (4), FAULT_RENAMES (150), FAULT_DOWN (8), FAULT_TIMEOUT (180).
set -euo pipefail
COMPONENT=fault-postgres
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PARTNERS="${FAULT_PARTNERS:-4}"
RENAMES="${FAULT_RENAMES:-150}"
DOWN="${FAULT_DOWN:-8}"
TIMEOUT="${FAULT_TIMEOUT:-180}"
GATEWAY="${TRELLIS_GATEWAY_URL:-http://127.0.0.1:8080}"
KEYCLOAK="${TRELLIS_KEYCLOAK_URL:-http://127.0.0.1:8180}"
BOOTSTRAP=127.0.0.1:9092
RUN="f$(date +%s)"
OUT="$STATE_DIR/fault-postgres/$RUN"
mkdir -p "$OUT"

export PGPASSWORD=trellis
psql_app() { psql -h 127.0.0.1 -U trellis -v ON_ERROR_STOP=1 -qAt -d "$@"; }
pg_cluster() { pg_ctlcluster --skip-systemctl-redirect 15 main "$@"; }

require_java
KAFKA_CP="$(ls "$HOME"/.m2/repository/org/apache/kafka/kafka-clients/4.1.2/kafka-clients-4.1.2.jar):$(ls "$HOME"/.m2/repository/org/slf4j/slf4j-api/1.7.36/slf4j-api-1.7.36.jar)"
kcheck() { "$JAVA_BIN" -cp "$KAFKA_CP" "$DEPLOY_DIR/ScaleOutCheck.java" "$1" "$BOOTSTRAP" "${@:2}" 2> >(grep -v "^SLF4J" >&2); }

retries() { # sum of trellis_consumer_retries_total over the two consumers
  local sum=0 port v
  for port in 8082 8083; do
    v="$(curl -s -m 5 "http://127.0.0.1:$(management_port "$port")/q/metrics" | awk '/^trellis_consumer_retries_total/ { s += $2 } END { printf "%d", s }')"
    sum=$((sum + ${v:-0}))
  done
  echo "$sum"
}

token="$(curl -sf -m 10 -d grant_type=password -d client_id=trellis-cli -d username=cora -d password=demo \
  "$KEYCLOAK/realms/trellis/protocol/openid-connect/token" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')"
[[ -n "$token" ]] || die "no token for cora from $KEYCLOAK: is the stack up?"

dlq_before_advisory="$(kcheck end-offsets trellis.advisory.dlq)"
dlq_before_event="$(kcheck end-offsets trellis.event.dlq)"
retries_before="$(retries)"
info "run $RUN: $PARTNERS partners x $RENAMES renames; dead letters before: advisory $dlq_before_advisory, event $dlq_before_event"

ids=()
for ((p = 1; p <= PARTNERS; p++)); do
  id="$(curl -sf -m 20 -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"name\": \"Fault $RUN p$p #0\", \"lifecycleStatus\": \"ACTIVE\"}" "$GATEWAY/api/partners" \
    | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')"
  [[ -n "$id" ]] || die "could not create partner $p"
  ids+=("$id")
done

# One renamer per partner: each partner's renames are sequential, so its last accepted name is known.
rename_all() {
  local id="$1" p="$2" i status
  for ((i = 1; i <= RENAMES; i++)); do
    status="$(curl -s -m 20 -o /dev/null -w '%{http_code}' -X PATCH -H "Authorization: Bearer $token" \
      -H 'Content-Type: application/merge-patch+json' -H 'If-Match: *' \
      -d "{\"name\": \"Fault $RUN p$p #$i\"}" "$GATEWAY/api/partners/$id" || true)"
    [[ "$status" == 200 ]] && echo "$i" >"$OUT/last-$p"
  done
}
renamers=()
for ((p = 1; p <= PARTNERS; p++)); do
  rename_all "${ids[$((p - 1))]}" "$p" &
  renamers+=($!)
done
# Stop PostgreSQL a third of the way in: events are being published and consumed right then.
progress_deadline=$(( $(date +%s) + TIMEOUT ))
until [[ "$(ls "$OUT"/last-* 2>/dev/null | wc -l)" -eq "$PARTNERS" \
      && "$(cat "$OUT"/last-* 2>/dev/null | sort -n | head -1)" -ge $((RENAMES / 3)) ]]; do
  (( $(date +%s) < progress_deadline )) || die "the renames made no progress within $TIMEOUT s"
  sleep 0.2
done
info "stopping PostgreSQL (immediate) for $DOWN s while partners are renamed and the consumers apply them"
t_stop="$(now)"
pg_cluster stop -m immediate
sleep "$DOWN"
pg_cluster start
info "PostgreSQL is back after $(elapsed_since "$t_stop") s"
wait "${renamers[@]}"
info "renames done; last accepted per partner: $(cat "$OUT"/last-* | tr '\n' ' ')"

ok=0
deadline=$(( $(date +%s) + TIMEOUT ))
while (( $(date +%s) < deadline )); do
  ok=1
  for ((p = 1; p <= PARTNERS; p++)); do
    id="${ids[$((p - 1))]}"
    want="Fault $RUN p$p #$(cat "$OUT/last-$p" 2>/dev/null || echo 0)"
    for db in trellis_advisory trellis_event; do
      got="$(psql_app "$db" -c "select name from partner_view where partner_id = '$id'" 2>/dev/null || true)"
      [[ "$got" == "$want" ]] || { ok=0; break 2; }
    done
  done
  ((ok)) && break
  sleep 1
done
((ok)) || die "the read models did not reach every partner's last name within $TIMEOUT s"

id_list="$(printf "'%s'," "${ids[@]}")"; id_list="${id_list%,}"
psql_app trellis_partner -c "select id from outbox_event where aggregate_id in ($id_list)
  and type = 'dev.trellis.partner.partner-changed.v1' order by id" >"$OUT/published"
published="$(wc -l <"$OUT/published")"
missing=0
for pair in "trellis_advisory advisory.partner-view" "trellis_event event.partner-view"; do
  read -r db consumer <<<"$pair"
  psql_app "$db" -c "select event_id from inbox_event where consumer = '$consumer'" | sort >"$OUT/inbox-$db"
  m="$(sort "$OUT/published" | comm -23 - "$OUT/inbox-$db" | wc -l)"
  info "$consumer: $m of $published partner-changed events missing"
  missing=$((missing + m))
done
dlq_after_advisory="$(kcheck end-offsets trellis.advisory.dlq)"
dlq_after_event="$(kcheck end-offsets trellis.event.dlq)"
new_dead=$(( dlq_after_advisory - dlq_before_advisory + dlq_after_event - dlq_before_event ))
retried=$(( $(retries) - retries_before ))
info "published $published, missing $missing, new dead letters $new_dead, consumer retries $retried"
((missing == 0)) || die "$missing effects are missing"
((new_dead == 0)) || die "$new_dead messages went to a dead-letter topic"
((retried > 0)) || die "no consumer had to retry: PostgreSQL stopped while they were idle, so this run proved nothing"
info "passed: every effect is there, no dead letters"
