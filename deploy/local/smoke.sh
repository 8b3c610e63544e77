#!/usr/bin/env bash
# End-to-end smoke test of a running local stack, with real Keycloak tokens, through the gateway.
# The gateway issue grows this into the full security suite.
#
#   smoke.sh        exit 0 only if every check passed; prints "smoke: N passed, M failed"
set -euo pipefail
COMPONENT=smoke
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

GATEWAY="${TRELLIS_GATEWAY_URL:-http://127.0.0.1:8080}"
KEYCLOAK="${TRELLIS_KEYCLOAK_URL:-http://127.0.0.1:8180}"
PARTNER_A=a1a1a1a1-0000-4000-8000-000000000001
PARTNER_B=b2b2b2b2-0000-4000-8000-000000000002
passed=0
failed=0

token() {
  curl -sf -m 10 -d grant_type=password -d client_id=trellis-cli -d "username=$1" -d password=demo \
    "$KEYCLOAK/realms/trellis/protocol/openid-connect/token" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}

# check NAME EXPECTED_STATUS BODY_SUBSTRING(or "", or "!TEXT": the body must not contain TEXT) CURL_ARGS...
check() {
  local name="$1" expected="$2" needle="$3" body status
  shift 3
  body="$(mktemp)"
  status="$(curl -s -m 20 -o "$body" -w '%{http_code}' "$@" || true)"
  local body_ok=1
  if [[ "$needle" == !* ]]; then
    grep -q -- "${needle#!}" "$body" && body_ok=0
  elif [[ -n "$needle" ]]; then
    grep -q -- "$needle" "$body" || body_ok=0
  fi
  if [[ "$status" == "$expected" && "$body_ok" -eq 1 ]]; then
    passed=$((passed + 1))
    info "PASS $name ($status)"
  else
    failed=$((failed + 1))
    warn "FAIL $name: expected $expected${needle:+ with '$needle'}, got $status: $(head -c 300 "$body")"
  fi
  rm -f "$body"
}

cora="$(token cora)"
felix="$(token felix)"
paula="$(token paula)"
piet="$(token piet)"
[[ -n "$cora" && -n "$felix" && -n "$paula" && -n "$piet" ]] || die "could not get demo tokens from $KEYCLOAK"

check "no token on a protected path is 401" 401 '"status":401' "$GATEWAY/api/partners"
check "a forged token is 401" 401 "" -H "Authorization: Bearer ${cora%.*}.c2lnbmF0dXJl" "$GATEWAY/api/partners"
check "community team lists partners (partner-service)" 200 "Acme Cloud" -H "Authorization: Bearer $cora" "$GATEWAY/api/partners"
check "foundation staff list boards (advisory-service)" 200 "Governing Board" -H "Authorization: Bearer $felix" "$GATEWAY/api/boards"
check "community team creates a draft event (event-service)" 201 '"status":"DRAFT"' \
  -H "Authorization: Bearer $cora" -H 'Content-Type: application/json' \
  -d '{"kind":"WEBINAR","title":"Smoke test webinar","startsAt":"2027-05-04T15:00:00Z","endsAt":"2027-05-04T16:00:00Z","timeZone":"UTC"}' \
  "$GATEWAY/api/events"
check "published events are public" 200 "Open Infrastructure Summit" "$GATEWAY/api/events?kind=SUMMIT&from=2027-03-01T00:00:00Z&to=2027-04-01T00:00:00Z"
check "creating an event without a token is 401" 401 "" -H 'Content-Type: application/json' -d '{}' "$GATEWAY/api/events"
check "partner A reads its own organisation, membership and key contacts" 200 '"keyContacts"'  -H "Authorization: Bearer $paula" "$GATEWAY/api/partners/me"
check "partner B reads its own organisation" 200 "$PARTNER_B" -H "Authorization: Bearer $piet" "$GATEWAY/api/partners/me"
check "partner A cannot read partner B" 403 "" -H "Authorization: Bearer $paula" "$GATEWAY/api/partners/$PARTNER_B"
check "partner A's partner list holds only its own organisation" 200 "!$PARTNER_B" -H "Authorization: Bearer $paula" "$GATEWAY/api/partners"
check "partner A's search cannot find partner B" 200 "!$PARTNER_B" -H "Authorization: Bearer $paula" "$GATEWAY/api/partners?q=borealis"
check "partner A cannot read partner B's membership" 403 "" -H "Authorization: Bearer $paula" "$GATEWAY/api/partners/$PARTNER_B/membership"
check "partners never reach touchpoints" 403 "" -H "Authorization: Bearer $paula" "$GATEWAY/api/partners/$PARTNER_A/touchpoints"
check "services' /q endpoints are not exposed" 401 "" "$GATEWAY/q/metrics"
check "unknown API path is a 404 problem" 404 '"status":404' -H "Authorization: Bearer $cora" "$GATEWAY/api/nothing-here"

echo "smoke: $passed passed, $failed failed"
[[ "$failed" -eq 0 ]]
