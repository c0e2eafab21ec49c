// Deletes the throwaway topics of the Kafka tests (`t<hex>.item` of fixtures.ts and their dead-letter topics)
// after each test, so the broker does not pile up partitions run after run: a broker restarted after SIGKILL
// recovers every partition it holds before it serves again.
import { Kafka, logLevel } from 'kafkajs';
import { afterEach } from 'vitest';

const TEST_TOPIC = /^t[0-9a-f]{8}\.item(\.dlq)*$/;

/** Registers the clean-up; call it at the top of a Kafka test file, so it runs after the suites' own hooks. */
export function deleteTestTopicsAfterEach(brokers: string[]): void {
  afterEach(async () => {
    const admin = new Kafka({ clientId: 'test-topic-cleanup', brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const topics = (await admin.listTopics()).filter((t) => TEST_TOPIC.test(t));
      if (topics.length > 0) await admin.deleteTopics({ topics });
    } finally {
      await admin.disconnect();
    }
  });
}
