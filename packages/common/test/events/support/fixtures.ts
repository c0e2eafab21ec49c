// Builders for test events and a recorder that waits for deliveries without sleeping blindly.
import { randomBytes } from 'node:crypto';
import { createCloudEvent, type CloudEvent } from '../../../src/events/index.js';

/** A topic no other test uses: `t<hex>.item`, events `t<hex>.item.<verb>`. */
export function uniqueTopic(): string {
  return `t${randomBytes(4).toString('hex')}.item`;
}

export function itemEvent(topic: string, subject: string, seq: number, verb = 'changed'): CloudEvent {
  return createCloudEvent({ source: '/ecommerce/test', type: `${topic}.${verb}`, subject, data: { seq, subject } });
}

/** Collects what a handler saw; `waitFor` polls a condition with a bounded deadline. */
export class Recorder {
  readonly events: CloudEvent[] = [];

  record(event: CloudEvent): void {
    this.events.push(event);
  }

  bySubject(subject: string): number[] {
    return this.events.filter((e) => e.subject === subject).map((e) => (e.data as { seq: number }).seq);
  }

  distinctIds(): Set<string> {
    return new Set(this.events.map((e) => e.id));
  }
}

export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A promise the test settles by hand: a handler blocked mid-work. */
export function gate(): { promise: Promise<void>; open(): void; fail(err: Error): void } {
  let open!: () => void;
  let fail!: (err: Error) => void;
  const promise = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  promise.catch(() => {});
  return { promise, open, fail };
}
