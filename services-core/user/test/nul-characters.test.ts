// PostgreSQL cannot store a NUL character (\u0000): the shared gRPC validation refuses it as INVALID_ARGUMENT
// naming the field, never INTERNAL from the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aUser } from './builders.js';
import { grpcCode, rejectionOf, startHarness, unaryCall, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe('NUL characters in requests', () => {
  it('refuses CreateUser with a NUL in the name as INVALID_ARGUMENT naming name, and creates nobody', async () => {
    const request = aUser({ name: 'Grace\u0000Hopper' });
    const err = await rejectionOf(unaryCall(h.client.createUser.bind(h.client), request, { token: h.tokens.admin }));
    expect(grpcCode(err)).toBe('INVALID_ARGUMENT');
    expect(err.details).toEqual([expect.objectContaining({ field: 'name' })]);
    const { users } = await unaryCall(h.client.listUsers.bind(h.client), { page: 1, pageSize: 10, status: 0, query: request.email, role: '' }, { token: h.tokens.admin });
    expect(users).toEqual([]);
  });

  it('refuses ListUsers with a NUL in the query as INVALID_ARGUMENT naming query', async () => {
    const err = await rejectionOf(unaryCall(h.client.listUsers.bind(h.client), { page: 1, pageSize: 10, status: 0, query: 'a\u0000', role: '' }, { token: h.tokens.staff }));
    expect(grpcCode(err)).toBe('INVALID_ARGUMENT');
    expect(err.details).toEqual([expect.objectContaining({ field: 'query' })]);
  });
});
