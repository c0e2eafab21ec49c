// What makes two requests "the same" for an idempotency key: a hash over their parts, with JSON bodies in a
// canonical form so key order and whitespace do not count.
import { createHash } from 'node:crypto';
import { ValidationError } from '../errors/app-error.js';

/** JSON with object keys sorted at every depth; undefined members dropped as JSON.stringify drops them. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v) || Buffer.isBuffer(v)) return v;
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]));
  });
}

/** sha256 (hex) over the parts, each length-prefixed so that no two part lists collide. */
export function requestFingerprint(parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${Buffer.byteLength(part)}:${part};`);
  return hash.digest('hex');
}

/** Printable ASCII, 1 to 255 characters: a UUID or any client-made token fits, a stray header value does not. */
const KEY = /^[\x21-\x7e]{1,255}$/;

export function assertIdempotencyKey(value: string, field: string): string {
  if (!KEY.test(value)) throw new ValidationError([{ field, message: 'must be 1 to 255 printable ASCII characters (a UUID is a good key)' }]);
  return value;
}
