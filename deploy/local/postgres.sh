#!/usr/bin/env bash
# PostgreSQL 15 (Debian cluster 15/main) on 127.0.0.1:5432 for the local stack.
#
#   postgres.sh up      install (apt) / create / start the cluster if needed, then
#                       create the role "trellis" and the databases (idempotent)
#   postgres.sh down    stop the cluster
#   postgres.sh status  exit 0 if it is up and the trellis role can log in
#
# The cluster is the system one (data in /var/lib/postgresql/15/main); its log is
# linked into the state dir as logs/postgresql.log.
set -euo pipefail
COMPONENT=postgres
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PG_VERSION=15
PG_CLUSTER=main
PG_PORT=5432
PG_ROLE=trellis
PG_PASSWORD=trellis
PG_DATABASES=(
  trellis_partner trellis_advisory trellis_event trellis_insights trellis_keycloak trellis_webhook
  trellis_partner_test trellis_advisory_test trellis_event_test trellis_insights_test
  trellis_platform_test trellis_gateway_test trellis_insights_bench trellis_webhook_test
)

# "15 main 5432 online postgres /var/lib/... /var/log/..." or empty.
cluster_line() { pg_lsclusters -h 2>/dev/null | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" '$1 == v && $2 == c'; }
cluster_field() { cluster_line | awk -v n="$1" '{ print $n }'; }
cluster_online() { [[ "$(cluster_field 4)" == online* ]]; }

as_postgres() {
  is_root || die "need root to act as the 'postgres' OS user"
  (cd / && runuser -u postgres -- "$@")
}

pg_ready() { pg_isready -q -h 127.0.0.1 -p "$PG_PORT" -t 2; }

ensure_installed() {
  if ! command -v pg_ctlcluster >/dev/null 2>&1 || [[ ! -x /usr/lib/postgresql/$PG_VERSION/bin/postgres ]]; then
    info "PostgreSQL $PG_VERSION is not installed"
    apt_install postgresql   # Debian 12: PostgreSQL 15
  fi
  [[ -x /usr/lib/postgresql/$PG_VERSION/bin/postgres ]] ||
    die "PostgreSQL $PG_VERSION binaries not found after install (is this Debian 12?)"
}

ensure_cluster() {
  if [[ -z "$(cluster_line)" ]]; then
    ensure_port_free "$PG_PORT" "PostgreSQL"
    info "creating cluster $PG_VERSION/$PG_CLUSTER on port $PG_PORT"
    pg_createcluster --port "$PG_PORT" "$PG_VERSION" "$PG_CLUSTER" >/dev/null
  fi
  local port
  port="$(cluster_field 3)"
  [[ "$port" == "$PG_PORT" ]] ||
    die "cluster $PG_VERSION/$PG_CLUSTER is configured for port $port, not $PG_PORT (see /etc/postgresql/$PG_VERSION/$PG_CLUSTER/postgresql.conf)"
}

link_log() {
  local log
  log="$(cluster_field 7)"
  [[ -n "$log" ]] && ln -sfn "$log" "$LOG_DIR/postgresql.log"
}

# Names of the wanted databases that do not exist yet (checked as the trellis role).
missing_databases() {
  local have d
  have="$(PGPASSWORD="$PG_PASSWORD" PGCONNECT_TIMEOUT=3 psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U "$PG_ROLE" \
    -d trellis_partner -tAc 'select datname from pg_database' 2>/dev/null)" || { echo "${PG_DATABASES[*]}"; return; }
  for d in "${PG_DATABASES[@]}"; do
    grep -qx "$d" <<<"$have" || echo "$d"
  done
}

ensure_role_and_databases() {
  if ! is_root; then
    # Without root we cannot act as the postgres superuser: accept what is there.
    local missing
    missing="$(missing_databases | paste -sd' ')"
    [[ -z "$missing" ]] || die "databases/role missing ($missing); run this script once as root to create them"
    return 0
  fi
  local dbs
  dbs="$(printf "'%s'," "${PG_DATABASES[@]}")"
  dbs="${dbs%,}"
  as_postgres psql -X -q -v ON_ERROR_STOP=1 -d postgres >/dev/null <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_ROLE') THEN
    CREATE ROLE $PG_ROLE LOGIN PASSWORD '$PG_PASSWORD';
  ELSE
    ALTER ROLE $PG_ROLE WITH LOGIN PASSWORD '$PG_PASSWORD';
  END IF;
END
\$\$;
SELECT format('CREATE DATABASE %I OWNER $PG_ROLE', d)
  FROM unnest(ARRAY[$dbs]) AS d
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = d)
\gexec
SELECT format('ALTER DATABASE %I OWNER TO $PG_ROLE', datname)
  FROM pg_database
 WHERE datname IN ($dbs) AND datdba <> (SELECT oid FROM pg_roles WHERE rolname = '$PG_ROLE')
\gexec
SQL
}

