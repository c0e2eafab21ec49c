// Typed event definitions: a payload codec (ts-proto's toJSON/fromJSON) bound to an event type name.
import { createCloudEvent, InvalidEventError, topicOfType, type CloudEvent, type JsonValue } from './cloud-event.js';

/**
 * How a payload becomes proto-JSON and back. ts-proto's generated message objects
 * (`ProductCreated.toJSON` / `.fromJSON`) fit as they are; the transport never sees the type.
 */
export interface PayloadCodec<T> {
  toJSON(message: T): unknown;
  fromJSON(object: any): T;
}

export interface EventType<T> {
  readonly type: string;
  readonly topic: string;
  /** Envelope for `data` about aggregate `subject`, produced by `source`. */
  create(input: { source: string; subject: string; data: T; id?: string; time?: Date }): CloudEvent;
  /** The typed payload of an event of this type. */
  parse(event: CloudEvent): T;
}

export function defineEventType<T>(type: string, codec: PayloadCodec<T>): EventType<T> {
  const topic = topicOfType(type);
  return {
    type,
    topic,
    create: ({ data, ...rest }) => createCloudEvent({ ...rest, type, data: codec.toJSON(data) as JsonValue }),
    parse(event) {
      if (event.type !== type) throw new InvalidEventError(`expected event type ${type}, got ${event.type}`);
      return codec.fromJSON(event.data);
    },
  };
}
