// `make dev` as a user runs it: the real runner process, stopped with Ctrl-C (SIGINT).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@ecommerce/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Runs the TypeScript sources in the child (workspace packages through their source export condition).
const registerTs = path.join(repoRoot, 'packages/common/test/migrate/support/register-ts.mjs');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ecommerce-runner-sigint-'));
  await chmod(dir, 0o755);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the runner process', () => {
  it('stops every service before PostgreSQL on Ctrl-C, so no connection is cut from under a service', async () => {
    const child = spawn(process.execPath, ['--conditions=@ecommerce/source', '--import', registerTs, path.join(repoRoot, 'runner/src/main.ts')], {
      env: { ...process.env, DEV_DATA_DIR: path.join(dir, 'data'), DEV_PORTS: 'ephemeral', EMBEDDED_PG_PORT: String(await freePort()), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const ready = new Promise<void>((resolve, reject) => {
      child.on('exit', (code) => reject(new Error(`runner exited early with ${code}: ${output}`)));
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Press Ctrl-C to stop.')) resolve();
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
    });
    await ready;
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('SIGINT received, shutting down');
    expect(output).not.toContain('terminating connection');
    expect(output).not.toMatch(/"level":"(warn|error)"/);
    expect(existsSync(path.join(dir, 'data', 'postgres', 'postmaster.pid'))).toBe(false);
  }, 120_000);
});
