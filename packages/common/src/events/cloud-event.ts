// The CloudEvents 1.0 envelope every integration event travels in (DESIGN.md section 6).
import { randomUUID } from 'node:crypto';
import { currentTraceparent } from './trace-context.js';

/** JSON value as carried in `data`: proto-JSON of the payload message. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface CloudEvent {
  specversion: '1.0';
  /** Unique per event; consumers' inboxes deduplicate on it. */
  id: string;
  /** URI-reference of the producing service, e.g. `/ecommerce/catalog`. */
  source: string;
  /** `<topic>.<past-tense>`, e.g. `catalog.product.created`. */
  type: string;
  /** RFC 3339 UTC timestamp of the change. */
  time: string;
  /** The aggregate id; also the Kafka key, so events of one entity stay in order. */
  subject: string;
  datacontenttype: 'application/json';
  data: JsonValue;
  /** W3C trace context of the request that caused the event (CloudEvents distributed tracing extension). */
  traceparent?: string;
  tracestate?: string;
  /** Further extension attributes (lower-case alphanumeric names), e.g. the DLQ's `dlqerror`. */
  extensions?: Record<string, string>;
}

export interface NewCloudEvent {
  source: string;
  type: string;
  subject: string;
  data: JsonValue;
  id?: string;
  time?: Date;
}

const TYPE_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*){2,}$/;
const EXTENSION_NAME = /^[a-z0-9]{1,20}$/;

/** Builds an envelope, stamping id, time and the active trace context. */
export function createCloudEvent(input: NewCloudEvent): CloudEvent {
  const event: CloudEvent = {
    specversion: '1.0',
    id: input.id ?? randomUUID(),
    source: input.source,
    type: input.type,
    time: (input.time ?? new Date()).toISOString(),
    subject: input.subject,
    datacontenttype: 'application/json',
    data: input.data,
  };
  const trace = currentTraceparent();
  if (trace) {
    event.traceparent = trace.traceparent;
    if (trace.tracestate) event.tracestate = trace.tracestate;
  }
  assertCloudEvent(event);
  return event;
}

export class InvalidEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidEventError';
  }
}

/** Throws InvalidEventError naming the first attribute that breaks the envelope rules. */
export function assertCloudEvent(event: CloudEvent): void {
  const required = ['id', 'source', 'type', 'time', 'subject'] as const;
  for (const name of required) {
    if (typeof event[name] !== 'string' || event[name].length === 0) {
      throw new InvalidEventError(`cloud event attribute ${name} is required`);
    }
  }
  if (event.specversion !== '1.0') throw new InvalidEventError(`unsupported specversion ${String(event.specversion)}`);
  if (!TYPE_PATTERN.test(event.type)) {
    throw new InvalidEventError(`event type ${event.type} must look like <service>.<aggregate>.<past-tense>`);
  }
  if (Number.isNaN(Date.parse(event.time))) throw new InvalidEventError(`event time ${event.time} is not a timestamp`);
  for (const name of Object.keys(event.extensions ?? {})) {
    if (!EXTENSION_NAME.test(name)) throw new InvalidEventError(`extension attribute name ${name} is not allowed`);
  }
}

/** `catalog.product.created` -> `catalog.product`: one topic per aggregate. */
export function topicOfType(type: string): string {
  const cut = type.lastIndexOf('.');
  if (cut <= 0) throw new InvalidEventError(`event type ${type} has no topic part`);
  return type.slice(0, cut);
}

export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}
