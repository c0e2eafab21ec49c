import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJwtVerifier } from '../../src/http/index.js';
import { createTestJwtIssuer, type TestJwtIssuer } from '../../src/testing/index.js';

let jwks: http.Server;
let jwksUrl: string;
let signWithJwksKey: (sub: string) => Promise<string>;
let devIssuer: TestJwtIssuer;

beforeAll(async () => {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'auth-1', alg: 'ES256', use: 'sig' };
  jwks = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
  await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', r));
  jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
  signWithJwksKey = (sub) =>
    new SignJWT({ roles: ['customer'] }).setProtectedHeader({ alg: 'ES256', kid: 'auth-1' }).setSubject(sub).setExpirationTime('5m').sign(privateKey);
  devIssuer = await createTestJwtIssuer();
});

afterAll(async () => {
  await new Promise((r) => jwks.close(r));
});

describe('createJwtVerifier with a JWKS URL and a public key', () => {
  it('accepts tokens signed by a key the JWKS publishes', async () => {
    const verifier = createJwtVerifier({ jwksUrl, publicKey: devIssuer.publicKeyPem });
    expect(await verifier.verify(await signWithJwksKey('c1'))).toEqual({ sub: 'c1', roles: ['customer'] });
  });

  it('falls back to the public key for a kid the JWKS does not know', async () => {
    const verifier = createJwtVerifier({ jwksUrl, publicKey: devIssuer.publicKeyPem });
    const token = await devIssuer.sign({ sub: 'dev-staff', roles: ['staff'], type: 'staff' });
    expect((await verifier.verify(token)).sub).toBe('dev-staff');
  });

  it('refuses a token signed by neither', async () => {
    const verifier = createJwtVerifier({ jwksUrl, publicKey: devIssuer.publicKeyPem });
    const stranger = await createTestJwtIssuer();
    await expect(verifier.verify(await stranger.sign({ sub: 'x', roles: ['admin'] }))).rejects.toThrow('invalid token');
  });

  it('refuses a dev-key token when only the JWKS is configured', async () => {
    const verifier = createJwtVerifier({ jwksUrl });
    await expect(verifier.verify(await devIssuer.sign({ sub: 'x', roles: ['staff'] }))).rejects.toThrow('invalid token');
  });
});
