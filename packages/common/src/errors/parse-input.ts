// The one parse step of every transport's request validation (http/validation, grpc/validation): the zod
// schema's verdict plus the checks every input needs whatever its schema says (no NUL characters).
import type { z } from 'zod';
import { ValidationError } from './app-error.js';
import { nulCharacterViolations } from './nul-characters.js';
import { fromZodError } from './zod.js';

/** `value` parsed by `schema`; any problem throws one ValidationError naming each offending field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, prefix?: string): z.infer<S> {
  const nul = nulCharacterViolations(value).map((v) => (prefix ? { ...v, field: v.field ? `${prefix}.${v.field}` : prefix } : v));
  const result = schema.safeParse(value);
  if (result.success && nul.length === 0) return result.data;
  const schemaViolations = result.success ? [] : fromZodError(result.error, prefix).details;
  // A field with a NUL is named once, for the NUL: whatever else the schema says of it follows from that.
  const named = new Set(nul.map((v) => v.field));
  throw new ValidationError([...nul, ...schemaViolations.filter((v) => !named.has(v.field))]);
}
