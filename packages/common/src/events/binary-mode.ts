// CloudEvents Kafka protocol binding, binary content mode: attributes in `ce_*` headers, data as the value.
import { assertCloudEvent, InvalidEventError, type CloudEvent, type JsonValue } from './cloud-event.js';

/** A transport-neutral record: what goes on the wire for one event. */
export interface WireMessage {
  topic: string;
  key: string;
  headers: Record<string, string>;
  value: string;
}

const CORE = ['id', 'source', 'type', 'specversion', 'time', 'subject'] as const;

export function toWireMessage(topic: string, key: string, event: CloudEvent): WireMessage {
  const headers: Record<string, string> = { 'content-type': event.datacontenttype };
  for (const name of CORE) headers[`ce_${name}`] = event[name];
  // Plain W3C header names, so any Kafka tooling that follows trace context picks them up.
  if (event.traceparent) headers.traceparent = event.traceparent;
  if (event.tracestate) headers.tracestate = event.tracestate;
  for (const [name, value] of Object.entries(event.extensions ?? {})) headers[`ce_${name}`] = value;
  return { topic, key, headers, value: JSON.stringify(event.data) };
}

/** Throws InvalidEventError when the record is not a binary-mode CloudEvent (a poison message). */
export function fromWireMessage(headers: Record<string, string | undefined>, value: string | null): CloudEvent {
  const attribute = (name: string): string => {
    const found = headers[`ce_${name}`];
    if (found === undefined) throw new InvalidEventError(`header ce_${name} is missing`);
    return found;
  };
  if (value === null) throw new InvalidEventError('message has no value');
  let data: JsonValue;
  try {
    data = JSON.parse(value) as JsonValue;
  } catch {
    throw new InvalidEventError('message value is not JSON');
  }
  const event: CloudEvent = {
    specversion: attribute('specversion') as '1.0',
    id: attribute('id'),
    source: attribute('source'),
    type: attribute('type'),
    time: attribute('time'),
    subject: attribute('subject'),
    datacontenttype: 'application/json',
    data,
  };
  const traceparent = headers.traceparent ?? headers.ce_traceparent;
  if (traceparent) event.traceparent = traceparent;
  const tracestate = headers.tracestate ?? headers.ce_tracestate;
  if (tracestate) event.tracestate = tracestate;
  const extensions: Record<string, string> = {};
  for (const [name, v] of Object.entries(headers)) {
    const attr = name.startsWith('ce_') ? name.slice(3) : undefined;
    if (!attr || v === undefined || (CORE as readonly string[]).includes(attr)) continue;
    if (attr === 'traceparent' || attr === 'tracestate') continue;
    extensions[attr] = v;
  }
  if (Object.keys(extensions).length > 0) event.extensions = extensions;
  assertCloudEvent(event);
  return event;
}
