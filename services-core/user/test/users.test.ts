import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserStatus } from '@ecommerce/proto/user/v1/user';
import { aUser } from './builders.js';
import { grpcCode, rejectionOf, startHarness, unaryCall, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const as = (token: string) => ({ token });

describe('CreateUser', () => {
  it('creates an active user with the requested roles', async () => {
    const { user } = await unaryCall(h.client.createUser.bind(h.client), aUser({ roles: ['staff'] }), as(h.tokens.admin));
    expect(user?.status).toBe(UserStatus.USER_STATUS_ACTIVE);
    expect(user?.roles).toEqual(['staff']);
    expect(user?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(user?.createTime).toBeInstanceOf(Date);
  });

  it('rejects a malformed email as INVALID_ARGUMENT naming the field', async () => {
    const err = await rejectionOf(unaryCall(h.client.createUser.bind(h.client), aUser({ email: 'not-an-email' }), as(h.tokens.admin)));
    expect(grpcCode(err)).toBe('INVALID_ARGUMENT');
    expect(err.details).toEqual([{ field: 'email', message: 'must be an email address' }]);
  });

  it('names the unknown role by its position', async () => {
    const err = await rejectionOf(unaryCall(h.client.createUser.bind(h.client), aUser({ roles: ['staff', 'wizard'] }), as(h.tokens.admin)));
    expect(grpcCode(err)).toBe('INVALID_ARGUMENT');
    expect(err.details).toEqual([{ field: 'roles[1]', message: 'unknown role wizard' }]);
  });

  it('refuses a second live user with the same email, whatever its case', async () => {
    const first = aUser();
    await unaryCall(h.client.createUser.bind(h.client), first, as(h.tokens.admin));
    const err = await rejectionOf(unaryCall(h.client.createUser.bind(h.client), aUser({ email: first.email.toUpperCase() }), as(h.tokens.admin)));
    expect(grpcCode(err)).toBe('ALREADY_EXISTS');
    expect(err.details[0]?.field).toBe('email');
  });

  it('is refused to staff without the admin role', async () => {
    const err = await rejectionOf(unaryCall(h.client.createUser.bind(h.client), aUser(), as(h.tokens.staff)));
    expect(grpcCode(err)).toBe('PERMISSION_DENIED');
  });

  it('is refused without a token', async () => {
    const err = await rejectionOf(unaryCall(h.client.createUser.bind(h.client), aUser()));
    expect(grpcCode(err)).toBe('UNAUTHENTICATED');
  });

  it('is refused with a token signed by someone else', async () => {
    const { createTestJwtIssuer } = await import('@ecommerce/common/testing');
    const forged = await (await createTestJwtIssuer()).sign({ sub: 'x', roles: ['admin'] });
    const err = await rejectionOf(unaryCall(h.client.createUser.bind(h.client), aUser(), as(forged)));
    expect(grpcCode(err)).toBe('UNAUTHENTICATED');
  });
});

describe('GetUser', () => {
  it('returns the user to staff', async () => {
    const { user } = await unaryCall(h.client.createUser.bind(h.client), aUser(), as(h.tokens.admin));
    const got = await unaryCall(h.client.getUser.bind(h.client), { id: user!.id }, as(h.tokens.staff));
    expect(got.user).toEqual(user);
  });

  it('answers NOT_FOUND for an unknown id', async () => {
    const err = await rejectionOf(unaryCall(h.client.getUser.bind(h.client), { id: '00000000-0000-4000-8000-000000000000' }, as(h.tokens.staff)));
    expect(grpcCode(err)).toBe('NOT_FOUND');
  });

  it('answers INVALID_ARGUMENT naming id for an id that is not a UUID', async () => {
    const err = await rejectionOf(unaryCall(h.client.getUser.bind(h.client), { id: '42' }, as(h.tokens.staff)));
    expect(grpcCode(err)).toBe('INVALID_ARGUMENT');
    expect(err.details).toEqual([{ field: 'id', message: 'must be a UUID' }]);
  });

  it('is refused to a customer token', async () => {
    const err = await rejectionOf(unaryCall(h.client.getUser.bind(h.client), { id: '00000000-0000-4000-8000-000000000000' }, as(h.tokens.customer)));
    expect(grpcCode(err)).toBe('PERMISSION_DENIED');
  });
});

describe('UpdateUser', () => {
  it('changes only the fields that are set', async () => {
    const { user } = await unaryCall(h.client.createUser.bind(h.client), aUser(), as(h.tokens.admin));
    const { user: updated } = await unaryCall(
      h.client.updateUser.bind(h.client),
      { id: user!.id, status: UserStatus.USER_STATUS_SUSPENDED },
      as(h.tokens.admin),
    );
    expect(updated?.status).toBe(UserStatus.USER_STATUS_SUSPENDED);
    expect(updated?.name).toBe(user?.name);
    expect(updated?.email).toBe(user?.email);
  });

  it('rejects an unspecified status naming the field', async () => {
    const { user } = await unaryCall(h.client.createUser.bind(h.client), aUser(), as(h.tokens.admin));
    const err = await rejectionOf(
      unaryCall(h.client.updateUser.bind(h.client), { id: user!.id, status: UserStatus.USER_STATUS_UNSPECIFIED }, as(h.tokens.admin)),
    );
    expect(grpcCode(err)).toBe('INVALID_ARGUMENT');
    expect(err.details[0]?.field).toBe('status');
  });

  it('refuses an email another user holds', async () => {
    const a = await unaryCall(h.client.createUser.bind(h.client), aUser(), as(h.tokens.admin));
    const b = await unaryCall(h.client.createUser.bind(h.client), aUser(), as(h.tokens.admin));
    const err = await rejectionOf(unaryCall(h.client.updateUser.bind(h.client), { id: b.user!.id, email: a.user!.email }, as(h.tokens.admin)));
    expect(grpcCode(err)).toBe('ALREADY_EXISTS');
  });

  it('answers NOT_FOUND for an unknown user', async () => {
    const err = await rejectionOf(
      unaryCall(h.client.updateUser.bind(h.client), { id: '00000000-0000-4000-8000-000000000000', name: 'X' }, as(h.tokens.admin)),
    );
    expect(grpcCode(err)).toBe('NOT_FOUND');
  });
});

describe('DeleteUser', () => {
  it('hides the user from reads and frees its email', async () => {
    const request = aUser();
    const { user } = await unaryCall(h.client.createUser.bind(h.client), request, as(h.tokens.admin));
    await unaryCall(h.client.deleteUser.bind(h.client), { id: user!.id }, as(h.tokens.admin));
    const err = await rejectionOf(unaryCall(h.client.getUser.bind(h.client), { id: user!.id }, as(h.tokens.admin)));
    expect(grpcCode(err)).toBe('NOT_FOUND');
    const again = await unaryCall(h.client.createUser.bind(h.client), request, as(h.tokens.admin));
    expect(again.user?.id).not.toBe(user?.id);
  });

  it('answers NOT_FOUND when deleting twice', async () => {
    const { user } = await unaryCall(h.client.createUser.bind(h.client), aUser(), as(h.tokens.admin));
    await unaryCall(h.client.deleteUser.bind(h.client), { id: user!.id }, as(h.tokens.admin));
    const err = await rejectionOf(unaryCall(h.client.deleteUser.bind(h.client), { id: user!.id }, as(h.tokens.admin)));
    expect(grpcCode(err)).toBe('NOT_FOUND');
  });
});

describe('ListUsers', () => {
  it('filters by query, status and role, and pages with a total', async () => {
    const tag = `list${Date.now()}`;
    const made = [];
    for (let i = 0; i < 3; i += 1) {
      made.push((await unaryCall(h.client.createUser.bind(h.client), aUser({ name: `${tag} ${i}`, roles: i === 0 ? ['admin'] : [] }), as(h.tokens.admin))).user!);
    }
    await unaryCall(h.client.updateUser.bind(h.client), { id: made[2]!.id, status: UserStatus.USER_STATUS_SUSPENDED }, as(h.tokens.admin));
    const list = (req: object) => unaryCall(h.client.listUsers.bind(h.client), { page: 0, pageSize: 0, status: 0, query: tag, role: '', ...req }, as(h.tokens.staff));

    const firstPage = await list({ pageSize: 2 });
    expect(firstPage.total).toBe(3);
    expect(firstPage.users.map((u) => u.id)).toEqual([made[0]!.id, made[1]!.id]);
    const secondPage = await list({ pageSize: 2, page: 2 });
    expect(secondPage.users.map((u) => u.id)).toEqual([made[2]!.id]);
    expect((await list({ status: UserStatus.USER_STATUS_SUSPENDED })).users.map((u) => u.id)).toEqual([made[2]!.id]);
    expect((await list({ role: 'admin' })).users.map((u) => u.id)).toEqual([made[0]!.id]);
  });

  it('treats LIKE wildcards in the query as plain characters', async () => {
    const result = await unaryCall(h.client.listUsers.bind(h.client), { page: 1, pageSize: 10, status: 0, query: '%', role: '' }, as(h.tokens.staff));
    expect(result.total).toBe(0);
  });

  it('rejects a page size above 100 naming page_size', async () => {
    const err = await rejectionOf(
      unaryCall(h.client.listUsers.bind(h.client), { page: 1, pageSize: 101, status: 0, query: '', role: '' }, as(h.tokens.staff)),
    );
    expect(grpcCode(err)).toBe('INVALID_ARGUMENT');
    expect(err.details).toEqual([{ field: 'page_size', message: 'must be at most 100' }]);
  });
});
