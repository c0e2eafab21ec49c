// A request the wire can carry but a JS number cannot hold (an int64 beyond 2^53 - 1, which ts-proto refuses while
// decoding) must be bad input, not INTERNAL: grpc-js answers INTERNAL for any decoding failure, and the gateway
// would turn that into a 500. The definition's decoders are wrapped to hand such a request to the handler as a
// marker, and parseRequest turns the marker into INVALID_ARGUMENT.
import { ValidationError } from '@ecommerce/common/errors';
import { parseProtoRequest } from '@ecommerce/common/grpc';
import type { z } from 'zod';

const UNDECODABLE = Symbol('pricing.undecodableRequest');

interface Decodable {
  requestDeserialize: (bytes: Buffer) => unknown;
}

export function decodingFailuresAsBadInput<D extends { [method: string]: Decodable }>(definition: D): D {
  const wrapped = Object.entries(definition).map(([name, method]) => [
    name,
    {
      ...method,
      requestDeserialize: (bytes: Buffer) => {
        try {
          return method.requestDeserialize(bytes);
        } catch (err) {
          return { [UNDECODABLE]: err instanceof Error ? err.message : String(err) };
        }
      },
    },
  ]);
  return Object.fromEntries(wrapped) as D;
}

/** parseProtoRequest, after refusing a request that could not be decoded. */
export function parseRequest<S extends z.ZodType>(schema: S, request: unknown): z.infer<S> {
  if (typeof request === 'object' && request !== null && UNDECODABLE in request) {
    // The only 64-bit integers this API takes are tier amounts.
    throw new ValidationError([{ field: 'tiers', message: `an amount_minor is out of range (${String((request as Record<symbol, unknown>)[UNDECODABLE])})` }]);
  }
  return parseProtoRequest(schema, request);
}
