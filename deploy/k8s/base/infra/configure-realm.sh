#!/usr/bin/env bash
# What a realm import cannot carry, applied to a running Keycloak through its admin REST API. Idempotent:
# run it after every import of deploy/keycloak/trellis-realm.json (deploy/local/keycloak.sh does, on every
# 'up'); a second run changes nothing.
#
#   1. The confidential clients' secrets: when TRELLIS_PORTAL_CLIENT_SECRET is set, the client
#      trellis-partner-service gets exactly that secret; when TRELLIS_CONSOLE_CLIENT_SECRET is set, the client
#      trellis-console gets that one (an import from the file carries placeholders).
#   2. The fine-grained admin permission (admin permissions v2) of partner-service's service account:
#      on the group partner-users only, the scopes view, view-members, manage-members and
#      manage-membership. With them, and its one realm-management role query-users, the account can
#      create users that are members of partner-users (and no other group), and view, change and delete
#      members of partner-users. It cannot map any role, add an existing user to a group, or see or change
#      any user outside the group. Realm exports cannot carry these permissions reliably (the
#      admin-permissions client gets a new id on import), so they are created here.
#   3. Partners' machine clients (docs/security.md): the service account gets realm-management's create-client,
#      which lets it register clients through the client registration service (and nothing else: it cannot
#      read, change or delete any client but one it registered, with that client's registration access token).
#      The realm's client registration policy "Allowed Protocol Mapper Types" for authenticated requests
#      also allows the four mapper types such a client carries: oidc-hardcoded-role-mapper,
#      oidc-hardcoded-claim-mapper, oidc-audience-mapper and oidc-usermodel-realm-role-mapper.
#   4. The realm's mail server, for Keycloak's own mails (a portal invitation's "set your password"):
#      TRELLIS_SMTP_HOST (default 127.0.0.1), TRELLIS_SMTP_PORT (3025, the local GreenMail),
#      TRELLIS_SMTP_FROM (no-reply@trellis.local), TRELLIS_SMTP_STARTTLS (true or REQUIRED: STARTTLS; anything
#      else, default: none), and TRELLIS_SMTP_USER with TRELLIS_SMTP_PASSWORD when the server wants a login
#      (both or neither).
#
# Environment: KEYCLOAK_URL (default http://127.0.0.1:8180), KEYCLOAK_ADMIN and KEYCLOAK_ADMIN_PASSWORD
# (a master-realm admin; no default), TRELLIS_PORTAL_CLIENT_SECRET and TRELLIS_CONSOLE_CLIENT_SECRET (optional,
# see 1.), TRELLIS_SMTP_* (see 4.), TRELLIS_REALM
# (default trellis). Needs curl and jq.
set -euo pipefail

KC="${KEYCLOAK_URL:-http://127.0.0.1:8180}"
KC="${KC%/}"
REALM="${TRELLIS_REALM:-trellis}"
PORTAL_CLIENT=trellis-partner-service
CONSOLE_CLIENT=trellis-console
PORTAL_GROUP=partner-users
CLIENT_POLICY="partner-service client"
USER_POLICY="partner-service service account"
PERMISSION="partner-service manages the members of partner-users"
SCOPES='["view","view-members","manage-members","manage-membership"]'
REGISTRATION_POLICY_TYPE=org.keycloak.services.clientregistration.policy.ClientRegistrationPolicy
MACHINE_CLIENT_MAPPERS='["oidc-hardcoded-role-mapper","oidc-hardcoded-claim-mapper","oidc-audience-mapper","oidc-usermodel-realm-role-mapper"]'

say() { printf '[configure-realm] %s\n' "$*"; }
die() { printf '[configure-realm] ERROR: %s\n' "$*" >&2; exit 1; }

: "${KEYCLOAK_ADMIN:?set KEYCLOAK_ADMIN (a master-realm admin user)}"
: "${KEYCLOAK_ADMIN_PASSWORD:?set KEYCLOAK_ADMIN_PASSWORD}"
command -v jq >/dev/null || die "jq is missing"
command -v curl >/dev/null || die "curl is missing"

body="$(curl -s -m 10 -d grant_type=password -d client_id=admin-cli \
  --data-urlencode "username=$KEYCLOAK_ADMIN" --data-urlencode "password=$KEYCLOAK_ADMIN_PASSWORD" \
  "$KC/realms/master/protocol/openid-connect/token" || true)"
