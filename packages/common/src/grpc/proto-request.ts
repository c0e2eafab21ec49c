// Request validation for gRPC handlers with violations named as in the .proto (`page_size`, `roles[1]`):
// that is the name grpcurl users type and the gateway's REST bodies use, while ts-proto objects are camelCase.
import type { z } from 'zod';
import { ValidationError } from '../errors/app-error.js';
import { parseRequest } from './validation.js';

export function parseProtoRequest<S extends z.ZodType>(schema: S, request: unknown): z.infer<S> {
  try {
    return parseRequest(schema, request);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    throw new ValidationError(err.details.map((d) => ({ ...d, field: d.field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) })));
  }
}
