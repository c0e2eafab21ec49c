#!/usr/bin/env bash
# Checks k8s/ offline: the base is what the registry generates, every overlay renders with kustomize, every
# built-in object validates strictly against the Kubernetes schemas (kubernetes-validate, PyPI) and every operator
# resource against its CRD schema (scripts/k8s/validate-custom-resources.mjs). Nothing is applied to a cluster.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
bash scripts/go-install.sh kustomize sigs.k8s.io/kustomize/kustomize/v5 "${KUSTOMIZE_VERSION:-v5.7.1}" "the k8s check"
venv="$root/.cache/kubernetes-validate"
version="${KUBERNETES_VALIDATE_VERSION:-1.37.0}"
if [[ ! -f "$venv/.kubernetes-validate-$version" ]]; then
  rm -rf "$venv" && python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "kubernetes-validate==$version"
  touch "$venv/.kubernetes-validate-$version"
fi
node scripts/k8s/generate.mjs --check
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for overlay in k8s/overlays/*/; do
  name="$(basename "$overlay")"
  .cache/bin/kustomize build "$overlay" >"$out/$name.yaml"
  # Warnings name the operator kinds it has no schema for; those are checked just below.
  if ! "$venv/bin/kubernetes-validate" --strict --quiet "$out/$name.yaml" >"$out/$name.log" 2>&1 || grep -q '^ERROR' "$out/$name.log"; then
    cat "$out/$name.log" >&2
    echo "k8s: overlay $name has objects the Kubernetes schemas refuse" >&2
    exit 1
  fi
  node scripts/k8s/validate-custom-resources.mjs "$out/$name.yaml"
  echo "k8s: overlay $name renders $(grep -c '^kind:' "$out/$name.yaml") objects, all valid"
done
