#!/usr/bin/env bash
# Starts a single-node KRaft Kafka broker on 127.0.0.1:$KAFKA_PORT (default 19092) with Java 17 and
# waits until it serves requests. Prints `KAFKA_BROKERS=127.0.0.1:PORT` on success.
# --fresh deletes the broker's data first; without it a restart keeps every topic and offset.
set -euo pipefail
source "$(dirname "$0")/env.sh"

fresh=false
[[ ${1:-} == --fresh ]] && fresh=true

"$KAFKA_ROOT/scripts/kafka/fetch.sh"
command -v java >/dev/null || { echo "kafka: java (17+) is required to run the broker" >&2; exit 1; }

if kafka_running; then
  echo "KAFKA_BROKERS=127.0.0.1:$KAFKA_PORT"
  exit 0
fi
if $fresh; then rm -rf "$KAFKA_DATA_DIR"; fi
mkdir -p "$KAFKA_DATA_DIR"

config=$KAFKA_CACHE/server.properties
cat >"$config" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KAFKA_DATA_DIR
num.partitions=3
auto.create.topics.enable=false
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
# Files of deleted (test) topics go after 1 s, not 60: a broker restarted meanwhile would load them again.
file.delete.delay.ms=1000
PROPS
cat >"$KAFKA_CACHE/log4j.properties" <<'PROPS'
log4j.rootLogger=WARN, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.server.KafkaRaftServer=INFO
PROPS

java_cmd=(java -Xms256m -Xmx512m -XX:+UseG1GC -Djava.awt.headless=true
  "-Dlog4j.configuration=file:$KAFKA_CACHE/log4j.properties" -cp "$KAFKA_LIBS/*")

if [[ ! -f $KAFKA_DATA_DIR/meta.properties ]]; then
  cluster_id=$("${java_cmd[@]}" kafka.tools.StorageTool random-uuid)
  "${java_cmd[@]}" kafka.tools.StorageTool format -t "$cluster_id" -c "$config" --ignore-formatted >/dev/null
fi

nohup "${java_cmd[@]}" kafka.Kafka "$config" >"$KAFKA_LOG_FILE" 2>&1 &
echo $! >"$KAFKA_PID_FILE"

# Ready = the broker logged that it started (the port alone opens before the metadata log is loaded).
for _ in $(seq 1 120); do
  if grep -q 'Kafka Server started' "$KAFKA_LOG_FILE" 2>/dev/null; then
    echo "KAFKA_BROKERS=127.0.0.1:$KAFKA_PORT"
    exit 0
  fi
  if ! kafka_running; then
    echo "kafka: broker exited during start-up; last lines of $KAFKA_LOG_FILE:" >&2
    tail -n 30 "$KAFKA_LOG_FILE" >&2
    exit 1
  fi
  sleep 0.5
done
echo "kafka: broker not ready after 60 s; see $KAFKA_LOG_FILE" >&2
exit 1
