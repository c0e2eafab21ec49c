import type { z } from 'zod';
import { fromZodError } from '../errors/zod.js';

/** Parses a decoded request; a mismatch throws ValidationError (INVALID_ARGUMENT) naming each field. */
export function parseRequest<S extends z.ZodType>(schema: S, request: unknown): z.infer<S> {
  const result = schema.safeParse(request);
  if (!result.success) throw fromZodError(result.error);
  return result.data;
}
