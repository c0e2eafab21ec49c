// What "the same request" means for a client's idempotency key, and the answer when a key is reused for another.
import { FailedPreconditionError } from '@ecommerce/common/errors';
import { requestFingerprint } from '@ecommerce/common/idempotency';

export function operationFingerprint(parts: (string | number)[]): string {
  return requestFingerprint(parts.map(String));
}

export function keyReusedError(key: string): FailedPreconditionError {
  return new FailedPreconditionError(`idempotency key ${JSON.stringify(key)} was already used for a different request; send a new key with a new request`, [
    { field: 'idempotency_key', message: 'was already used for a different request' },
  ]);
}
