#!/usr/bin/env bash
# Installs grpcurl (used by the user service's end-to-end test and its README) into .cache/bin.
# Idempotent: does nothing when the pinned version is already there. Needs Go and the Go module proxy.
set -euo pipefail
exec bash "$(dirname "${BASH_SOURCE[0]}")/go-install.sh" grpcurl github.com/fullstorydev/grpcurl/cmd/grpcurl \
  "${GRPCURL_VERSION:-v1.9.3}" "the grpcurl tests"
