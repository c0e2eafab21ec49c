#!/usr/bin/env bash
# Installs Mailpit (an SMTP server with a web UI to read what was sent) into .cache/bin, for local use of the
# notification service with `SMTP_URL=smtp://127.0.0.1:1025 make dev` (services-core/notification/README.md).
# Optional: make dev and the tests use an in-process SMTP server instead. Idempotent; needs Go and the module proxy.
set -euo pipefail
exec bash "$(dirname "${BASH_SOURCE[0]}")/go-install.sh" mailpit github.com/axllent/mailpit \
  "${MAILPIT_VERSION:-v1.33.1}" "Mailpit (make dev then keeps its built-in mail sink)"
