// Staff accounts end to end with the real user service: its first-admin bootstrap -> user.user.created ->
// staff account with an invitation -> set password -> login with roles read over gRPC.
import { randomUUID } from 'node:crypto';
import { createDatabase, serviceSchema } from '@ecommerce/common/db';
import { toWireMessage } from '@ecommerce/common/events';
import { createGrpcClient, unaryCall } from '@ecommerce/common/grpc';
import { createMigratedTestDatabase, createTestJwtIssuer, freePort, type TestDatabase } from '@ecommerce/common/testing';
import { ListUsersRequest, UserServiceClient, UserStatus } from '@ecommerce/proto/user/v1/user';
import type { RunningService } from '@ecommerce/common/lifecycle';
import { startUser } from '@ecommerce/user';
import type { CloudEvent } from '@ecommerce/common/events';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { inviteStaff } from '../src/use-cases/invite-staff.js';
import { fromUserService, startAuthHarness, type AuthHarness } from './auth-harness.js';

const ADMIN_EMAIL = 'ops@example.com';
let h: AuthHarness;
let user: RunningService;
let userDb: TestDatabase;
let userClient: UserServiceClient;

beforeAll(async () => {
  // The user service trusts auth's JWKS, and auth asks the user service for roles: auth's port is chosen first.
  const authPort = await freePort();
  userDb = await createMigratedTestDatabase('user');
  user = await startUser({
    DATABASE_URL: userDb.url,
    HTTP_PORT: '0',
    HTTP_HOST: '127.0.0.1',
    GRPC_PORT: '0',
    GRPC_HOST: '127.0.0.1',
    JWT_JWKS_URL: `http://127.0.0.1:${authPort}/.well-known/jwks.json`,
    BOOTSTRAP_ADMIN_EMAIL: ADMIN_EMAIL,
    LOG_LEVEL: 'silent',
    SHUTDOWN_DRAIN_MS: '500',
  });
  h = await startAuthHarness({ HTTP_PORT: String(authPort), USER_GRPC_ADDRESS: user.urls.grpc! });
  userClient = createGrpcClient(UserServiceClient, { address: user.urls.grpc! });
});

afterAll(async () => {
  userClient?.close();
  await h?.stop();
  await user?.stop();
  await userDb?.drop();
});

/** What the user service publishes for a user it created (its outbox row), delivered on the shared transport. */
async function deliverUserCreated(u: { id: string; email: string; roles: string[] }, eventId = randomUUID()) {
  const event = fromUserService('user.user.created', {
    id: eventId,
    subject: u.id,
    data: { user: { id: u.id, email: u.email, name: 'Staff', status: UserStatus.USER_STATUS_ACTIVE, roles: u.roles } },
  });
  await h.transport.publish([toWireMessage('user.user', u.id, event)]);
  return eventId;
}

async function bootstrapAdmin(): Promise<{ id: string; email: string; roles: string[] }> {
  const db = createDatabase({ url: userDb.url, schema: serviceSchema('user'), poolMax: 1 });
  try {
    const row = await db('users').where({ email: ADMIN_EMAIL }).first('id', 'email');
    return { ...row, roles: ['admin'] };
  } finally {
    await db.destroy();
  }
}

/** An admin access token, running the bootstrap path first if no earlier test did (tests stay order-independent). */
async function adminToken(): Promise<string> {
  const login = () => h.api.post('/auth/login', { email: ADMIN_EMAIL, password: 'admin password 1' });
  let res = await login();
  if (res.status === 401) {
    const admin = await bootstrapAdmin();
    await deliverUserCreated(admin);
    await h.api.post('/auth/invitations/accept', { token: await invitationFor(admin.id), password: 'admin password 1' });
    res = await login();
  }
  return res.body.data.accessToken;
}

async function invitationFor(accountId: string): Promise<string> {
  return vi.waitFor(async () => {
    const events = (await h.outbox('auth.account.invited')).filter((e) => e.subject === accountId);
    expect(events.length).toBeGreaterThan(0);
    return events.at(-1)!.data.invitationToken as string;
  });
}

