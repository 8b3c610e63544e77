#!/usr/bin/env bash
# Keycloak 26.5.5 (production mode, optimized build) on http://127.0.0.1:8180,
# data in PostgreSQL database trellis_keycloak, realm from deploy/keycloak/.
#
#   keycloak.sh up        fetch + unpack (once, via Maven/~/.m2), build (once),
#                         start, wait until the trellis realm answers; if
#                         deploy/keycloak/trellis-realm.json changed since it was
#                         imported, re-import it (NEW signing keys, see below)
#   keycloak.sh down      SIGTERM and wait for a clean exit
#   keycloak.sh status    exit 0 if running and the realm answers
#   keycloak.sh reimport  replace the realm with deploy/keycloak/trellis-realm.json
#                         even if the file did not change (starts Keycloak if needed)
#
# The database is kept between runs so that the realm's signing keys stay stable.
# The file's sha256 is remembered when it is imported; when the file differs, 'up'
# deletes the realm and creates it from the file through the admin REST API of the
# running server (no restart). A re-created realm has NEW signing keys: services
# accept its tokens after their forced JWK refresh (PT30S) or a restart, and all
# sessions, tokens and users created at runtime in the realm are gone.
# After every import, and on every 'up', deploy/keycloak/configure-realm.sh gives the client
# trellis-partner-service this installation's secret ($STATE/secrets/portal-client-secret, made on first
# use), the client trellis-console its own ($STATE/secrets/console-client-secret) and its service account the fine-grained admin permission the realm file cannot carry.
# Bootstrap admin: admin/admin (http://127.0.0.1:8180/admin), a local-only value. Log: $STATE/logs/keycloak.log.
set -euo pipefail
COMPONENT=keycloak
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

KC_VERSION=26.5.5
KC_PORT=8180
KC_BASE_URL="http://127.0.0.1:$KC_PORT"
REALM=trellis
REALM_SOURCE="$REPO_ROOT/deploy/keycloak/trellis-realm.json"
CONFIGURE_REALM="$REPO_ROOT/deploy/keycloak/configure-realm.sh"
PORTAL_SECRET="$(local_secret portal-client-secret)"
CONSOLE_SECRET="$(local_secret console-client-secret)"
KC_DIR="$STATE_DIR/keycloak"
KC_HOME="$KC_DIR/keycloak-$KC_VERSION"
IMPORT_DIR="$KC_HOME/data/import"
REALM_HASH_FILE="$KC_DIR/realm-imported.sha256"
LOG="$LOG_DIR/keycloak.log"
READY_URL="$KC_BASE_URL/realms/$REALM/.well-known/openid-configuration"
READY_TIMEOUT=300

# Build-time options (kc.sh build). A change triggers a rebuild.
BUILD_OPTS=(--db=postgres --cache=local)
# Runtime options. --cache=local keeps Infinispan from opening cluster ports on
# non-loopback addresses (build ignores --cache, so it must be given here).
START_OPTS=(
  --optimized --cache=local
  --http-enabled=true --http-host=127.0.0.1 --http-port="$KC_PORT"
  --hostname="$KC_BASE_URL"
  --log-console-color=false
)
# Database and bootstrap admin, passed as environment to kc.sh.
KC_ENV=(
  KC_DB_URL="jdbc:postgresql://127.0.0.1:5432/trellis_keycloak"
  KC_DB_USERNAME=trellis
  KC_DB_PASSWORD=trellis
  KC_BOOTSTRAP_ADMIN_USERNAME=admin
  KC_BOOTSTRAP_ADMIN_PASSWORD=admin
  JAVA_OPTS_KC_HEAP="${TRELLIS_KEYCLOAK_HEAP_OPTS:--Xms64m -Xmx512m}"
)

running_pid() { our_pid keycloak "$KC_HOME/"; }

# The java process under kc.sh (for RSS); falls back to the pid itself.
java_pid() { local c; c="$(pid_child "$1")"; echo "${c:-$1}"; }

