import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/index.js';
import { createEventTransport, eventsEnv } from '../../src/events/index.js';

describe('createEventTransport', () => {
  it('stops a distributed service that has no KAFKA_BROKERS, naming the variable', () => {
    const attempt = () => createEventTransport({ mode: 'distributed', env: eventsEnv.parse({}), clientId: 'catalog' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/^invalid configuration: KAFKA_BROKERS is required in distributed mode/);
  });

  it('uses the in-process transport in embedded mode', async () => {
    const transport = createEventTransport({ mode: 'embedded', env: eventsEnv.parse({}), clientId: 'catalog' });
    expect(transport.kind).toBe('in-process');
    await transport.close();
  });

  it('uses Kafka when brokers are given', async () => {
    const transport = createEventTransport({ mode: 'distributed', env: eventsEnv.parse({ KAFKA_BROKERS: 'kafka-0:9092, kafka-1:9092' }), clientId: 'catalog' });
    expect(transport.kind).toBe('kafka');
    await transport.close();
  });

  it('rejects a broker address without a port', () => {
    expect(() => createEventTransport({ mode: 'distributed', env: eventsEnv.parse({ KAFKA_BROKERS: 'kafka' }), clientId: 'c' }))
      .toThrow(/KAFKA_BROKERS is invalid: kafka is not host:port/);
  });
});
