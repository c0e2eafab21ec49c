// Types over the event catalog generated from proto/events/v1 (@ecommerce/proto/event-catalog): an event type
// is named by its catalog key, and its payload type follows from the key, so an unknown or misspelt type, or
// a payload of the wrong shape, fails to compile.
import { createCloudEvent, InvalidEventError, topicOfType, type CloudEvent, type JsonValue } from './cloud-event.js';
import type { PayloadCodec } from './event-type.js';

/** One catalog entry: the CloudEvents type, its topic and its payload message. */
export interface EventSpec<T = any> {
  readonly type: string;
  readonly topic: string;
  readonly message: PayloadCodec<T>;
}

export type EventCatalogShape = Record<string, EventSpec>;

export type PayloadOf<S> = S extends EventSpec<infer T> ? T : never;

/** The typed payload of `event`, checked against its catalog entry. */
export function parsePayload<S extends EventSpec>(spec: S, event: CloudEvent): PayloadOf<S> {
  if (event.type !== spec.type) throw new InvalidEventError(`expected event type ${spec.type}, got ${event.type}`);
  return spec.message.fromJSON(event.data) as PayloadOf<S>;
}

export interface NewEvent<T> {
  subject: string;
  data: T;
  id?: string;
  time?: Date;
}

/** The CloudEvents envelope of a catalog event produced by `source` (e.g. `/ecommerce/catalog`). */
export function envelopeOf<S extends EventSpec>(spec: S, source: string, input: NewEvent<PayloadOf<S>>): CloudEvent {
  if (topicOfType(spec.type) !== spec.topic) throw new Error(`catalog entry ${spec.type} has topic ${spec.topic}`);
  const { data, ...rest } = input;
  return createCloudEvent({ ...rest, source, type: spec.type, data: spec.message.toJSON(data) as JsonValue });
}
