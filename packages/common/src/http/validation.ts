// Request parsing with zod: the schema is the single source of request shapes; failures name the field, and
// a NUL character anywhere is refused (parseInput) whatever the schema says.
import type { Request } from 'express';
import type { z } from 'zod';
import { parseInput } from '../errors/parse-input.js';
import { requireJsonBody } from './request-body.js';

/**
 * Body fields are named as they are sent (`sku`, `attributes.color`). Use `.strict()` schemas to refuse unknown
 * fields. A request without a JSON body is refused (415 / 400) before the schema is asked.
 */
export function parseBody<S extends z.ZodType>(schema: S, req: Request): z.infer<S> {
  return parseInput(schema, requireJsonBody(req));
}

export function parseQuery<S extends z.ZodType>(schema: S, req: Request): z.infer<S> {
  return parseInput(schema, req.query);
}

export function parseParams<S extends z.ZodType>(schema: S, req: Request): z.infer<S> {
  return parseInput(schema, req.params);
}
