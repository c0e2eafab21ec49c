// A consumer of the catalog's topics for tests: records every event and waits (bounded) for the ones asked for.
import { startEventConsumer, type CloudEvent, type EventTransport } from '@ecommerce/common/events';
import { expect } from 'vitest';
import type { CatalogHarness } from './catalog-harness.js';

export interface CatalogEventProbe {
  /** The first event of `type` about `subject`, waiting for it to arrive. */
  next(type: string, subject: string): Promise<CloudEvent>;
  /** Types of the first `count` events about `subject`, in arrival order. */
  typesFor(subject: string, count: number): Promise<string[]>;
  all(): CloudEvent[];
  stop(): Promise<void>;
}

export async function catalogEventProbe(transport: EventTransport, group = 'catalog-test-probe'): Promise<CatalogEventProbe> {
  const events: CloudEvent[] = [];
  const consumer = await startEventConsumer({
    transport,
    group,
    topics: ['catalog.product', 'catalog.category'],
    handler: async (event) => void events.push(event),
  });
  const waitFor = async <T>(find: () => T | undefined, what: string): Promise<T> => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const found = find();
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`no ${what} within 20 s; saw ${events.map((e) => `${e.type}/${e.subject}`).join(', ')}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return {
    next: (type, subject) => waitFor(() => events.find((e) => e.type === type && e.subject === subject), `${type} for ${subject}`),
    typesFor: (subject, count) =>
      waitFor(() => {
        const about = events.filter((e) => e.subject === subject);
        return about.length >= count ? about.slice(0, count).map((e) => e.type) : undefined;
      }, `${count} events for ${subject}`),
    all: () => [...events],
    stop: () => consumer.stop(),
  };
}

/** POSTs a product as a request that belongs to trace `traceId` (W3C traceparent header); returns its id. */
export async function createTracedProduct(harness: CatalogHarness, traceId: string, body: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${harness.url}/api/v1/products`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${harness.staffToken}`,
      traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
    },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { data: { id: string } }).data.id;
}
