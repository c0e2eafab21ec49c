#!/usr/bin/env bash
# Fetches Apache Kafka's broker jars (version pinned in pom.xml) and their runtime dependencies
# from Maven Central into .cache/kafka/libs. A no-op when that version is already cached.
set -euo pipefail
source "$(dirname "$0")/env.sh"

if [[ -f $KAFKA_LIBS/kafka_2.13-$KAFKA_VERSION.jar ]]; then
  exit 0
fi
command -v mvn >/dev/null || { echo "kafka: mvn is required to fetch the broker (apt-get install maven)" >&2; exit 1; }
rm -rf "$KAFKA_LIBS.tmp"
mvn -B -q -f "$KAFKA_ROOT/scripts/kafka/pom.xml" dependency:copy-dependencies \
  -DincludeScope=runtime -DoutputDirectory="$KAFKA_LIBS.tmp"
rm -rf "$KAFKA_LIBS"
mv "$KAFKA_LIBS.tmp" "$KAFKA_LIBS"
echo "kafka: fetched Apache Kafka $KAFKA_VERSION ($(ls "$KAFKA_LIBS" | wc -l) jars) into $KAFKA_LIBS"