check_login() {
  PGPASSWORD="$PG_PASSWORD" PGCONNECT_TIMEOUT=3 psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U "$PG_ROLE" \
    -d trellis_partner -tAc 'select 1' >/dev/null 2>&1
}

cmd_up() {
  take_lock postgres
  ensure_installed
  ensure_cluster
  link_log
  if cluster_online; then
    info "already running (cluster $PG_VERSION/$PG_CLUSTER on 127.0.0.1:$PG_PORT)"
  else
    ensure_port_free "$PG_PORT" "PostgreSQL"
    local t0
    t0="$(now)"
    info "starting cluster $PG_VERSION/$PG_CLUSTER (listen 127.0.0.1:$PG_PORT)"
    # 9>&-: the server must not inherit (and keep holding) our lock file.
    pg_ctlcluster --skip-systemctl-redirect -o "-c listen_addresses=127.0.0.1" \
      "$PG_VERSION" "$PG_CLUSTER" start 9>&- ||
      die "pg_ctlcluster start failed; see $LOG_DIR/postgresql.log"
    record_started postgres
    local deadline=$((SECONDS + 30))
    until pg_ready; do
      ((SECONDS < deadline)) || die "PostgreSQL not ready after 30s; see $LOG_DIR/postgresql.log"
      sleep 0.2
    done
    info "started in $(elapsed_since "$t0") s"
  fi
  pg_ready || die "cluster $PG_VERSION/$PG_CLUSTER is online but does not answer on 127.0.0.1:$PG_PORT"
  ensure_role_and_databases
  check_login || die "role $PG_ROLE cannot log in over 127.0.0.1:$PG_PORT (check pg_hba.conf allows scram-sha-256 on 127.0.0.1)"
  info "ready: postgresql://$PG_ROLE:$PG_PASSWORD@127.0.0.1:$PG_PORT/{$(IFS=,; echo "${PG_DATABASES[*]}")}"
}

cmd_down() {
  take_lock postgres
  command -v pg_ctlcluster >/dev/null 2>&1 || { info "not installed"; return 0; }
  if cluster_online; then
    info "stopping cluster $PG_VERSION/$PG_CLUSTER"
    pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" "$PG_CLUSTER" stop -m fast
    info "stopped"
  else
    info "not running"
  fi
}

cmd_status() {
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    info "DOWN (not installed)"
    return 3
  fi
  if cluster_online && pg_ready; then
    local pid=""
    pid="$(head -n1 "$(cluster_field 6)/postmaster.pid" 2>/dev/null || true)"
    if check_login; then
      info "UP    127.0.0.1:$PG_PORT (cluster $PG_VERSION/$PG_CLUSTER, postmaster pid ${pid:-?}), role $PG_ROLE can log in"
    else
      info "UP    127.0.0.1:$PG_PORT but role $PG_ROLE cannot log in yet (run: postgres.sh up)"
      return 1
    fi
  else
    info "DOWN"
    return 3
  fi
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  *) usage_die "{up|down|status}" ;;
esac
