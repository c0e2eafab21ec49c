#!/usr/bin/env bash
# Installs promtool (Prometheus's rule and config checker) into .cache/bin from the Go module proxy, for
# scripts/observability/check.sh. Idempotent. The module's v0.3MM.P versions are Prometheus 3.MM.P.
# remove_all_sd leaves out the service-discovery plugins (cloud SDKs, Kubernetes client): the scrape configuration
# uses static targets only, and without them the build compiles a fraction of the code.
set -euo pipefail
exec bash "$(dirname "${BASH_SOURCE[0]}")/../go-install.sh" promtool github.com/prometheus/prometheus/cmd/promtool \
  "${PROMTOOL_VERSION:-v0.316.0}" "the Prometheus rule checks" -tags=remove_all_sd
