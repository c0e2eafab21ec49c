#!/usr/bin/env bash
# Installs the real goose (pressly/goose, postgres driver only) into .cache/bin: the migration files and every
# service's version table are tested against it (packages/common/test/migrate/real-goose.test.ts, README).
# Idempotent: does nothing when the pinned version is already there. Needs Go and the Go module proxy.
set -euo pipefail
# Without the other databases' drivers: a fraction of the modules to fetch and seconds, not minutes, to build.
exec bash "$(dirname "${BASH_SOURCE[0]}")/go-install.sh" goose github.com/pressly/goose/v3/cmd/goose \
  "${GOOSE_VERSION:-v3.30.0}" "the real-goose tests" \
  -tags "no_clickhouse no_mssql no_mysql no_sqlite3 no_libsql no_vertica no_ydb"