TOKEN="$(jq -er .access_token <<<"$body" 2>/dev/null)" || die "could not log in to $KC as $KEYCLOAK_ADMIN (answer: ${body:0:200})"

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
OUT="$TMP/out"
# The token and the bodies (one carries the client secret) go to curl through files and stdin, never argv.
printf 'Authorization: Bearer %s\n' "$TOKEN" >"$TMP/auth"

# api METHOD PATH [JSON]: call the realm's admin API, print the body; fail on anything but 2xx.
api() {
  local method="$1" path="$2" data="${3:-}" code
  local args=(-s -m 30 -o "$OUT" -w '%{http_code}' -X "$method" -H "@$TMP/auth")
  if [[ -n "$data" ]]; then
    code="$(curl "${args[@]}" -H 'Content-Type: application/json' --data-binary @- "$KC/admin/realms/$REALM$path" <<<"$data" || true)"
  else
    code="$(curl "${args[@]}" "$KC/admin/realms/$REALM$path" || true)"
  fi
  [[ "$code" == 2* ]] || die "$method $path answered HTTP $code: $(head -c 300 "$OUT")"
  cat "$OUT"
}

[[ "$(api GET "" | jq -r '.adminPermissionsEnabled // false')" == true ]] ||
  die "realm $REALM does not have adminPermissionsEnabled (admin permissions v2); import deploy/keycloak/trellis-realm.json"

client="$(api GET "/clients?clientId=$PORTAL_CLIENT" | jq -er '.[0].id')" || die "realm $REALM has no client $PORTAL_CLIENT"
account="$(api GET "/clients/$client/service-account-user" | jq -er .id)"

# 1. The secrets.
# set_secret CLIENT_UUID CLIENT_ID SECRET: give the client exactly this secret, unless it has it already.
set_secret() {
  local id="$1" name="$2" secret="$3" rep
  if [[ "$(api GET "/clients/$id/client-secret" | jq -r '.value // ""')" != "$secret" ]]; then
    rep="$(api GET "/clients/$id" | jq --arg s "$secret" '.secret = $s')"
    api PUT "/clients/$id" "$rep" >/dev/null
    say "set the secret of client $name"
  fi
}
if [[ -n "${TRELLIS_PORTAL_CLIENT_SECRET:-}" ]]; then
  set_secret "$client" "$PORTAL_CLIENT" "$TRELLIS_PORTAL_CLIENT_SECRET"
fi
if [[ -n "${TRELLIS_CONSOLE_CLIENT_SECRET:-}" ]]; then
  console="$(api GET "/clients?clientId=$CONSOLE_CLIENT" | jq -er '.[0].id')" || die "realm $REALM has no client $CONSOLE_CLIENT"
  set_secret "$console" "$CONSOLE_CLIENT" "$TRELLIS_CONSOLE_CLIENT_SECRET"
fi

# 2. The permission.
authz="$(api GET "/clients?clientId=admin-permissions" | jq -er '.[0].id')" ||
  die "realm $REALM has no admin-permissions client (is the feature admin-fine-grained-authz:v2 enabled?)"
group="$(api GET "/group-by-path/$PORTAL_GROUP" | jq -er .id)" || die "realm $REALM has no group /$PORTAL_GROUP"
rs="/clients/$authz/authz/resource-server"

# upsert KIND NAME JSON: create the policy or permission NAME of KIND, or update it to JSON; print its id.
upsert() {
  local kind="$1" name="$2" json="$3" id
  id="$(api GET "$rs/policy?name=$(jq -rn --arg n "$name" '$n|@uri')&exact=true" | jq -r --arg n "$name" '[.[] | select(.name == $n)][0].id // ""')"
  if [[ -z "$id" ]]; then
    api POST "$rs/$kind" "$json" | jq -er .id
    say "created $kind '$name'" >&2
  else
    api PUT "$rs/$kind/$id" "$(jq --arg id "$id" '.id = $id' <<<"$json")" >/dev/null
    echo "$id"
  fi
}

# Both policies name the same account. The client policy is the one Keycloak evaluates for a single user
# or group; the user policy is the one it uses to filter lists and group look-ups (its partial evaluation
# knows user, group and role policies, not client policies), so without it the account cannot even find
# the group by path when it creates a member.
client_policy="$(upsert policy/client "$CLIENT_POLICY" "$(jq -n --arg n "$CLIENT_POLICY" --arg c "$client" \
  '{name: $n, description: "the confidential client of partner-service", logic: "POSITIVE", clients: [$c]}')")"
