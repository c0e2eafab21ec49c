// pgbench's standard tpcb-like transaction (an update of three tables and an insert, in one transaction) against the
// same PostgreSQL a benchmark ran on: what that server does with a simple write transaction, the yardstick for a
// service whose calls are write transactions. Debian: apt-get install postgresql-client.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PgbenchResult {
  tps: number;
  clients: number;
}

/** Undefined (with the reason printed) when pgbench is not installed. */
export async function pgbenchTpcb(databaseUrl: string, clients: number, seconds: number): Promise<PgbenchResult | undefined> {
  try {
    await run('pgbench', ['--version']);
  } catch {
    console.log('pgbench: not installed (apt-get install postgresql-client); the PostgreSQL baseline is skipped');
    return undefined;
  }
  // Its own tables (pgbench_*) in the database's public schema, scale 1: 100,000 accounts.
  await run('pgbench', ['-i', '-q', '-s', '1', databaseUrl], { maxBuffer: 16 * 1024 * 1024 });
  const { stdout } = await run('pgbench', ['-c', String(clients), '-j', '2', '-T', String(seconds), '-b', 'tpcb-like', databaseUrl], { maxBuffer: 16 * 1024 * 1024 });
  const tps = /tps = ([\d.]+)/.exec(stdout)?.[1];
  if (!tps) throw new Error(`pgbench printed no tps:\n${stdout}`);
  return { tps: Number(tps), clients };
}
