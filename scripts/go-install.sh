#!/usr/bin/env bash
# Installs a pinned Go command into .cache/bin from the Go module proxy, once per version (a stamp file says
# which is there). Usage: go-install.sh NAME MODULE/PATH VERSION WHAT-SKIPS-WITHOUT-GO [go install flags...]
set -euo pipefail
name=$1 package=$2 version=$3 skipped=$4
shift 4
bin_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.cache/bin"
stamp="$bin_dir/.$name-$version"
if [[ -x "$bin_dir/$name" && -f "$stamp" ]]; then
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  echo "install-$name: go is not installed; $skipped will be skipped" >&2
  exit 0
fi
mkdir -p "$bin_dir"
GOBIN="$bin_dir" GOFLAGS=-mod=mod go install "$@" "$package@$version"
rm -f "$bin_dir/.$name"-*
touch "$stamp"
echo "install-$name: $name $version in $bin_dir"
