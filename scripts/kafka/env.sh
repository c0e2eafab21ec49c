# Shared settings of the local Kafka broker scripts; sourced, not run.
KAFKA_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
KAFKA_CACHE=${KAFKA_CACHE:-$KAFKA_ROOT/.cache/kafka}
KAFKA_LIBS=$KAFKA_CACHE/libs
KAFKA_PORT=${KAFKA_PORT:-19092}
KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-19093}
KAFKA_DATA_DIR=${KAFKA_DATA_DIR:-$KAFKA_CACHE/data}
KAFKA_PID_FILE=$KAFKA_CACHE/broker.pid
KAFKA_LOG_FILE=$KAFKA_CACHE/broker.log
# The version pinned in pom.xml; fetch.sh refuses a cache holding any other.
KAFKA_VERSION=$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$KAFKA_ROOT/scripts/kafka/pom.xml")

kafka_running() {
  [[ -f $KAFKA_PID_FILE ]] && kill -0 "$(cat "$KAFKA_PID_FILE")" 2>/dev/null
}
