// A request the wire can carry but this process cannot decode (an int64 beyond 2^53 - 1, which the generated
// code refuses with forceLong=number) is the caller's mistake, yet grpc-js answers INTERNAL for any decoding
// failure, and the gateway would turn that into a 500. The kit's server wraps every method's decoder so such a
// request reaches the handler chain as a marker, refused there as INVALID_ARGUMENT after authentication.
import type { ServiceDefinition } from '@grpc/grpc-js';
import { ValidationError } from '../errors/app-error.js';

export class UndecodableRequest {
  constructor(readonly reason: string) {}
}

export function withUndecodableRequestsMarked<D extends ServiceDefinition>(definition: D): D {
  const wrapped = Object.entries(definition).map(([name, method]) => [
    name,
    {
      ...method,
      requestDeserialize: (bytes: Buffer) => {
        try {
          return method.requestDeserialize(bytes);
        } catch (err) {
          return new UndecodableRequest(err instanceof Error ? err.message : String(err));
        }
      },
    },
  ]);
  return Object.fromEntries(wrapped) as D;
}

export function refuseUndecodable(request: unknown): void {
  if (request instanceof UndecodableRequest) {
    throw new ValidationError([{ field: 'request', message: `cannot be decoded: ${request.reason} (64-bit integers must lie within ±9007199254740991)` }]);
  }
}
