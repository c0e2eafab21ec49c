#!/usr/bin/env bash
# Installs schemathesis (the OpenAPI fuzzer behind scripts/fuzz-openapi.sh) from PyPI into a virtualenv in
# .cache/schemathesis. Idempotent: does nothing when the pinned version is already there. Needs python3 (3.9+)
# with the venv module (Debian: python3-venv). Prints nothing on success but the one install line.
set -euo pipefail
VERSION="${SCHEMATHESIS_VERSION:-4.32.5}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.cache/schemathesis"
STAMP="$VENV/.schemathesis-$VERSION"
if [[ -x "$VENV/bin/st" && -f "$STAMP" ]]; then
  exit 0
fi
if ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
  if command -v apt-get >/dev/null 2>&1 && [[ $(id -u) -eq 0 ]]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
  else
    echo "install-schemathesis: python3 with the venv module is needed (Debian: apt-get install python3-venv)" >&2
    exit 1
  fi
fi
rm -rf "$VENV"
python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "schemathesis==$VERSION"
touch "$STAMP"
echo "install-schemathesis: schemathesis $VERSION in $VENV"
