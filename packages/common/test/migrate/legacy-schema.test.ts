// An installation from before the user service's schema rename (`user` -> `users`): the first `up` moves it,
// keeping its rows, its functions and triggers and its version history; read-only verbs read it in place.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serviceSchema } from '../../src/db/service-schemas.js';
import { findRepoRoot, MigrationUsageError, runMigrationCommand, type MigrationVerb } from '../../src/migrate/index.js';
import { createTestDatabase, postgresAdminUrl, type TestDatabase } from '../../src/testing/index.js';
import { query, tablesIn } from './support/migrate-fixtures.js';

const SERVICE = 'user';
const LEGACY = 'user';
const VERSIONS = `SELECT id, version_id::int AS version_id, is_applied, tstamp::text FROM %s.user_goose_db_version ORDER BY id`;

describe('moving the user service out of its legacy schema "user"', () => {
  let db: TestDatabase;
  let dir: string;
  const run = (command: MigrationVerb, extra: { schema?: string; args?: string[] } = {}, out: (line: string) => void = () => {}) =>
    runMigrationCommand({ databaseUrl: db.url, service: SERVICE, dir, command, out, ...extra });

  beforeEach(async () => {
    db = await createTestDatabase(postgresAdminUrl(), 'legacy');
    dir = path.join(await mkdtemp(path.join(tmpdir(), 'legacy-schema-')), SERVICE);
    await cp(path.join(findRepoRoot(), 'migrations', SERVICE), dir, { recursive: true });
    // The older release: its migrations up to 2 applied in schema "user", and data written there.
    await run('up-to', { schema: LEGACY, args: ['2'] });
    await query(db.url, `INSERT INTO "user".users (id, email, name) VALUES ('00000000-0000-4000-8000-000000000001', 'ann@example.com', 'Ann')`);
    await query(db.url, `INSERT INTO "user".user_roles (user_id, role_id) SELECT '00000000-0000-4000-8000-000000000001', id FROM "user".roles WHERE name = 'admin'`);
  });
  afterEach(async () => {
    await db.drop();
    await rm(path.dirname(dir), { recursive: true, force: true });
  });

  it('renames it on the first up, keeping the rows and the version history, then applies what is pending', async () => {
    const before = await query(db.url, VERSIONS.replace('%s', '"user"'));
    const lines: string[] = [];

    const result = await run('up', {}, (l) => lines.push(l));

    expect(serviceSchema(SERVICE)).toBe('users');
    expect(lines[0]).toBe('goose: renamed schema "user" to users (one-time move; data and version history kept)');
    expect(await tablesIn(db.url, LEGACY)).toEqual([]);
    const after = await query(db.url, VERSIONS.replace('%s', 'users'));
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.map((r) => r.version_id)).toEqual([0, 1, 2, 3]);
    expect(result.applied).toEqual(['00003_create_event_outbox_inbox.sql']);
    const roles = await query(db.url, 'SELECT u.email, r.name FROM users.users u JOIN users.user_roles ur ON ur.user_id = u.id JOIN users.roles r ON r.id = ur.role_id');
    expect(roles).toEqual([{ email: 'ann@example.com', name: 'admin' }]);
  });

  it('keeps the moved triggers working: updated_at is maintained after the move', async () => {
    await run('up');

    const [row] = await query<{ changed: boolean }>(
      db.url,
      "UPDATE users.users SET name = 'Ann B', updated_at = now() - interval '1 day' RETURNING updated_at > now() - interval '1 minute' AS changed",
    );

    expect(row!.changed).toBe(true);
  });

  it('status and version read the legacy layout in place and say the next up moves it', async () => {
    const lines: string[] = [];

    const result = await run('status', {}, (l) => lines.push(l));

    expect(result.version).toBe(2);
    expect(lines[0]).toBe('goose: schema "user" is an older release\'s; the next up renames it to users');
    expect(lines.filter((l) => /-- 0000[12]_/.test(l)).every((l) => !l.includes('Pending'))).toBe(true);
    expect((await tablesIn(db.url, LEGACY)).length).toBeGreaterThan(0);
    expect(await tablesIn(db.url, 'users')).toEqual([]);
  });

  it('refuses to choose when both the legacy and the current schema exist, and changes neither', async () => {
    await query(db.url, 'CREATE SCHEMA users');

    const attempt = run('up');

    await expect(attempt).rejects.toThrow(MigrationUsageError);
    await expect(attempt).rejects.toThrow('schemas "user" (an older release\'s, with user_goose_db_version) and users both exist');
    expect(await query(db.url, 'SELECT count(*)::int AS n FROM "user".users')).toEqual([{ n: 1 }]);
    expect(await tablesIn(db.url, 'users')).toEqual([]);
  });

  it('leaves an explicit --schema alone: the operator chose the layout', async () => {
    const result = await run('up', { schema: LEGACY });

    expect(result.applied).toEqual(['00003_create_event_outbox_inbox.sql']);
    expect(await query(db.url, "SELECT count(*)::int AS n FROM pg_namespace WHERE nspname = 'users'")).toEqual([{ n: 0 }]);
  });

  it('wakes the outbox relay of the moved schema: the trigger notifies outbox_users', async () => {
    await run('up');
    const listener = new pg.Client({ connectionString: db.url });
    await listener.connect();
    try {
      const notified = new Promise<string>((resolve) => listener.on('notification', (n) => resolve(n.channel)));
      await listener.query('LISTEN outbox_users');

      await query(db.url, `INSERT INTO users.outbox_events (event_id, topic, event_key, event_type, envelope) VALUES ('e1', 't', 'k', 'x', '{}')`);

      expect(await notified).toBe('outbox_users');
    } finally {
      await listener.end();
    }
  });
});
