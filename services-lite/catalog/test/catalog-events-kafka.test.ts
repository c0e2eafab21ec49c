// Acceptance (issue 4): a product created through the catalog API reaches a Kafka consumer as a CloudEvent
// whose traceparent belongs to the HTTP request's trace. Runs when KAFKA_BROKERS is set.
import { createKafkaTransport, parseBrokers, parsePayload } from '@ecommerce/common/events';
import { eventCatalog } from '@ecommerce/proto/event-catalog';
import { describe, expect, it } from 'vitest';
import { startCatalogHarness } from './catalog-harness.js';
import { catalogEventProbe, createTracedProduct } from './event-probe.js';

const brokers = parseBrokers(process.env.KAFKA_BROKERS);

describe('catalog events over Kafka', () => {
  if (brokers.length === 0) {
    it.skip('were not run: KAFKA_BROKERS is not set (start a broker with scripts/kafka/start.sh)', () => {});
    return;
  }

  it('delivers a product created through the API as a CloudEvent in the request\'s trace', { timeout: 60_000 }, async () => {
    const transport = createKafkaTransport({ brokers, clientId: 'catalog-test' });
    const harness = await startCatalogHarness({ transport });
    const probeTransport = createKafkaTransport({ brokers, clientId: 'catalog-test-probe' });
    const probe = await catalogEventProbe(probeTransport, `probe-${Date.now()}`);
    try {
      const traceId = '7d3c9a0b1e2f4a5b8c6d7e8f9a0b1c2d';
      const id = await createTracedProduct(harness, traceId, { sku: `KAFKA-${Date.now()}`, slug: `kafka-${Date.now()}`, name: 'Over Kafka' });
      const event = await probe.next('catalog.product.created', id);
      expect(event.traceparent?.split('-')[1]).toBe(traceId);
      expect(parsePayload(eventCatalog['catalog.product.created'], event).product?.id).toBe(id);
    } finally {
      await probe.stop();
      await probeTransport.close();
      await harness.stop();
      await transport.close();
    }
  });
});