realm_ready() { [[ "$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$READY_URL" || true)" == 200 ]]; }

require_postgres() {
  PGPASSWORD=trellis PGCONNECT_TIMEOUT=3 psql -X -q -h 127.0.0.1 -p 5432 -U trellis -d trellis_keycloak \
    -tAc 'select 1' >/dev/null 2>&1 ||
    die "PostgreSQL database trellis_keycloak is not reachable on 127.0.0.1:5432 as trellis (run deploy/local/postgres.sh up first)"
}

ensure_unpacked() {
  [[ -x "$KC_HOME/bin/kc.sh" ]] && return 0
  require_cmd unzip unzip
  local dl="$KC_DIR/download" zip
  info "fetching org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip with Maven (cached in ~/.m2)"
  rm -rf "$dl"
  mvn_helper dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" \
    -DoutputDirectory="$dl" || die "Maven could not fetch the Keycloak distribution (is Maven Central reachable?)"
  zip="$dl/keycloak-quarkus-dist-$KC_VERSION.zip"
  [[ -f "$zip" ]] || die "expected $zip after the Maven download"
  info "unpacking into $KC_DIR"
  rm -rf "$KC_DIR/unpack"
  unzip -q "$zip" -d "$KC_DIR/unpack"
  mv "$KC_DIR/unpack/keycloak-$KC_VERSION" "$KC_HOME"
  rm -rf "$KC_DIR/unpack" "$dl"
}

ensure_built() {
  local marker="$KC_HOME/.trellis-build" wanted
  wanted="${BUILD_OPTS[*]}"
  [[ -f "$marker" && "$(cat "$marker")" == "$wanted" ]] && return 0
  info "building the optimized server image: kc.sh build $wanted (once, ~30 s; log: $LOG)"
  local t0
  t0="$(now)"
  JAVA="$JAVA_BIN" "$KC_HOME/bin/kc.sh" build "${BUILD_OPTS[@]}" >>"$LOG" 2>&1 || fail_start "kc.sh build" "$LOG"
  echo "$wanted" >"$marker"
  info "built in $(elapsed_since "$t0") s"
}

stage_realm() {
  [[ -f "$REALM_SOURCE" ]] || die "realm file $REALM_SOURCE not found"
  mkdir -p "$IMPORT_DIR"
  cp "$REALM_SOURCE" "$IMPORT_DIR/$REALM-realm.json"
}

realm_hash() { sha256sum "$REALM_SOURCE" | cut -d' ' -f1; }

KC_ADMIN_USER=admin
KC_ADMIN_PASSWORD=admin

# A master-realm admin token from the bootstrap admin (admin-cli, password grant).
admin_token() {
  local body
  body="$(curl -s -m 10 -d grant_type=password -d client_id=admin-cli \
    --data-urlencode "username=$KC_ADMIN_USER" --data-urlencode "password=$KC_ADMIN_PASSWORD" \
    "$KC_BASE_URL/realms/master/protocol/openid-connect/token" || true)"
  jq -er .access_token <<<"$body" 2>/dev/null ||
    die "could not log in to the Keycloak admin API as $KC_ADMIN_USER (answer: ${body:0:200})"
}

# Replace the realm of the RUNNING server with the file: delete it, then create it from the JSON through
# the admin REST API (the same importer as kc.sh import, but no restart: the realm is away for ~1 s).
# A new realm gets NEW signing keys; services pick them up with their forced JWK refresh
# (quarkus.oidc.token.forced-jwk-refresh-interval) or a restart.
apply_realm() {
  require_cmd jq jq
  jq -e --arg r "$REALM" '.realm == $r' "$REALM_SOURCE" >/dev/null ||
    die "$REALM_SOURCE is not valid JSON for realm '$REALM'; the running realm is left as it is"
  local token code out="$KC_DIR/realm-import.out"
  token="$(admin_token)"
  code="$(curl -s -m 30 -o "$out" -w '%{http_code}' -X DELETE -H "Authorization: Bearer $token" \
    "$KC_BASE_URL/admin/realms/$REALM" || true)"
  [[ "$code" == 204 || "$code" == 404 ]] || die "deleting realm '$REALM' answered HTTP $code: $(head -c 300 "$out")"
  # The admin API does not fill placeholders: put this installation's secret in (through stdin, never argv).
  code="$(jq --arg s "$PORTAL_SECRET" --arg c "$CONSOLE_SECRET" '(.clients[] | select(.secret == "${TRELLIS_PORTAL_CLIENT_SECRET}")).secret = $s
      | (.clients[] | select(.secret == "${TRELLIS_CONSOLE_CLIENT_SECRET}")).secret = $c' \
    "$REALM_SOURCE" | curl -s -m 120 -o "$out" -w '%{http_code}' -X POST -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' --data-binary @- "$KC_BASE_URL/admin/realms" || true)"
  [[ "$code" == 201 ]] ||
    die "importing $REALM_SOURCE answered HTTP $code: $(head -c 300 "$out") (realm '$REALM' is now missing: fix the file and run 'keycloak.sh up' again)"
  realm_hash >"$REALM_HASH_FILE"
  info "re-imported realm '$REALM' from $REALM_SOURCE (new signing keys: services accept new tokens after their JWK refresh, <= 30 s, or a restart)"
}

# The realm in the database is the one imported from the file whose hash is in $REALM_HASH_FILE.
# When the file differs (or the realm is missing, or nobody recorded what was imported), apply the file.
sync_realm() {
  local force="${1:-}"
  if [[ -z "$force" && -f "$REALM_HASH_FILE" && "$(cat "$REALM_HASH_FILE")" == "$(realm_hash)" ]] && realm_ready; then
    return 0
  fi
  if [[ -n "$force" ]]; then
    info "re-importing realm '$REALM' as asked"
  elif ! realm_ready; then
    info "realm '$REALM' does not answer; importing it from $REALM_SOURCE"
  else
    info "deploy/keycloak/trellis-realm.json differs from the imported realm; re-importing it"
  fi
  apply_realm
}

# The secrets, the fine-grained admin permission, machine-client registration and the realm's mail server
# (deploy/keycloak/configure-realm.sh); idempotent, ~0.3 s.
configure_realm() {
  require_cmd jq jq
  KEYCLOAK_URL="$KC_BASE_URL" KEYCLOAK_ADMIN="$KC_ADMIN_USER" KEYCLOAK_ADMIN_PASSWORD="$KC_ADMIN_PASSWORD" \
    TRELLIS_PORTAL_CLIENT_SECRET="$PORTAL_SECRET" TRELLIS_CONSOLE_CLIENT_SECRET="$CONSOLE_SECRET" TRELLIS_REALM="$REALM" \
    "$CONFIGURE_REALM" ||
    die "configuring realm '$REALM' failed (see above)"
}

# Adopt a Keycloak from this state dir that runs without a pid file.
adopt_orphan() {
  local owner
  owner="$(port_owner "$KC_PORT")"
  if [[ -n "$owner" && "$(pid_cmdline "$owner")" == *"$KC_HOME/"* ]]; then
    warn "found a Keycloak of this state dir without pid file (pid $owner); adopting it"
    echo "$owner" >"$(pidfile keycloak)"
  fi
}

do_up() {
  local force="${1:-}" pid t0 from
  running_pid >/dev/null || adopt_orphan
  if pid="$(running_pid)"; then
    if ! realm_ready; then
      info "running (pid $pid) but the realm does not answer yet; waiting for the server"
      wait_for_http "$KC_BASE_URL/realms/master/.well-known/openid-configuration" "$READY_TIMEOUT" "$pid" keycloak "$LOG"
    fi
    info "already running (pid $pid, $KC_BASE_URL/realms/$REALM)"
    sync_realm "$force"
    configure_realm
    return 0
  fi
  ensure_port_free "$KC_PORT" "Keycloak"
  require_java
  require_cmd curl curl
  require_postgres
  t0="$(now)"
  ensure_unpacked
  ensure_built
  stage_realm
  info "starting (log: $LOG)"
  rotate_log "$LOG"
  from="$(file_size "$LOG")"
  # --import-realm fills the realm file's placeholders ${TRELLIS_PORTAL_CLIENT_SECRET} and
  # ${TRELLIS_CONSOLE_CLIENT_SECRET} from the environment
  # (exported here, so that the secret is in no command line).
  pid="$(TRELLIS_PORTAL_CLIENT_SECRET="$PORTAL_SECRET" TRELLIS_CONSOLE_CLIENT_SECRET="$CONSOLE_SECRET" spawn_detached keycloak "$LOG" env JAVA="$JAVA_BIN" "${KC_ENV[@]}" \
    "$KC_HOME/bin/kc.sh" start "${START_OPTS[@]}" --import-realm)"
  record_started keycloak
  wait_for_http "$READY_URL" "$READY_TIMEOUT" "$pid" keycloak "$LOG"
  if tail -c +"$((from + 1))" "$LOG" | grep -q "Realm '$REALM' imported"; then
    info "imported realm '$REALM' from $REALM_SOURCE"
    realm_hash >"$REALM_HASH_FILE"
  else
    sync_realm "$force"
  fi
  configure_realm
  info "started in $(elapsed_since "$t0") s (pid $pid): $KC_BASE_URL/realms/$REALM (admin console $KC_BASE_URL/admin, admin/admin)"
}

cmd_up() {
  take_lock keycloak
  do_up
}

cmd_down() {
  take_lock keycloak
  local pid
  running_pid >/dev/null || adopt_orphan
  if pid="$(running_pid)"; then
    stop_pid keycloak "$pid" 60
  else
    info "not running"
  fi
}

cmd_status() {
  local pid
  if pid="$(running_pid)"; then
    if realm_ready; then
      info "UP    $KC_BASE_URL/realms/$REALM (pid $pid, java RSS $(pid_rss_mib "$(java_pid "$pid")") MiB)"
    else
      info "STARTING (pid $pid, realm not answering yet)"
      return 1
    fi
  else
    info "DOWN"
    return 3
  fi
}

cmd_reimport() {
  take_lock keycloak
  do_up force
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  reimport) cmd_reimport ;;
  *) usage_die "{up|down|status|reimport}" ;;
esac
