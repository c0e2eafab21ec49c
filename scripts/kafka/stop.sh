#!/usr/bin/env bash
# Stops the broker start.sh started (SIGTERM: a controlled shutdown; SIGKILL after 30 s). Keeps its data.
set -euo pipefail
source "$(dirname "$0")/env.sh"

if ! kafka_running; then
  rm -f "$KAFKA_PID_FILE"
  exit 0
fi
pid=$(cat "$KAFKA_PID_FILE")
kill -TERM "$pid"
for _ in $(seq 1 60); do
  kill -0 "$pid" 2>/dev/null || { rm -f "$KAFKA_PID_FILE"; exit 0; }
  sleep 0.5
done
echo "kafka: broker $pid ignored SIGTERM for 30 s; killing it" >&2
kill -KILL "$pid" 2>/dev/null || true
rm -f "$KAFKA_PID_FILE"
