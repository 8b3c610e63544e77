#!/usr/bin/env bash
# Creates the Secrets the dev overlay refers to, with random values, in namespace trellis-dev (or $1).
# Nothing is committed or printed; existing Secrets are left as they are (delete one to renew it).
# Read a value back with, e.g.:
#   kubectl -n trellis-dev get secret trellis-keycloak-admin -o jsonpath='{.data.password}' | base64 -d
set -euo pipefail
ns="${1:-trellis-dev}"
rand() { head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n'; }

kubectl get namespace "$ns" >/dev/null 2>&1 || kubectl create namespace "$ns"

# create NAME TYPE KEY=VALUE...: unless it exists. Values go through stdin, never the command line.
create() {
  local name="$1" type="$2"
  shift 2
  if kubectl -n "$ns" get secret "$name" >/dev/null 2>&1; then
    echo "secret $name exists, kept"
    return
  fi
  local data="" kv
  for kv in "$@"; do
    data+="  ${kv%%=*}: $(printf '%s' "${kv#*=}" | base64 | tr -d '\n')"$'\n'
  done
  kubectl -n "$ns" apply -f - <<YAML >/dev/null
apiVersion: v1
kind: Secret
metadata:
  name: $name
type: $type
data:
$data
YAML
  echo "secret $name created"
}

create trellis-db-partner kubernetes.io/basic-auth username=partner "password=$(rand)"
create trellis-db-advisory kubernetes.io/basic-auth username=advisory "password=$(rand)"
create trellis-db-event kubernetes.io/basic-auth username=event "password=$(rand)"
create trellis-db-insights kubernetes.io/basic-auth username=insights "password=$(rand)"
create trellis-db-webhook kubernetes.io/basic-auth username=webhook "password=$(rand)"
create trellis-webhook-key Opaque "secret-key=$(head -c 32 /dev/urandom | base64)"
create trellis-db-keycloak kubernetes.io/basic-auth username=keycloak "password=$(rand)"
create trellis-keycloak-admin kubernetes.io/basic-auth username=admin "password=$(rand)"
create trellis-portal-client Opaque "client-secret=$(rand)"
create trellis-console-client Opaque "client-secret=$(rand)"
# The SMTP relay's login for event-service's mails: replace with your relay's (docs/mail.md).
create trellis-smtp kubernetes.io/basic-auth username=trellis "password=$(rand)"
