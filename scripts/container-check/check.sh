#!/usr/bin/env bash
# Checks the Dockerfile and docker-compose.yml without a Docker engine (none runs in CI): the compose file and the
# Prometheus scrape configuration are what the registry generates, the Dockerfile passes BuildKit's lint rules and
# the compose file loads with the Compose specification's loader and names every service. Nothing is built or run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
if ! command -v go >/dev/null 2>&1; then
  echo "container-check: go is not installed; the Dockerfile and compose checks were skipped" >&2
  exit 0
fi
node scripts/compose/generate.mjs --check
services=$(node -e "import('$root/runner/dist/registry.js').then(({ serviceRegistry }) => console.log(serviceRegistry.map((s) => s.name).join(' ')))")
# shellcheck disable=SC2086
(cd scripts/container-check && GOFLAGS=-mod=mod go run . "$root" $services)