describe('staff accounts', () => {
  it('ends the first-admin bootstrap with an admin who sets a password from the invitation and logs in with the admin role', async () => {
    const admin = await bootstrapAdmin();
    await deliverUserCreated(admin);
    const token = await invitationFor(admin.id);

    // No password yet: login fails like any wrong password.
    expect((await h.api.post('/auth/login', { email: ADMIN_EMAIL, password: 'anything at all' })).status).toBe(401);
    expect((await h.api.post('/auth/invitations/accept', { token, password: 'admin password 1' })).status).toBe(204);
    expect((await h.api.post('/auth/invitations/accept', { token, password: 'admin password 2' })).status).toBe(400);

    const login = await h.api.post('/auth/login', { email: ADMIN_EMAIL, password: 'admin password 1' });
    expect(login.status).toBe(200);
    const claims = (await h.api.post('/auth/introspect', { token: login.body.data.accessToken })).body.data;
    expect(claims).toMatchObject({ active: true, sub: admin.id, type: 'staff', roles: ['admin'] });

    // The user service verifies auth's tokens through the JWKS: the admin can manage users.
    const listed = await unaryCall(userClient.listUsers.bind(userClient), ListUsersRequest.fromPartial({ pageSize: 10 }), { token: login.body.data.accessToken });
    expect(listed.users.map((u) => u.email)).toContain(ADMIN_EMAIL);
  });

  it('creates one staff account per event id however often the event is delivered', async () => {
    const staff = { id: randomUUID(), email: `staff-${randomUUID().slice(0, 8)}@example.com`, roles: ['staff'] };
    const eventId = await deliverUserCreated(staff);
    await invitationFor(staff.id);
    await deliverUserCreated(staff, eventId);
    // A second, distinct event for the same user is absorbed too: the account exists already.
    await deliverUserCreated(staff);
    await vi.waitFor(async () => {
      expect(await h.db('inbox_events').where({ consumer_group: 'auth', event_type: 'user.user.created' }).count({ n: '*' })).toEqual([{ n: 3 }]);
    });
    expect(await h.db('accounts').where({ id: staff.id }).count({ n: '*' })).toEqual([{ n: 1 }]);
    expect((await h.outbox('auth.account.invited')).filter((e) => e.subject === staff.id)).toHaveLength(1);
  });

  it('refuses the login of a staff member the user service has suspended', async () => {
    const admin = await adminToken();
    const created = await unaryCall(userClient.createUser.bind(userClient), { email: 'grace@example.com', name: 'Grace', roles: ['staff'] }, { token: admin });
    const grace = created.user!;
    await deliverUserCreated({ id: grace.id, email: grace.email, roles: grace.roles });
    await h.api.post('/auth/invitations/accept', { token: await invitationFor(grace.id), password: 'grace password 1' });
    const ok = await h.api.post('/auth/login', { email: 'grace@example.com', password: 'grace password 1' });
    expect((await h.api.post('/auth/introspect', { token: ok.body.data.accessToken })).body.data.roles).toEqual(['staff']);

    await unaryCall(userClient.updateUser.bind(userClient), { id: grace.id, status: UserStatus.USER_STATUS_SUSPENDED }, { token: admin });
    expect((await h.api.post('/auth/login', { email: 'grace@example.com', password: 'grace password 1' })).status).toBe(401);
    // Refreshing re-reads the roles, so a suspension also ends the running session at its next refresh.
    expect((await h.api.post('/auth/refresh', { refreshToken: ok.body.data.refreshToken })).status).toBe(401);
  });

  it('lets an operator invite a staff member by user id when no user.user.created event has arrived', async () => {
    const created = await unaryCall(userClient.createUser.bind(userClient), { email: 'alan@example.com', name: 'Alan', roles: ['staff'] }, { token: await adminToken() });
    const first = await inviteStaff(h.db, { userId: created.user!.id, email: 'alan@example.com', invitationTtlSeconds: 600 });
    const second = await inviteStaff(h.db, { userId: created.user!.id, email: 'alan@example.com', invitationTtlSeconds: 600 });
    expect([first.created, second.created]).toEqual([true, false]);
    // Only the latest invitation works.
    expect((await h.api.post('/auth/invitations/accept', { token: first.token, password: 'alan password 1' })).status).toBe(400);
    expect((await h.api.post('/auth/invitations/accept', { token: second.token, password: 'alan password 1' })).status).toBe(204);
    expect((await h.api.post('/auth/login', { email: 'alan@example.com', password: 'alan password 1' })).status).toBe(200);
  });

  it('refuses to invite an address that belongs to a customer account', async () => {
    await h.api.post('/auth/register', { email: 'shopper@example.com', password: 'shopper password' });
    await expect(inviteStaff(h.db, { userId: randomUUID(), email: 'shopper@example.com', invitationTtlSeconds: 600 })).rejects.toThrow(/another account/);
  });
});

/** Publishes `event` as the user service would and waits until auth's consumer has processed it. */
async function deliverAndWait(event: CloudEvent): Promise<void> {
  await h.transport.publish([toWireMessage('user.user', event.subject, event)]);
  await vi.waitFor(async () => expect(await h.db('inbox_events').where({ consumer_group: 'auth', event_id: event.id }).first('event_id')).toBeDefined());
}

