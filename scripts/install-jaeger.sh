#!/usr/bin/env bash
# Builds Jaeger v2 (the `jaeger` binary of the github.com/jaegertracing/jaeger module, pinned as a Go tool in
# scripts/jaeger/go.mod) into .cache/bin, for `make up JAEGER=1` and the distributed trace test. The module carries
# replace directives, so `go install pkg@version` refuses it; a tool dependency builds it instead. Idempotent;
# the first build takes minutes (a large dependency tree), later ones none.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version=$(sed -n 's/^\tgithub.com\/jaegertracing\/jaeger \(v[^ ]*\).*/\1/p' "$root/scripts/jaeger/go.mod")
stamp="$root/.cache/bin/.jaeger-$version"
if [[ -x "$root/.cache/bin/jaeger" && -f "$stamp" ]]; then
  exit 0
fi
command -v go >/dev/null || { echo "install-jaeger: go is not installed" >&2; exit 1; }
mkdir -p "$root/.cache/bin"
# Without the symbol table and DWARF (-s -w): the link, most of a build with warm caches, takes about half as long
# and the binary is 85 MB instead of 121; a test tool needs no debugger.
(cd "$root/scripts/jaeger" && GOFLAGS=-mod=mod go build -ldflags='-s -w' -o "$root/.cache/bin/jaeger" github.com/jaegertracing/jaeger/cmd/jaeger)
rm -f "$root/.cache/bin/.jaeger-"*
touch "$stamp"
echo "install-jaeger: jaeger $version in $root/.cache/bin"
