// The user service's RPCs reached over REST, routed from the google.api.http annotations in its proto.
import { describe, expect, it } from 'vitest';
import { uniqueTag, useStack } from './harness.js';

const stack = useStack();

async function createUser(overrides: Record<string, unknown> = {}) {
  const tag = uniqueTag();
  const res = await stack.call('POST', '/api/v1/users', { token: stack.tokens.admin, body: { email: `u-${tag}@example.com`, name: `User ${tag}`, ...overrides } });
  expect(res.status).toBe(200);
  return res.body.data.user as { id: string; email: string; name: string; status: string; roles: string[]; createTime: string };
}

describe('user RPCs over REST', () => {
  it('creates a user from the body and answers the response message as proto-JSON in the envelope', async () => {
    const user = await createUser({ roles: [] });
    expect(user).toMatchObject({ status: 'USER_STATUS_ACTIVE', roles: [] });
    expect(user.createTime).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('binds a path variable to the request field it names', async () => {
    const user = await createUser();
    const res = await stack.call('GET', `/api/v1/users/${user.id}`, { token: stack.tokens.staff });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, data: { user } });
  });

  it('maps query parameters, snake_case or lowerCamel, to request fields, enums by name', async () => {
    const tag = uniqueTag();
    const suspended = await createUser({ name: `Query ${tag} suspended` });
    await createUser({ name: `Query ${tag} active` });
    const patch = await stack.call('PATCH', `/api/v1/users/${suspended.id}`, { token: stack.tokens.admin, body: { status: 'USER_STATUS_SUSPENDED' } });
    expect(patch.body.data.user.status).toBe('USER_STATUS_SUSPENDED');

    const res = await stack.call('GET', `/api/v1/users?query=${tag}&status=USER_STATUS_SUSPENDED&page_size=10`, { token: stack.tokens.staff });
    expect(res.status).toBe(200);
    expect(res.body.data.users.map((u: { id: string }) => u.id)).toEqual([suspended.id]);
    expect(res.body.data).toMatchObject({ pageSize: 10, total: 1 });
    const camel = await stack.call('GET', `/api/v1/users?query=${tag}&pageSize=1`, { token: stack.tokens.staff });
    expect(camel.body.data.users).toHaveLength(1);
    expect(camel.body.data.total).toBe(2);
  });

  it('binds two path variables and emits false booleans instead of dropping them', async () => {
    const user = await createUser();
    const res = await stack.call('GET', `/api/v1/users/${user.id}/permissions/users.write`, { token: stack.tokens.staff });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ allowed: false });
  });

  it('answers 400 naming the field for a query parameter the request does not have, without calling upstream', async () => {
    const res = await stack.call('GET', '/api/v1/users?colour=red', { token: stack.tokens.staff });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ field: 'colour', message: 'is not a field of this request' }]);
  });

  it('answers 400 naming the field for a value of the wrong type', async () => {
    const res = await stack.call('GET', '/api/v1/users?page_size=many', { token: stack.tokens.staff });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('page_size');
  });

  it('maps INVALID_ARGUMENT to 400 with the field violations of the upstream', async () => {
    const res = await stack.call('POST', '/api/v1/users', { token: stack.tokens.admin, body: { email: 'not-an-email', name: 'X' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_ARGUMENT');
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain('email');
  });

  it('maps UNAUTHENTICATED to 401 when no token is presented', async () => {
    const res = await stack.call('GET', '/api/v1/roles');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('maps PERMISSION_DENIED to 403 when staff tries an admin-only RPC', async () => {
    const res = await stack.call('POST', '/api/v1/users', { token: stack.tokens.staff, body: { email: `s-${uniqueTag()}@example.com`, name: 'S' } });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('PERMISSION_DENIED');
  });

  it('maps NOT_FOUND to 404', async () => {
    const res = await stack.call('GET', '/api/v1/users/00000000-0000-4000-8000-000000000000', { token: stack.tokens.staff });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });

  it('maps ALREADY_EXISTS to 409', async () => {
    const user = await createUser();
    const res = await stack.call('POST', '/api/v1/users', { token: stack.tokens.admin, body: { email: user.email, name: 'Again' } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('ALREADY_EXISTS');
  });

  it('deletes through the DELETE binding and the user is gone afterwards', async () => {
    const user = await createUser();
    const res = await stack.call('DELETE', `/api/v1/users/${user.id}`, { token: stack.tokens.admin });
    expect(res.status).toBe(200);
    expect((await stack.call('GET', `/api/v1/users/${user.id}`, { token: stack.tokens.staff })).status).toBe(404);
  });

  it('answers 400 for malformed JSON in the body', async () => {
    const response = await fetch(`${stack.gateway.urls.http}/api/v1/roles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.tokens.admin}` },
      body: '{"name":',
    });
    expect(response.status).toBe(400);
  });
});
