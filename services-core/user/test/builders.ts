// Test data builders: unique values per call so tests in one file never collide.
import { randomUUID } from 'node:crypto';
import type { CreateUserRequest } from '@ecommerce/proto/user/v1/user';

let sequence = 0;

export function aUser(overrides: Partial<CreateUserRequest> = {}): CreateUserRequest {
  sequence += 1;
  return { email: `staff${sequence}.${randomUUID().slice(0, 8)}@shop.test`, name: `Staff Member ${sequence}`, roles: [], ...overrides };
}

export function aRoleName(): string {
  sequence += 1;
  return `role_${sequence}_${randomUUID().slice(0, 6)}`;
}
