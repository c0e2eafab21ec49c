// The same contract against a real Apache Kafka broker (scripts/kafka/start.sh), then the Kafka-only fault
// suites (processes and the broker killed mid-stream); skipped, and said so, when KAFKA_BROKERS is not set.
import { describe, it } from 'vitest';
import { createKafkaTransport, parseBrokers } from '../../src/events/index.js';
import { brokerRestartSuite } from './support/broker-restart.js';
import { deleteTestTopicsAfterEach } from './support/kafka-test-topics.js';
import { batchContract } from './support/batch-contract.js';
import { outboxContract } from './support/outbox-contract.js';
import { processCrashSuite } from './support/process-crash.js';
import { transportContract } from './support/transport-contract.js';

const brokers = parseBrokers(process.env.KAFKA_BROKERS);

if (brokers.length === 0) {
  console.warn('Kafka tests were not run: KAFKA_BROKERS is not set (scripts/kafka/start.sh starts a local broker).');
  describe('kafka transport', () => {
    it.skip('was not run: KAFKA_BROKERS is not set (start a broker with scripts/kafka/start.sh)', () => {});
  });
} else {
  deleteTestTopicsAfterEach(brokers);
  const factory = () => createKafkaTransport({ brokers, clientId: 'events-test', partitions: 3, redeliveryDelayMs: 20 });
  transportContract('kafka', factory);
  outboxContract('kafka', factory);
  batchContract('kafka', factory);
  processCrashSuite(brokers);
  brokerRestartSuite(brokers);
}
