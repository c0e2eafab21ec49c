import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserStatus } from '@ecommerce/proto/user/v1/user';
import { aRoleName, aUser } from './builders.js';
import { grpcCode, rejectionOf, startHarness, unaryCall, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const admin = () => ({ token: h.tokens.admin });
const createUser = async (roles: string[] = []) =>
  (await unaryCall(h.client.createUser.bind(h.client), aUser({ roles }), admin())).user!;
const check = (userId: string, permission: string) =>
  unaryCall(h.client.checkPermission.bind(h.client), { userId, permission }, { token: h.tokens.staff });

describe('roles and permissions', () => {
  it('lists the permission catalogue and the built-in roles', async () => {
    const { permissions } = await unaryCall(h.client.listPermissions.bind(h.client), {}, { token: h.tokens.staff });
    expect(permissions.map((p) => p.name)).toContain('users.write');
    const { roles } = await unaryCall(h.client.listRoles.bind(h.client), {}, { token: h.tokens.staff });
    const adminRole = roles.find((r) => r.name === 'admin');
    expect(adminRole?.permissions).toEqual(permissions.map((p) => p.name));
    expect(roles.find((r) => r.name === 'staff')?.permissions.every((p) => p.endsWith('.read'))).toBe(true);
  });

  it('creates a role with known permissions', async () => {
    const name = aRoleName();
    const { role } = await unaryCall(
      h.client.createRole.bind(h.client),
      { name, description: 'edits the catalogue', permissions: ['catalog.write', 'catalog.read'] },
      admin(),
    );
    expect(role).toMatchObject({ name, permissions: ['catalog.read', 'catalog.write'] });
  });

  it('rejects an unknown permission naming its position', async () => {
    const err = await rejectionOf(
      unaryCall(h.client.createRole.bind(h.client), { name: aRoleName(), description: '', permissions: ['catalog.read', 'rockets.launch'] }, admin()),
    );
    expect(grpcCode(err)).toBe('INVALID_ARGUMENT');
    expect(err.details).toEqual([{ field: 'permissions[1]', message: 'unknown permission rockets.launch' }]);
  });

  it('rejects a role name with capitals naming the field', async () => {
    const err = await rejectionOf(unaryCall(h.client.createRole.bind(h.client), { name: 'Editor', description: '', permissions: [] }, admin()));
    expect(grpcCode(err)).toBe('INVALID_ARGUMENT');
    expect(err.details[0]?.field).toBe('name');
  });

  it('refuses a second role with the same name', async () => {
    const name = aRoleName();
    await unaryCall(h.client.createRole.bind(h.client), { name, description: '', permissions: [] }, admin());
    const err = await rejectionOf(unaryCall(h.client.createRole.bind(h.client), { name, description: '', permissions: [] }, admin()));
    expect(grpcCode(err)).toBe('ALREADY_EXISTS');
  });

  it('lets only admins create roles', async () => {
    const err = await rejectionOf(
      unaryCall(h.client.createRole.bind(h.client), { name: aRoleName(), description: '', permissions: [] }, { token: h.tokens.staff }),
    );
    expect(grpcCode(err)).toBe('PERMISSION_DENIED');
  });
});

describe('AssignRole and RevokeRole', () => {
  it('grants and takes back the permissions of a role', async () => {
    const user = await createUser();
    expect((await check(user.id, 'orders.write')).allowed).toBe(false);

    const assigned = await unaryCall(h.client.assignRole.bind(h.client), { userId: user.id, role: 'admin' }, admin());
    expect(assigned.user?.roles).toEqual(['admin']);
    expect((await check(user.id, 'orders.write')).allowed).toBe(true);

    const revoked = await unaryCall(h.client.revokeRole.bind(h.client), { userId: user.id, role: 'admin' }, admin());
    expect(revoked.user?.roles).toEqual([]);
    expect((await check(user.id, 'orders.write')).allowed).toBe(false);
  });

  it('is idempotent', async () => {
    const user = await createUser(['staff']);
    const again = await unaryCall(h.client.assignRole.bind(h.client), { userId: user.id, role: 'staff' }, admin());
    expect(again.user?.roles).toEqual(['staff']);
    const revokeUnheld = await unaryCall(h.client.revokeRole.bind(h.client), { userId: user.id, role: 'admin' }, admin());
    expect(revokeUnheld.user?.roles).toEqual(['staff']);
  });

  it('answers NOT_FOUND for an unknown role or user', async () => {
    const user = await createUser();
    const noRole = await rejectionOf(unaryCall(h.client.assignRole.bind(h.client), { userId: user.id, role: 'wizard' }, admin()));
    expect(grpcCode(noRole)).toBe('NOT_FOUND');
    const noUser = await rejectionOf(
      unaryCall(h.client.revokeRole.bind(h.client), { userId: '00000000-0000-4000-8000-000000000000', role: 'staff' }, admin()),
    );
    expect(grpcCode(noUser)).toBe('NOT_FOUND');
  });

  it('rejects a malformed user id naming user_id', async () => {
    const err = await rejectionOf(unaryCall(h.client.assignRole.bind(h.client), { userId: 'abc', role: 'staff' }, admin()));
    expect(grpcCode(err)).toBe('INVALID_ARGUMENT');
    expect(err.details).toEqual([{ field: 'user_id', message: 'must be a UUID' }]);
  });

  it('lets only admins assign roles', async () => {
    const user = await createUser();
    const err = await rejectionOf(unaryCall(h.client.assignRole.bind(h.client), { userId: user.id, role: 'admin' }, { token: h.tokens.staff }));
    expect(grpcCode(err)).toBe('PERMISSION_DENIED');
  });
});

describe('CheckPermission', () => {
  it('denies everything to a suspended user until reactivated', async () => {
    const user = await createUser(['staff']);
    expect((await check(user.id, 'orders.read')).allowed).toBe(true);
    await unaryCall(h.client.updateUser.bind(h.client), { id: user.id, status: UserStatus.USER_STATUS_SUSPENDED }, admin());
    expect((await check(user.id, 'orders.read')).allowed).toBe(false);
    await unaryCall(h.client.updateUser.bind(h.client), { id: user.id, status: UserStatus.USER_STATUS_ACTIVE }, admin());
    expect((await check(user.id, 'orders.read')).allowed).toBe(true);
  });

  it('answers NOT_FOUND for a deleted user', async () => {
    const user = await createUser(['admin']);
    await unaryCall(h.client.deleteUser.bind(h.client), { id: user.id }, admin());
    const err = await rejectionOf(check(user.id, 'orders.read'));
    expect(grpcCode(err)).toBe('NOT_FOUND');
  });

  it('rejects a permission that is not resource.action naming the field', async () => {
    const user = await createUser();
    const err = await rejectionOf(check(user.id, 'everything'));
    expect(grpcCode(err)).toBe('INVALID_ARGUMENT');
    expect(err.details).toEqual([{ field: 'permission', message: 'must look like resource.action' }]);
  });

  it('is refused without a token', async () => {
    const err = await rejectionOf(unaryCall(h.client.checkPermission.bind(h.client), { userId: 'x', permission: 'orders.read' }));
    expect(grpcCode(err)).toBe('UNAUTHENTICATED');
  });
});
