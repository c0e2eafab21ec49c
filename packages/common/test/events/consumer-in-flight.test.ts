import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createInProcessTransport, startEventConsumer, toWireMessage } from '../../src/events/index.js';
import { trackInFlight } from '../../src/events/events-metrics.js';
import type { ReceivedMessage } from '../../src/events/transport.js';
import { gate, itemEvent, uniqueTopic, waitFor } from './support/fixtures.js';

const GAUGE = 'event_consumer_oldest_in_flight_seconds';

async function gaugeValue(registry: Registry, labels: { topic: string; group: string }): Promise<number | undefined> {
  const metric = (await registry.getMetricsAsJSON()).find((m) => m.name === GAUGE);
  const values = (metric?.values ?? []) as Array<{ value: number; labels: Record<string, string> }>;
  return values.find((v) => v.labels.topic === labels.topic && v.labels.group === labels.group)?.value;
}

function received(topic: string, headers: Record<string, string>, offset = '0'): ReceivedMessage {
  return { topic, key: 'k', headers, value: '{}', partition: 0, offset };
}

describe('event_consumer_oldest_in_flight_seconds', () => {
  it('is the age of the oldest event still in a handler, from its ce_time, and 0 once handlers finish', async () => {
    const registry = new Registry();
    let clock = Date.parse('2026-01-01T00:10:00Z');
    const first = gate();
    const second = gate();
    const blockers = [first.promise, second.promise];
    const handler = trackInFlight(registry, 'search', () => blockers.shift()!, () => clock);
    const labels = { topic: 'catalog.product', group: 'search' };

    const older = handler(received(labels.topic, { ce_time: '2026-01-01T00:08:30Z' }, '1'));
    const newer = handler(received(labels.topic, { ce_time: '2026-01-01T00:09:50Z' }, '2'));
    expect(await gaugeValue(registry, labels)).toBe(90);
    clock += 30_000;
    expect(await gaugeValue(registry, labels)).toBe(120);

    first.open();
    await older;
    expect(await gaugeValue(registry, labels)).toBe(40);
    second.open();
    await newer;
    expect(await gaugeValue(registry, labels)).toBe(0);
  });

  it('counts from receipt when ce_time is missing, and still clears when the handler rejects', async () => {
    const registry = new Registry();
    let clock = 1_000_000;
    const blocked = gate();
    const handler = trackInFlight(registry, 'order', () => blocked.promise, () => clock);
    const labels = { topic: 'payment.authorization', group: 'order' };

    const run = handler(received(labels.topic, {}));
    clock += 5_000;
    expect(await gaugeValue(registry, labels)).toBe(5);
    blocked.fail(new Error('handler failed'));
    await expect(run).rejects.toThrow('handler failed');
    expect(await gaugeValue(registry, labels)).toBe(0);
  });

  it('is reported by a real consumer whose handler is stuck on an old event', async () => {
    const registry = new Registry();
    const transport = createInProcessTransport();
    const topic = uniqueTopic();
    const release = gate();
    const consumer = await startEventConsumer({ transport, group: 'search', topics: [topic], metrics: registry, handler: () => release.promise });
    const event = { ...itemEvent(topic, 'k', 1), time: new Date(Date.now() - 60_000).toISOString() };
    await transport.publish([toWireMessage(topic, 'k', event)]);
    const labels = { topic, group: 'search' };

    await waitFor(async () => ((await gaugeValue(registry, labels)) ?? 0) >= 60, 'the stuck event to show as 60 s old');
    release.open();
    await waitFor(async () => (await gaugeValue(registry, labels)) === 0, 'the gauge to fall to 0 once handled');
    await consumer.stop();
    await transport.close();
  });
});
