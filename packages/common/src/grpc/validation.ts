// Request validation of gRPC handlers: the same parse step as HTTP routes (zod schema, no NUL characters).
import type { z } from 'zod';
import { parseInput } from '../errors/parse-input.js';

/** Parses a decoded request; a mismatch throws ValidationError (INVALID_ARGUMENT) naming each field. */
export function parseRequest<S extends z.ZodType>(schema: S, request: unknown): z.infer<S> {
  return parseInput(schema, request);
}
