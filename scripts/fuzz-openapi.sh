#!/usr/bin/env bash
# Keeps /openapi.json true: schemathesis fuzzes every operation it documents against a private, throwaway
# `make dev` ecosystem (ephemeral ports, fresh data directory), anonymously and with the development staff token.
# Fails (exit 1) on any server error (5xx), any answer that does not match its documented schema and any status
# the operation does not list. Stops the ecosystem (SIGINT, as Ctrl-C) and removes its data on exit, whatever happens.
#
#   bash scripts/fuzz-openapi.sh                     # what CI runs
#   FUZZ_SEED=1234 bash scripts/fuzz-openapi.sh      # replay a run (every run prints its seed)
#   FUZZ_MAX_EXAMPLES=100 bash scripts/fuzz-openapi.sh
#   bash scripts/fuzz-openapi.sh --include-path-regex '^/api/v1/categories'   # extra `st run` options
#   FUZZ_GATEWAY_URL=http://127.0.0.1:8080 FUZZ_TOKEN=$TOKEN bash scripts/fuzz-openapi.sh   # an ecosystem already up
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
MAX_EXAMPLES="${FUZZ_MAX_EXAMPLES:-25}"
SEED="${FUZZ_SEED:-$RANDOM$RANDOM}"
READY_TIMEOUT_S="${FUZZ_READY_TIMEOUT_S:-180}"
CHECKS=not_a_server_error,response_schema_conformance,status_code_conformance

bash scripts/install-schemathesis.sh
ST="$ROOT/.cache/schemathesis/bin/st"

work="$(mktemp -d "${TMPDIR:-/tmp}/ecommerce-fuzz-XXXXXX")"
chmod 755 "$work" # embedded PostgreSQL may run as another user when this runs as root
log="$work/dev.log"
dev_pid=

cleanup() {
  local code=$?
  if [[ -n "$dev_pid" ]] && kill -0 "$dev_pid" 2>/dev/null; then
    # Ctrl-C, as a user stops `make dev`: every service, then PostgreSQL.
    kill -INT -- "-$dev_pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$dev_pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$dev_pid" 2>/dev/null; then
      echo "fuzz-openapi: the ecosystem did not stop on SIGINT within 30 s; killing it" >&2
      kill -KILL -- "-$dev_pid" 2>/dev/null || true
    fi
  fi
  rm -rf "$work"
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

extra=("$@")
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

if [[ -n "${FUZZ_GATEWAY_URL:-}" ]]; then
  # An ecosystem already running (while fixing findings): FUZZ_GATEWAY_URL and FUZZ_TOKEN from its make dev output.
  gateway="$FUZZ_GATEWAY_URL"
  token="${FUZZ_TOKEN:?FUZZ_TOKEN must be set with FUZZ_GATEWAY_URL}"
else
  # Its own process group (setsid), so SIGINT reaches make and the runner together, as Ctrl-C in a terminal does.
  # Rate limits are lifted: the fuzzer sends thousands of requests from one address, and should reach the routes.
  DEV_PORTS=ephemeral DEV_DATA_DIR="$work/data" EMBEDDED_PG_PORT="$(free_port)" LOG_LEVEL="${FUZZ_LOG_LEVEL:-warn}" \
    GATEWAY_RATE_LIMIT_PER_MINUTE=1000000 GATEWAY_RATE_LIMIT_AUTH_PER_MINUTE=1000000 \
    AUTH_LOGIN_RATE_LIMIT_PER_IP=10000 AUTH_RESET_RATE_LIMIT_PER_IP=10000 \
    setsid make --no-print-directory dev >"$log" 2>&1 </dev/null &
  dev_pid=$!

  echo "fuzz-openapi: starting a private ecosystem (make dev, log $log)"
  deadline=$(( $(date +%s) + READY_TIMEOUT_S ))
  until grep -q 'Press Ctrl-C to stop\.' "$log"; do
    if ! kill -0 "$dev_pid" 2>/dev/null; then
      cat "$log" >&2
      echo "fuzz-openapi: make dev exited before the ecosystem was ready" >&2
      exit 1
    fi
    if (( $(date +%s) > deadline )); then
      cat "$log" >&2
      echo "fuzz-openapi: the ecosystem was not ready within ${READY_TIMEOUT_S} s" >&2
      exit 1
    fi
    sleep 0.5
  done
  gateway="$(sed -n 's/^Gateway (every REST route): \([^ ]*\).*/\1/p' "$log" | head -n 1)"
  token="$(sed -n 's/^ *export TOKEN=\([^ ]*\)$/\1/p' "$log" | head -n 1)"
  if [[ -z "$gateway" || -z "$token" ]]; then
    cat "$log" >&2
    echo "fuzz-openapi: could not read the gateway URL or the staff token from the make dev output" >&2
    exit 1
  fi
fi
echo "fuzz-openapi: gateway $gateway; schemathesis $("$ST" --version | awk '{print $NF}'), $MAX_EXAMPLES examples per operation, seed $SEED"

failed=0
fuzz() {
  local label=$1; shift
  echo
  echo "=== fuzz-openapi: $label ==="
  # From the scratch directory: schemathesis keeps what it found in ./.schemathesis, and each run starts clean.
  # One worker: concurrent workers trip a CPython 3.11 bug in ast.parse (hypothesis describing its lambdas).
  if (cd "$work" && "$ST" run "$gateway/openapi.json" \
      --checks "$CHECKS" \
      --seed "$SEED" \
      --workers 1 \
      --request-timeout 10 \
      --generation-database none \
      --suppress-health-check all \
      --no-color \
      --output-truncate false \
      "$@"); then
    echo "fuzz-openapi: $label: clean"
  else
    echo "fuzz-openapi: $label: FINDINGS (above)" >&2
    failed=1
  fi
}

# Operations that declare a token (security: bearerAuth) answer 401 to anyone without one, whatever else is sent:
# anonymously they get a short fuzzing pass that checks that answer; everything else gets every phase.
SECURED='/security/0/bearerAuth == []'
fuzz "anonymous, public operations" --exclude-by "$SECURED" --max-examples "$MAX_EXAMPLES" "${extra[@]}"
fuzz "anonymous, operations that need a token" --include-by "$SECURED" --phases fuzzing --max-examples 3 "${extra[@]}"
fuzz "with the development staff token, every operation" -H "Authorization: Bearer $token" --max-examples "$MAX_EXAMPLES" "${extra[@]}"

if [[ -f "$log" ]] && grep -Eq '"level":"(error|fatal)"|"level":50|"level":60' "$log"; then
  echo "fuzz-openapi: the services logged errors during the run:" >&2
  grep -E '"level":"(error|fatal)"|"level":50|"level":60' "$log" | head -n 20 >&2
fi

if (( failed )); then
  echo "fuzz-openapi: FAILED: the API answered outside its OpenAPI document (or with a server error); seed $SEED" >&2
  exit 1
fi
echo "fuzz-openapi: clean: no server errors, every response matched its documented status and schema"
