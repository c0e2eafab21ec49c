#!/usr/bin/env bash
# Checks the Prometheus configuration offline: the rule files and dashboards are what scripts/observability/generate.mjs
# writes, promtool accepts prometheus.yml (with the rule files it loads) and every rule file, and the alert unit tests
# in observability/prometheus/tests/ pass (promtool test rules: synthetic series in, expected alerts out).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
node scripts/observability/generate.mjs --check
bash scripts/observability/install-promtool.sh
promtool="$root/.cache/bin/promtool"
if [[ ! -x "$promtool" ]]; then
  echo "observability-check: promtool is not installed (needs go); the rule checks were skipped" >&2
  exit 0
fi
"$promtool" check config observability/prometheus/prometheus.yml
"$promtool" check rules observability/prometheus/rules/*.yml
"$promtool" test rules observability/prometheus/tests/*.yml
