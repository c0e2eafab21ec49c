#!/usr/bin/env bash
# Installs grpcurl (used by the user service's end-to-end test and its README) into .cache/bin.
# Idempotent: does nothing when the pinned version is already there. Needs Go and the Go module proxy.
set -euo pipefail
VERSION="${GRPCURL_VERSION:-v1.9.3}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN_DIR="$ROOT/.cache/bin"
STAMP="$BIN_DIR/.grpcurl-$VERSION"
if [[ -x "$BIN_DIR/grpcurl" && -f "$STAMP" ]]; then
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  echo "install-grpcurl: go is not installed; grpcurl tests will be skipped" >&2
  exit 0
fi
mkdir -p "$BIN_DIR"
GOBIN="$BIN_DIR" GOFLAGS=-mod=mod go install "github.com/fullstorydev/grpcurl/cmd/grpcurl@$VERSION"
rm -f "$BIN_DIR"/.grpcurl-*
touch "$STAMP"
echo "install-grpcurl: grpcurl $VERSION in $BIN_DIR"
