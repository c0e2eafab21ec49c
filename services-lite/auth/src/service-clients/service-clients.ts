// Client credentials for services: a service that calls another service's staff-only RPCs (the order service's
// checkout calling warehouse, payment ...) trades its name and secret for a short-lived JWT with role staff and
// type service. The secrets come from SERVICE_CLIENTS (`name:secret,...`), never from the database, so a
// deployment rotates them like any other secret.
import { createHash, timingSafeEqual } from 'node:crypto';
import { ConfigError } from '@ecommerce/common/config';
import { UnauthenticatedError } from '@ecommerce/common/errors';
import type { AccessTokens, IssuedAccessToken } from '../tokens/access-tokens.js';

/** Long enough that guessing is out of the question; the runner generates 43-character ones. */
const MIN_SECRET_LENGTH = 32;

export class ServiceClients {
  private readonly digests: Map<string, Buffer>;

  constructor(
    clients: Map<string, string>,
    private readonly accessTokens: AccessTokens,
    private readonly ttlSeconds: number,
  ) {
    this.digests = new Map([...clients].map(([name, secret]) => [name, digest(secret)]));
  }

  async issue(service: string, secret: string): Promise<IssuedAccessToken> {
    const expected = this.digests.get(service);
    // Compared as fixed-length digests in constant time, so neither the secret nor its length leaks by timing.
    if (!expected || !timingSafeEqual(expected, digest(secret))) throw new UnauthenticatedError('invalid service credentials');
    return this.accessTokens.issue({ sub: `service:${service}`, roles: ['staff'], type: 'service' }, this.ttlSeconds);
  }
}

/** Parses SERVICE_CLIENTS: `order:<secret>,shipping:<secret>`; empty means no service may get a token. */
export function parseServiceClients(value: string | undefined): Map<string, string> {
  const clients = new Map<string, string>();
  for (const entry of (value ?? '').split(',').map((e) => e.trim()).filter(Boolean)) {
    const colon = entry.indexOf(':');
    const name = entry.slice(0, colon);
    const secret = entry.slice(colon + 1);
    if (colon < 1 || !/^[a-z][a-z0-9-]{0,40}$/.test(name)) throw new ConfigError('SERVICE_CLIENTS', 'is invalid: entries are name:secret, comma-separated');
    if (secret.length < MIN_SECRET_LENGTH) throw new ConfigError('SERVICE_CLIENTS', `is invalid: the secret of ${name} must have at least ${MIN_SECRET_LENGTH} characters`);
    clients.set(name, secret);
  }
  return clients;
}

function digest(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}