user_policy="$(upsert policy/user "$USER_POLICY" "$(jq -n --arg n "$USER_POLICY" --arg u "$account" \
  '{name: $n, description: "the service account of trellis-partner-service", logic: "POSITIVE", users: [$u]}')")"
upsert permission/scope "$PERMISSION" "$(jq -n --arg n "$PERMISSION" --arg g "$group" --argjson s "$SCOPES" \
  --arg p1 "$client_policy" --arg p2 "$user_policy" \
  '{name: $n, description: "partner-service invites, lists and removes partner portal users, nobody else",
    resourceType: "Groups", resources: [$g], scopes: $s, policies: [$p1, $p2], decisionStrategy: "AFFIRMATIVE"}')" >/dev/null
say "realm $REALM: $PORTAL_CLIENT may manage the members of /$PORTAL_GROUP only"

# 3. Machine clients: create-client, and the mapper types their registration carries.
realm_management="$(api GET "/clients?clientId=realm-management" | jq -er '.[0].id')" || die "realm $REALM has no client realm-management"
if ! api GET "/users/$account/role-mappings/clients/$realm_management" | jq -e 'any(.[]; .name == "create-client")' >/dev/null; then
  api POST "/users/$account/role-mappings/clients/$realm_management" \
    "[$(api GET "/clients/$realm_management/roles/create-client")]" >/dev/null
  say "gave the service account of $PORTAL_CLIENT realm-management/create-client"
fi
mapper_policy="$(api GET "/components?type=$REGISTRATION_POLICY_TYPE" |
  jq -c '[.[] | select(.providerId == "allowed-protocol-mappers" and .subType == "authenticated")][0] // empty')"
[[ -n "$mapper_policy" ]] || die "realm $REALM has no client registration policy allowed-protocol-mappers for authenticated requests"
if ! jq -e --argjson m "$MACHINE_CLIENT_MAPPERS" '($m - .config["allowed-protocol-mapper-types"]) == []' <<<"$mapper_policy" >/dev/null; then
  api PUT "/components/$(jq -r .id <<<"$mapper_policy")" "$(jq --argjson m "$MACHINE_CLIENT_MAPPERS" \
    '.config["allowed-protocol-mapper-types"] = ((.config["allowed-protocol-mapper-types"] + $m) | unique)' <<<"$mapper_policy")" >/dev/null
  say "client registration (authenticated) may now carry the mappers of partners' machine clients"
fi

# 4. The realm's mail server.
if [[ -n "${TRELLIS_SMTP_USER:-}" && -z "${TRELLIS_SMTP_PASSWORD:-}" ]] || [[ -z "${TRELLIS_SMTP_USER:-}" && -n "${TRELLIS_SMTP_PASSWORD:-}" ]]; then
  die "set both TRELLIS_SMTP_USER and TRELLIS_SMTP_PASSWORD, or neither"
fi
case "${TRELLIS_SMTP_STARTTLS:-false}" in
  true | TRUE | required | REQUIRED) starttls=true ;;
  *) starttls=false ;;
esac
smtp="$(jq -n --arg host "${TRELLIS_SMTP_HOST:-127.0.0.1}" --arg port "${TRELLIS_SMTP_PORT:-3025}" \
  --arg from "${TRELLIS_SMTP_FROM:-no-reply@trellis.local}" --arg starttls "$starttls" \
  --arg user "${TRELLIS_SMTP_USER:-}" \
  '{host: $host, port: $port, from: $from, fromDisplayName: "Trellis", starttls: $starttls, ssl: "false"}
   + (if $user == "" then {auth: "false"} else {auth: "true", user: $user} end)')"
realm_rep="$(api GET "")"
# Keycloak never shows the stored password, so with a login the server is written on every run.
if [[ -n "${TRELLIS_SMTP_PASSWORD:-}" ]] ||
  ! jq -e --argjson want "$smtp" '(.smtpServer // {}) as $have | all($want | to_entries[]; $have[.key] == .value)' <<<"$realm_rep" >/dev/null; then
  api PUT "" "$(jq -n --argjson s "$smtp" --arg p "${TRELLIS_SMTP_PASSWORD:-}" \
    '{smtpServer: (if $p == "" then $s else $s + {password: $p} end)}')" >/dev/null
  say "realm $REALM sends its mails through ${TRELLIS_SMTP_HOST:-127.0.0.1}:${TRELLIS_SMTP_PORT:-3025}"
fi