/** A staff account with a password for a user the user service does not know (the tests below need no login). */
async function staffWithPassword(email: string) {
  const id = randomUUID();
  const { token } = await inviteStaff(h.db, { userId: id, email, invitationTtlSeconds: 600 });
  await h.api.post('/auth/invitations/accept', { token, password: 'staff password 1' });
  return { id };
}

/** A real user-service staff member with a password and a running session. */
async function staffSession(email: string) {
  const created = await unaryCall(userClient.createUser.bind(userClient), { email, name: 'Staff', roles: ['staff'] }, { token: await adminToken() });
  const user = created.user!;
  const { token } = await inviteStaff(h.db, { userId: user.id, email, invitationTtlSeconds: 600 });
  await h.api.post('/auth/invitations/accept', { token, password: 'staff password 1' });
  const session = (await h.api.post('/auth/login', { email, password: 'staff password 1' })).body.data;
  return { user, session: session as { accessToken: string; refreshToken: string } };
}

const snapshot = (id: string, email: string, status: UserStatus) => ({ id, email, name: 'Staff', status, roles: ['staff'] });

describe('staff accounts follow the user service', () => {
  it('ends every session of a staff member at once when the user is suspended', async () => {
    const { user, session } = await staffSession('susan@example.com');
    await deliverAndWait(fromUserService('user.user.updated', { subject: user.id, data: { user: snapshot(user.id, user.email, UserStatus.USER_STATUS_SUSPENDED), changedFields: ['status'] } }));
    expect((await h.api.post('/auth/introspect', { token: session.accessToken })).body.data.active).toBe(false);
    expect((await h.api.post('/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(401);
  });

  it('takes over an email change as the new login address', async () => {
    const { id } = await staffWithPassword('old-address@example.com');
    await deliverAndWait(fromUserService('user.user.updated', { subject: id, data: { user: snapshot(id, 'new-address@example.com', UserStatus.USER_STATUS_ACTIVE), changedFields: ['email'] } }));
    expect((await h.db('accounts').where({ id }).first('email')).email).toBe('new-address@example.com');
  });

  it('keeps the old email when the new one already belongs to another account', async () => {
    await h.api.post('/auth/register', { email: 'taken@example.com', password: 'shopper password' });
    const { id } = await staffWithPassword('keeps-address@example.com');
    await deliverAndWait(fromUserService('user.user.updated', { subject: id, data: { user: snapshot(id, 'taken@example.com', UserStatus.USER_STATUS_ACTIVE), changedFields: ['email'] } }));
    expect((await h.db('accounts').where({ id }).first('email')).email).toBe('keeps-address@example.com');
  });

  it('removes the staff account and its sessions when the user is deleted', async () => {
    const { user, session } = await staffSession('leaving@example.com');
    await deliverAndWait(fromUserService('user.user.deleted', { subject: user.id, data: { userId: user.id, deleteTime: new Date() } }));
    expect(await h.db('accounts').where({ id: user.id }).first()).toBeUndefined();
    expect((await h.api.post('/auth/introspect', { token: session.accessToken })).body.data.active).toBe(false);
    expect((await h.api.post('/auth/login', { email: 'leaving@example.com', password: 'staff password 1' })).status).toBe(401);
  });
});

describe('staff login against a user service that does not trust auth', () => {
  it('answers 503, not a 401 that reads like a wrong password', async () => {
    const db = await createMigratedTestDatabase('user');
    // This user service verifies with an unrelated key, as under `make dev` without JWT_JWKS_URL.
    const stranger = await createTestJwtIssuer();
    const distrustful = await startUser({ DATABASE_URL: db.url, HTTP_PORT: '0', HTTP_HOST: '127.0.0.1', GRPC_PORT: '0', GRPC_HOST: '127.0.0.1', JWT_PUBLIC_KEY: stranger.publicKeyPem, LOG_LEVEL: 'silent', SHUTDOWN_DRAIN_MS: '500' });
    const auth = await startAuthHarness({ USER_GRPC_ADDRESS: distrustful.urls.grpc! });
    try {
      const staff = { id: randomUUID(), email: 'kay@example.com' };
      const { token } = await inviteStaff(auth.db, { userId: staff.id, email: staff.email, invitationTtlSeconds: 600 });
      await auth.api.post('/auth/invitations/accept', { token, password: 'kay password 1' });
      const res = await auth.api.post('/auth/login', { email: staff.email, password: 'kay password 1' });
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('UNAVAILABLE');
    } finally {
      await auth.stop();
      await distrustful.stop();
      await db.drop();
    }
  });
});
