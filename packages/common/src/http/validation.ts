// Request parsing with zod: the schema is the single source of request shapes; failures name the field.
import type { Request } from 'express';
import type { z } from 'zod';
import { fromZodError } from '../errors/zod.js';

function parse<S extends z.ZodType>(schema: S, value: unknown, prefix?: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw fromZodError(result.error, prefix);
  return result.data;
}

/** Body fields are named as they are sent (`sku`, `attributes.color`). Use `.strict()` schemas to refuse unknown fields. */
export function parseBody<S extends z.ZodType>(schema: S, req: Request): z.infer<S> {
  return parse(schema, req.body ?? {}, undefined);
}

export function parseQuery<S extends z.ZodType>(schema: S, req: Request): z.infer<S> {
  return parse(schema, req.query, undefined);
}

export function parseParams<S extends z.ZodType>(schema: S, req: Request): z.infer<S> {
  return parse(schema, req.params, undefined);
}
