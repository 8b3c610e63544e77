#!/usr/bin/env bash
# Lints the OpenAPI documents of a running stack with Spectral (spectral:oas and the OWASP API Security
# ruleset): the gateway's merged one (/api/openapi) with deploy/local/spectral.yaml, each service's own
# (/q/openapi on its port) with deploy/local/spectral-service.yaml (less rate limits and CORS, the gateway's). Prints the errors and warnings per document and rule, writes each report as
# JSON under $TRELLIS_HOME/api-lint/, and exits 1 when any document has an error or a warning (a rule whose
# warnings are accepted is switched off in the ruleset, with the reason next to it).
#
#   api-lint.sh            against the stack on 127.0.0.1 (deploy/local/trellis up)
#
# Installs @stoplight/spectral-cli and @stoplight/spectral-owasp-ruleset from npm into
# $TRELLIS_HOME/tools when missing. Settings (environment): SPECTRAL_VERSION (6.16.3), OWASP_VERSION (2.0.1),
# GATEWAY (http://127.0.0.1:8080), SERVICES ("partner-service:8081 advisory-service:8082 event-service:8083
# insights-service:8084 webhook-service:8086").
set -euo pipefail
COMPONENT=api-lint
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SPECTRAL_VERSION="${SPECTRAL_VERSION:-6.16.3}"
OWASP_VERSION="${OWASP_VERSION:-2.0.1}"
GATEWAY="${GATEWAY:-http://127.0.0.1:8080}"
SERVICES="${SERVICES:-partner-service:8081 advisory-service:8082 event-service:8083 insights-service:8084 webhook-service:8086}"
TOOL_DIR="$STATE_DIR/tools/spectral-$SPECTRAL_VERSION-owasp-$OWASP_VERSION"
OUT_DIR="$STATE_DIR/api-lint"

require_cmd curl curl
require_cmd jq jq
require_cmd npm npm
if [[ ! -x "$TOOL_DIR/node_modules/.bin/spectral" ]]; then
  info "installing Spectral $SPECTRAL_VERSION and the OWASP ruleset $OWASP_VERSION into $TOOL_DIR"
  mkdir -p "$TOOL_DIR"
  (cd "$TOOL_DIR" && npm install --no-audit --no-fund --loglevel=error \
    "@stoplight/spectral-cli@$SPECTRAL_VERSION" "@stoplight/spectral-owasp-ruleset@$OWASP_VERSION" >/dev/null) ||
    die "npm install of Spectral failed"
fi
# The rulesets name the OWASP package; Spectral resolves it from the ruleset's directory. The services' own
# documents get spectral-service.yaml (less what only the gateway does), the merged one spectral.yaml.
cp "$DEPLOY_DIR/spectral.yaml" "$DEPLOY_DIR/spectral-service.yaml" "$TOOL_DIR/"
mkdir -p "$OUT_DIR"

documents=()
for entry in $SERVICES; do
  documents+=("${entry%%:*}=http://127.0.0.1:${entry##*:}/q/openapi?format=json")
done
documents+=("gateway=$GATEWAY/api/openapi")
ruleset_of() { [[ "$1" == gateway ]] && echo spectral.yaml || echo spectral-service.yaml; }

failed=0
for doc in "${documents[@]}"; do
  name="${doc%%=*}" url="${doc#*=}"
  curl -fsS "$url" -o "$OUT_DIR/$name.json" || die "cannot read $name's document at $url"
  (cd "$TOOL_DIR" && node_modules/.bin/spectral lint --quiet -r "$(ruleset_of "$name")" -f json \
    -o "$OUT_DIR/$name.lint.json" "$OUT_DIR/$name.json" >/dev/null 2>&1) || true
  [[ -s "$OUT_DIR/$name.lint.json" ]] || die "Spectral wrote no report for $name"
  errors="$(jq '[.[] | select(.severity == 0)] | length' "$OUT_DIR/$name.lint.json")"
  warnings="$(jq '[.[] | select(.severity == 1)] | length' "$OUT_DIR/$name.lint.json")"
  info "$name: $errors errors, $warnings warnings"
  jq -r 'group_by(.severity, .code)[] | "    \(if .[0].severity == 0 then "error" else "warning" end)  \(.[0].code)  \(length)"' \
    "$OUT_DIR/$name.lint.json"
  ((errors == 0 && warnings == 0)) || failed=1
done
info "reports: $OUT_DIR"
exit "$failed"
