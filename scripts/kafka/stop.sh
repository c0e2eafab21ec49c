#!/usr/bin/env bash
# Stops the broker start.sh started (SIGTERM: a controlled shutdown; SIGKILL after 30 s). Keeps its data.
# --kill sends SIGKILL at once, as a crash would (no controlled shutdown, no final flush or checkpoint), for
# fault tests; it too returns only once the process is gone, so start.sh can take the port again.
set -euo pipefail
source "$(dirname "$0")/env.sh"

signal=TERM
[[ ${1:-} == --kill ]] && signal=KILL

if ! kafka_running; then
  rm -f "$KAFKA_PID_FILE"
  exit 0
fi
pid=$(cat "$KAFKA_PID_FILE")
kill "-$signal" "$pid"
for _ in $(seq 1 60); do
  kill -0 "$pid" 2>/dev/null || { rm -f "$KAFKA_PID_FILE"; exit 0; }
  sleep 0.5
done
echo "kafka: broker $pid ignored SIG$signal for 30 s; killing it" >&2
kill -KILL "$pid" 2>/dev/null || true
rm -f "$KAFKA_PID_FILE"
