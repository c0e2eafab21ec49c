// The Kafka transport creates a topic and waits until every partition has a leader before it publishes or
// subscribes. Runs without a broker against a scripted kafkajs whose broker behaves as a loaded KRaft node
// does: CreateTopics is answered first, metadata says "does not host this topic-partition" for a while, then
// a partition without a leader, then leaders. (A real broker only shows that window now and then.)
import { beforeEach, describe, expect, it, vi } from 'vitest';

const broker = vi.hoisted(() => {
  const notReady = (message: string, type = 'UNKNOWN_TOPIC_OR_PARTITION') => Object.assign(new Error(message), { type });
  const state = {
    /** Metadata requests each new topic answers with UNKNOWN_TOPIC_OR_PARTITION, then one with leader -1. */
    lag: 3,
    requests: new Map<string, number>(),
    failWith: undefined as string | undefined,
    /** Topics in the order the producer or a consumer used them. */
    used: [] as string[],
    ready: (topic: string) => (state.requests.get(topic) ?? -1) > state.lag,
    metadata(topics: string[]) {
      if (state.failWith) throw notReady('not authorized', state.failWith);
      for (const t of topics) {
        if (!state.requests.has(t)) throw notReady(`unknown ${t}`);
        state.requests.set(t, state.requests.get(t)! + 1);
      }
      if (topics.some((t) => state.requests.get(t)! < state.lag)) throw notReady("not in the broker's metadata cache yet");
      return { topics: topics.map((name) => ({ name, partitions: [0, 1, 2].map((p) => ({ partitionId: p, leader: state.ready(name) ? 1 : -1 })) })) };
    },
    use(topics: string[]) {
      for (const t of topics) if (!state.ready(t)) throw notReady(`This server does not host this topic-partition (${t})`);
      state.used.push(...topics);
    },
  };
  return state;
});

vi.mock('kafkajs', () => {
  class Kafka {
    admin() {
      return {
        connect: async () => {},
        disconnect: async () => {},
        // kafkajs 2.2.4: waitForLeaders asks once more and gives up on anything but LEADER_NOT_AVAILABLE.
        createTopics: async ({ topics, waitForLeaders = true }: { topics: Array<{ topic: string }>; waitForLeaders?: boolean }) => {
          for (const { topic } of topics) if (!broker.requests.has(topic)) broker.requests.set(topic, 0);
          if (waitForLeaders) broker.metadata(topics.map((t) => t.topic));
          return true;
        },
        fetchTopicMetadata: async ({ topics }: { topics: string[] }) => broker.metadata(topics),
      };
    }
    producer() {
      return {
        connect: async () => {},
        disconnect: async () => {},
        sendBatch: async ({ topicMessages }: { topicMessages: Array<{ topic: string }> }) => broker.use(topicMessages.map((t) => t.topic)),
      };
    }
    consumer() {
      return {
        connect: async () => {},
        disconnect: async () => {},
        subscribe: async ({ topics }: { topics: string[] }) => broker.use(topics),
        run: async () => {},
      };
    }
  }
  return { Kafka, logLevel: { NOTHING: 0, ERROR: 1, WARN: 2 }, Partitioners: { DefaultPartitioner: () => () => 0 } };
});

const { createKafkaTransport } = await import('../../src/events/kafka-transport.js');
const { createTopicsAndWaitForLeaders } = await import('../../src/events/kafka-topics.js');

describe('kafka topic creation', () => {
  beforeEach(() => {
    broker.requests.clear();
    broker.used.length = 0;
    broker.failWith = undefined;
  });

  it('publishes to a new topic only once every partition of it has a leader', async () => {
    const transport = createKafkaTransport({ brokers: ['127.0.0.1:1'], clientId: 'topics-test' });
    await transport.publish([{ topic: 'shop.order', key: 'o1', headers: {}, value: '{}' }]);
    expect(broker.used).toEqual(['shop.order']);
    expect(broker.requests.get('shop.order')).toBe(broker.lag + 1);
    await transport.close();
  });

  it('subscribes only once the topic and its dead-letter topic are led', async () => {
    const transport = createKafkaTransport({ brokers: ['127.0.0.1:1'], clientId: 'topics-test' });
    await transport.subscribe({ group: 'g', topics: ['shop.cart'], onMessage: async () => {} });
    expect(broker.used).toEqual(['shop.cart']);
    expect(broker.ready('shop.cart') && broker.ready('shop.cart.dlq')).toBe(true);
    await transport.close();
  });

  it('fails on an error that waiting cannot cure', async () => {
    broker.failWith = 'TOPIC_AUTHORIZATION_FAILED';
    const transport = createKafkaTransport({ brokers: ['127.0.0.1:1'], clientId: 'topics-test' });
    await expect(transport.publish([{ topic: 'shop.secret', key: 'k', headers: {}, value: '{}' }])).rejects.toThrow('not authorized');
    await transport.close();
  });

  it('gives up with the topic named when no leader appears in time', async () => {
    const admin = { createTopics: async () => true, fetchTopicMetadata: async () => broker.metadata(['never.led']) };
    broker.requests.set('never.led', Number.NEGATIVE_INFINITY);
    await expect(createTopicsAndWaitForLeaders(admin as never, ['never.led'], { partitions: 3, replicationFactor: 1, timeoutMs: 100, pollMs: 10 }))
      .rejects.toThrow(/never\.led still have a partition without a leader after 100 ms/);
  });
});
