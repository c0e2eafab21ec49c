// Embedded mode (DESIGN.md section 3): one process, a real PostgreSQL from npm, every service on its own port.
import { randomBytes } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { startEmbeddedPostgres, type RunningPostgres } from '@ecommerce/common/db';
import { loadConfig } from '@ecommerce/common/config';
import { createEventTransport, eventsEnv } from '@ecommerce/common/events';
import { migrateUp } from '@ecommerce/common/migrate';
import { freePort } from '@ecommerce/common/lifecycle';
import { authEnv } from '@ecommerce/auth';
import { DEV_TOKEN_ISSUER, loadDevKeys } from './dev-keys.js';
import { hostedServices, type StartedService } from './services.js';

export interface EcosystemSettings {
  repoRoot: string;
  /** Where PostgreSQL keeps its data; it survives restarts. */
  dataDir: string;
  postgresPort: number;
  /** `default`: each service on its DESIGN.md port (or <NAME>_HTTP_PORT); `ephemeral`: ports from the OS (tests). */
  ports: 'default' | 'ephemeral';
  logLevel: string;
  log(line: string): void;
}

export interface RunningEcosystem {
  postgresUrl: string;
  services: { name: string; urls: Record<string, string> }[];
  devStaffToken: string;
  stop(): Promise<void>;
}

export async function startEcosystem(settings: EcosystemSettings): Promise<RunningEcosystem> {
  // One event transport for every service: in-process, or one Kafka client when KAFKA_BROKERS is set.
  const transport = createEventTransport({ mode: 'embedded', env: loadConfig(eventsEnv, process.env), clientId: 'ecommerce-dev' });
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(settings.dataDir, 'postgres'), port: settings.postgresPort });
  const started: { name: string; service: StartedService }[] = [];
  const stop = async () => {
    for (const { name, service } of started.reverse()) {
      await service.stop().catch((err: unknown) => settings.log(`stopping ${name} failed: ${String(err)}`));
    }
    await transport.close();
    await postgres.stop();
  };
  try {
    await migrateAll(settings, postgres);
    const keys = await loadDevKeys(path.join(settings.dataDir, 'dev-jwt'));
    const ports = await assignPorts(settings);
    const directory = addressDirectory(ports);
    const trust = { publicKeyPem: keys.publicKeyPem, issuers: trustedIssuers() };
    const clients = serviceClientSecrets();
    for (const hosted of hostedServices) {
      const env = { ...serviceEnv(hosted.name, settings, postgres.url, trust), ...directory };
      env.SERVICE_SECRET ??= clients.secrets[hosted.name];
      if (hosted.name === 'auth') env.SERVICE_CLIENTS ??= clients.table;
      env.HTTP_PORT = String(ports[hosted.name]!.http);
      if (ports[hosted.name]!.grpc !== undefined) env.GRPC_PORT = String(ports[hosted.name]!.grpc);
      started.push({ name: hosted.name, service: await hosted.start(env, { transport }) });
    }
    return {
      postgresUrl: postgres.url,
      services: started.map(({ name, service }) => ({ name, urls: service.urls })),
      devStaffToken: await keys.signStaffToken('dev-staff', ['staff', 'admin']),
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function migrateAll(settings: EcosystemSettings, postgres: RunningPostgres): Promise<void> {
  const dir = path.join(settings.repoRoot, 'migrations');
  const services = readdirSync(dir).filter((name) => statSync(path.join(dir, name)).isDirectory()).sort();
  for (const service of services) {
    await migrateUp({ databaseUrl: postgres.url, service, dir: path.join(dir, service), out: () => {} });
  }
  settings.log(`migrated ${services.join(', ')}`);
}

type PortTable = Record<string, { http: number; grpc?: number }>;

/**
 * Every service's ports, decided before any starts: services find each other (and auth's JWKS) by address,
 * and the dependencies go both ways (auth asks user for roles; user verifies auth's tokens).
 * `default`: DESIGN.md's ports, or <NAME>_HTTP_PORT / <NAME>_GRPC_PORT; `ephemeral`: free ports from the OS.
 */
async function assignPorts(settings: EcosystemSettings): Promise<PortTable> {
  const table: PortTable = {};
  for (const { name, ports } of hostedServices) {
    const pick = async (kind: 'HTTP' | 'GRPC', fallback: number) =>
      settings.ports === 'ephemeral' ? freePort() : Number(process.env[`${name.toUpperCase()}_${kind}_PORT`] ?? fallback);
    table[name] = { http: await pick('HTTP', ports.http) };
    if (ports.grpc !== undefined) table[name]!.grpc = await pick('GRPC', ports.grpc);
  }
  return table;
}

/** <NAME>_URL and <NAME>_GRPC_ADDRESS of every hosted service, and the JWKS every service trusts. */
function addressDirectory(ports: PortTable): Record<string, string> {
  const directory: Record<string, string> = {};
  for (const [name, { http, grpc }] of Object.entries(ports)) {
    directory[`${name.toUpperCase()}_URL`] = `http://127.0.0.1:${http}`;
    if (grpc !== undefined) directory[`${name.toUpperCase()}_GRPC_ADDRESS`] = `127.0.0.1:${grpc}`;
  }
  if (directory.AUTH_URL) directory.JWT_JWKS_URL = `${directory.AUTH_URL}/.well-known/jwks.json`;
  return directory;
}

/**
 * The issuers every service accepts (JWT_ISSUER): the auth service's, as its own configuration decides it, and
 * the development token's. The caller's JWT_ISSUER (or <NAME>_JWT_ISSUER) wins.
 */
function trustedIssuers(): string {
  const authIssuer = authEnv.shape.AUTH_ISSUER.parse(scopedEnv('auth').AUTH_ISSUER || undefined);
  return `${authIssuer},${DEV_TOKEN_ISSUER}`;
}

/**
 * A secret per hosted service, fresh each run, for the client credentials it trades at auth for a service token
 * (SERVICE_SECRET for the service, SERVICE_CLIENTS for auth). The caller's variables win.
 */
function serviceClientSecrets(): { secrets: Record<string, string>; table: string } {
  const secrets = Object.fromEntries(hostedServices.filter(({ name }) => name !== 'auth').map(({ name }) => [name, randomBytes(32).toString('base64url')]));
  return { secrets, table: Object.entries(secrets).map(([name, secret]) => `${name}:${secret}`).join(',') };
}

/** Each service reads plain variables (HTTP_PORT ...); the runner scopes them per service (CATALOG_HTTP_PORT). */
function scopedEnv(name: string): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const key of ['HTTP_PORT', 'GRPC_PORT', 'DATABASE_URL']) delete env[key];
  const prefix = `${name.toUpperCase()}_`;
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith(prefix)) env[key.slice(prefix.length)] = value;
  }
  return env;
}

function serviceEnv(name: string, settings: EcosystemSettings, databaseUrl: string, trust: { publicKeyPem: string; issuers: string }) {
  const env = scopedEnv(name);
  env.DATABASE_URL = databaseUrl;
  env.JWT_PUBLIC_KEY ??= trust.publicKeyPem;
  env.JWT_ISSUER ??= trust.issuers;
  env.LOG_LEVEL = settings.logLevel;
  env.HTTP_HOST ??= '127.0.0.1';
  return env;
}
