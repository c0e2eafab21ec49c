import { describe, expect, it } from 'vitest';
import { createInProcessTransport, toWireMessage, type ReceivedMessage } from '../../src/events/index.js';
import { itemEvent, uniqueTopic, waitFor } from './support/fixtures.js';

describe('in-process transport retention', () => {
  it('drops the oldest messages of a partition beyond its retention, as Kafka\'s size retention does', async () => {
    const transport = createInProcessTransport({ partitions: 1, retainPerPartition: 5 });
    const topic = uniqueTopic();
    await transport.publish(Array.from({ length: 12 }, (_, i) => toWireMessage(topic, 'k', itemEvent(topic, 'k', i))));
    const seen: ReceivedMessage[] = [];
    const sub = await transport.subscribe({ group: 'late', topics: [topic], onMessage: async (m) => void seen.push(m) });
    await waitFor(() => seen.length === 5, 'the retained messages');
    expect(seen.map((m) => m.offset)).toEqual(['7', '8', '9', '10', '11']);
    await transport.publish([toWireMessage(topic, 'k', itemEvent(topic, 'k', 12))]);
    await waitFor(() => seen.length === 6, 'the next message');
    expect(seen[5]!.offset).toBe('12');
    await sub.stop();
    await transport.close();
  });
});
