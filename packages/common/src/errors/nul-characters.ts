// PostgreSQL cannot store the NUL character (U+0000) in text or jsonb and fails the whole statement, so a NUL
// anywhere in a request (a value, an object key, a query parameter) is refused by the shared validation as a
// field violation before any query runs.
import type { FieldViolation } from './app-error.js';

export const NUL_MESSAGE = 'must not contain the NUL character (\\u0000)';
const KEY_MESSAGE = 'object keys must not contain the NUL character (\\u0000)';
/** A request full of NULs needs no more than a few named to be fixed. */
const MAX_VIOLATIONS = 20;

/** Where a value sits: its key and its parent's place, so the walk never copies paths it does not report. */
interface Place {
  key: string;
  parent: Place | undefined;
}

/** Every field of `value` (dotted paths, as zod names them) holding a NUL, in its value or in a key. */
export function nulCharacterViolations(value: unknown): FieldViolation[] {
  const violations: FieldViolation[] = [];
  // An explicit stack: a body nested thousands deep must not overflow the call stack.
  const pending: Array<{ value: unknown; place: Place | undefined }> = [{ value, place: undefined }];
  while (pending.length > 0 && violations.length < MAX_VIOLATIONS) {
    const { value: current, place } = pending.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) violations.push({ field: pathOf(place), message: NUL_MESSAGE });
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => pending.push({ value: item, place: { key: String(index), parent: place } }));
    } else if (isPlainObject(current)) {
      for (const [key, item] of Object.entries(current)) {
        if (key.includes('\u0000')) {
          violations.push({ field: pathOf({ key: key.replaceAll('\u0000', '\\u0000'), parent: place }), message: KEY_MESSAGE });
          continue;
        }
        pending.push({ value: item, place: { key, parent: place } });
      }
    }
  }
  return violations.sort((a, b) => a.field.localeCompare(b.field));
}

function pathOf(place: Place | undefined): string {
  const keys: string[] = [];
  for (let p = place; p; p = p.parent) keys.push(p.key);
  return keys.reverse().join('.');
}

/** JSON objects and decoded protobuf messages; class instances (Date, Buffer) hold no request text. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
