// The environment of every service in the registry when the runner starts them together, in one process
// (`make dev`) or as one process each (`make up`): its ports, where the others are, which tokens it trusts, its
// database and its client secret. Variables the caller sets win, plain (JWT_ISSUER) or scoped (CATALOG_HTTP_PORT).
import { randomBytes } from 'node:crypto';
import { freePort } from '@ecommerce/common/lifecycle';
import { authEnv } from '@ecommerce/auth';
import { DEV_TOKEN_ISSUER } from './dev-keys.js';
import { serviceRegistry } from './registry.js';

export type Env = Record<string, string | undefined>;
export type PortTable = Record<string, { http: number; grpc?: number }>;

export interface EnvironmentSettings {
  ports: PortTable;
  databaseUrl: string;
  /** The development key every service trusts besides the auth service's JWKS. */
  devPublicKeyPem: string;
  logLevel: string;
}

/**
 * Every service's ports, decided before any starts: services find each other (and auth's JWKS) by address,
 * and the dependencies go both ways (auth asks user for roles; user verifies auth's tokens).
 * `default`: DESIGN.md's ports, or <NAME>_HTTP_PORT / <NAME>_GRPC_PORT; `ephemeral`: free ports from the OS.
 */
export async function assignPorts(mode: 'default' | 'ephemeral'): Promise<PortTable> {
  const table: PortTable = {};
  for (const { name, ports } of serviceRegistry) {
    const pick = async (kind: 'HTTP' | 'GRPC', fallback: number) =>
      mode === 'ephemeral' ? freePort() : Number(process.env[`${name.toUpperCase()}_${kind}_PORT`] ?? fallback);
    table[name] = { http: await pick('HTTP', ports.http) };
    if (ports.grpc !== undefined) table[name]!.grpc = await pick('GRPC', ports.grpc);
  }
  return table;
}

/** Each service's complete environment, by name. */
export function serviceEnvironments(settings: EnvironmentSettings): Record<string, Env> {
  const directory = addressDirectory(settings.ports);
  const issuers = trustedIssuers();
  const clients = serviceClientSecrets();
  const environments: Record<string, Env> = {};
  for (const { name } of serviceRegistry) {
    const env = { ...scopedEnv(name), ...directory };
    env.DATABASE_URL = settings.databaseUrl;
    env.JWT_PUBLIC_KEY ??= settings.devPublicKeyPem;
    env.JWT_ISSUER ??= issuers;
    env.LOG_LEVEL = settings.logLevel;
    env.HTTP_HOST ??= '127.0.0.1';
    env.GRPC_HOST ??= '127.0.0.1';
    env.HTTP_PORT = String(settings.ports[name]!.http);
    if (settings.ports[name]!.grpc !== undefined) env.GRPC_PORT = String(settings.ports[name]!.grpc);
    env.SERVICE_SECRET ??= clients.secrets[name];
    if (name === 'auth') env.SERVICE_CLIENTS ??= clients.table;
    environments[name] = env;
  }
  return environments;
}

/** <NAME>_URL and <NAME>_GRPC_ADDRESS of every service, and the JWKS every service trusts. */
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
 * A secret per service, fresh each run, for the client credentials it trades at auth for a service token
 * (SERVICE_SECRET for the service, SERVICE_CLIENTS for auth). The caller's variables win.
 */
function serviceClientSecrets(): { secrets: Record<string, string>; table: string } {
  const secrets = Object.fromEntries(serviceRegistry.filter(({ name }) => name !== 'auth').map(({ name }) => [name, randomBytes(32).toString('base64url')]));
  return { secrets, table: Object.entries(secrets).map(([name, secret]) => `${name}:${secret}`).join(',') };
}

/** Each service reads plain variables (HTTP_PORT ...); the runner scopes them per service (CATALOG_HTTP_PORT). */
function scopedEnv(name: string): Env {
  const env: Env = { ...process.env };
  for (const key of ['HTTP_PORT', 'GRPC_PORT', 'DATABASE_URL']) delete env[key];
  const prefix = `${name.toUpperCase()}_`;
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith(prefix)) env[key.slice(prefix.length)] = value;
  }
  return env;
}
