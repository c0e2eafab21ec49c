#!/usr/bin/env bash
# Installs the real goose (pressly/goose, postgres driver only) into .cache/bin: the migration files and every
# service's version table are tested against it (packages/common/test/migrate/real-goose.test.ts, README).
# Idempotent: does nothing when the pinned version is already there. Needs Go and the Go module proxy.
set -euo pipefail
VERSION="${GOOSE_VERSION:-v3.30.0}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN_DIR="$ROOT/.cache/bin"
STAMP="$BIN_DIR/.goose-$VERSION"
if [[ -x "$BIN_DIR/goose" && -f "$STAMP" ]]; then
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  echo "install-goose: go is not installed; the real-goose tests will be skipped" >&2
  exit 0
fi
mkdir -p "$BIN_DIR"
# Without the other databases' drivers: a fraction of the modules to fetch and seconds, not minutes, to build.
TAGS="no_clickhouse no_mssql no_mysql no_sqlite3 no_libsql no_vertica no_ydb"
GOBIN="$BIN_DIR" GOFLAGS=-mod=mod go install -tags "$TAGS" "github.com/pressly/goose/v3/cmd/goose@$VERSION"
rm -f "$BIN_DIR"/.goose-*
touch "$STAMP"
echo "install-goose: goose $VERSION in $BIN_DIR"
