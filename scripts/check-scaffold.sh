#!/usr/bin/env bash
# CI: what `make service` generates builds, type-checks and passes its own test. It generates a service into a
# throwaway copy of the tracked files (as a fresh clone has them), so the repository itself is never touched.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work" # as root, PostgreSQL runs as the `postgres` user and must reach the binaries under it
(cd "$root" && git ls-files -z | tar --null -cf - -T -) | tar -xf - -C "$work"
cd "$work"
make service NAME=scaffoldcheck HTTP=18999 GRPC=19999
cat >tsconfig.scaffold.json <<'JSON'
{ "extends": "./tsconfig.tests.json", "include": ["services-core/scaffoldcheck/test/**/*.ts", "test-types.d.ts"] }
JSON
node node_modules/typescript/bin/tsc -p tsconfig.scaffold.json
npx --yes pnpm@12.4.2 exec vitest run services-core/scaffoldcheck
echo "scaffold: the generated service builds, type-checks and passes its test"
