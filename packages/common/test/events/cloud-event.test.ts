import { context, propagation, trace, TraceFlags } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertCloudEvent,
  createCloudEvent,
  fromWireMessage,
  topicOfType,
  toWireMessage,
  type CloudEvent,
} from '../../src/events/index.js';

const base = { source: '/ecommerce/catalog', type: 'catalog.product.created', subject: 'p1', data: { a: 1 } };

describe('CloudEvents envelope', () => {
  beforeAll(() => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  });
  afterAll(() => {
    propagation.disable();
    context.disable();
  });

  it('stamps id, time, specversion and the active trace context', () => {
    const span = { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceFlags: TraceFlags.SAMPLED };
    const event = context.with(trace.setSpanContext(context.active(), span), () => createCloudEvent(base));
    expect(event).toMatchObject({ specversion: '1.0', datacontenttype: 'application/json', ...base });
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Date(event.time).toISOString()).toBe(event.time);
    expect(event.traceparent).toBe('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
  });

  it('leaves traceparent out when no trace is active', () => {
    expect(createCloudEvent(base).traceparent).toBeUndefined();
  });

  it('rejects a type that is not <service>.<aggregate>.<past-tense>', () => {
    expect(() => createCloudEvent({ ...base, type: 'ProductCreated' })).toThrow(/event type ProductCreated must look like/);
  });

  it('rejects an event without a subject, since the subject is the ordering key', () => {
    expect(() => createCloudEvent({ ...base, subject: '' })).toThrow(/subject is required/);
  });

  it('derives the topic from the type', () => {
    expect(topicOfType('order.order.placed')).toBe('order.order');
  });

  it('keeps extension attributes through the Kafka binding', () => {
    const event: CloudEvent = { ...createCloudEvent(base), extensions: { dlqerror: 'boom' } };
    const wire = toWireMessage('catalog.product', 'p1', event);
    expect(wire.headers.ce_dlqerror).toBe('boom');
    expect(fromWireMessage(wire.headers, wire.value)).toEqual(event);
  });

  it('names the missing header of a message that is not a CloudEvent', () => {
    expect(() => fromWireMessage({ ce_id: 'x' }, '{}')).toThrow(/header ce_specversion is missing/);
    const wire = toWireMessage('catalog.product', 'p1', createCloudEvent(base));
    expect(() => fromWireMessage(wire.headers, null)).toThrow(/no value/);
  });

  it('refuses extension names the specification does not allow', () => {
    expect(() => assertCloudEvent({ ...createCloudEvent(base), extensions: { 'Bad-Name': 'x' } })).toThrow(/extension attribute name/);
  });
});
