#!/usr/bin/env bash
# Runs once, on the first start of the PostgreSQL container (an empty data volume):
# the application role and one database per service, plus Keycloak's, as in deploy/local/postgres.sh.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v app_user="$TRELLIS_DB_USER" -v app_password="$TRELLIS_DB_PASSWORD" <<'SQL'
create role :"app_user" login password :'app_password';
create database trellis_partner owner :"app_user";
create database trellis_advisory owner :"app_user";
create database trellis_event owner :"app_user";
create database trellis_insights owner :"app_user";
create database trellis_webhook owner :"app_user";
create database trellis_keycloak owner :"app_user";
SQL
