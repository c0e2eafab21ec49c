// Tokens from the auth service's JWKS and from the fixed development key are both accepted at the edge.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestJwtIssuer, type TestJwtIssuer } from '@ecommerce/common/testing';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '@ecommerce/common/lifecycle';
import { startGateway } from '../src/main.js';

let jwksServer: http.Server;
let jwksFetches = 0;
let gateway: RunningService;
let fixedKey: TestJwtIssuer;
let authKey: CryptoKey;

async function authToken(kid: string, key: CryptoKey = authKey): Promise<string> {
  return new SignJWT({ roles: ['customer'], type: 'customer' }).setProtectedHeader({ alg: 'ES256', kid }).setSubject('customer-9').setIssuedAt().setExpirationTime('5m').sign(key);
}

beforeAll(async () => {
  const pair = await generateKeyPair('ES256', { extractable: true });
  authKey = pair.privateKey as CryptoKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'auth-key-1', alg: 'ES256', use: 'sig' };
  // Stands in for the auth service: its JWKS, and 404 for everything else.
  jwksServer = http.createServer((req, res) => {
    if (req.url === '/.well-known/jwks.json') {
      jwksFetches += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    } else res.writeHead(404).end();
  });
  await new Promise<void>((r) => jwksServer.listen(0, '127.0.0.1', r));
  fixedKey = await createTestJwtIssuer();
  gateway = await startGateway({
    HTTP_PORT: '0',
    HTTP_HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    AUTH_URL: `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}`,
    JWT_PUBLIC_KEY: fixedKey.publicKeyPem,
  });
});

afterAll(async () => {
  await gateway?.stop();
  jwksServer.closeAllConnections();
  await new Promise((r) => jwksServer.close(r));
});

// /api/v1/customers needs a token at the edge and has no upstream here, so 404 means "the edge let it in".
const edgeStatus = async (token: string) =>
  (await fetch(`${gateway.urls.http}/api/v1/customers/me`, { headers: { authorization: `Bearer ${token}` } })).status;

describe('edge token verification', () => {
  it('accepts a token signed by a key in the auth service JWKS, fetching the JWKS once', async () => {
    expect(await edgeStatus(await authToken('auth-key-1'))).toBe(404);
    expect(await edgeStatus(await authToken('auth-key-1'))).toBe(404);
    expect(jwksFetches).toBe(1);
  });

  it('accepts a token signed by the fixed key as well', async () => {
    expect(await edgeStatus(await fixedKey.sign({ sub: 'dev-staff', roles: ['staff'] }))).toBe(404);
  });

  it('refuses a token signed by any other key, whatever kid it claims', async () => {
    const stranger = (await generateKeyPair('ES256')).privateKey as CryptoKey;
    expect(await edgeStatus(await authToken('auth-key-1', stranger))).toBe(401);
    expect(await edgeStatus(await authToken('unknown-kid', stranger))).toBe(401);
  });
});
