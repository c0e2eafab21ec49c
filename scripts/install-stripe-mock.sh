#!/usr/bin/env bash
# Installs stripe-mock (Stripe's official API mock, stateless: it checks request shapes) into .cache/bin, for the
# payment service's Stripe adapter test. Idempotent. Needs Go and the Go module proxy.
set -euo pipefail
exec bash "$(dirname "${BASH_SOURCE[0]}")/go-install.sh" stripe-mock github.com/stripe/stripe-mock \
  "${STRIPE_MOCK_VERSION:-v0.203.0}" "the Stripe adapter test"
