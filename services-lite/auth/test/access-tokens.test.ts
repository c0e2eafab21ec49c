import { createJwtVerifier } from '@ecommerce/common/http';
import { decodeProtectedHeader, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { SigningKeyStore } from '../src/tokens/signing-keys.js';
import { registeredCustomer, useAuthHarness } from './auth-harness.js';

const h = useAuthHarness({ ACCESS_TOKEN_TTL_SECONDS: '600' });

const isActive = async (token: string) => (await h.api.post('/auth/introspect', { token })).body.data.active as boolean;

async function activeKeyRow(): Promise<{ kid: string; private_jwk: JWK }> {
  return h.db('signing_keys').whereNull('retired_at').first('kid', 'private_jwk');
}

/** A token with the service's real signing key but claims of the test's choosing. */
async function signWithServiceKey(claims: Record<string, unknown>, exp: number): Promise<string> {
  const { kid, private_jwk } = await activeKeyRow();
  const key = await importJWK(private_jwk, 'ES256');
  return new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid }).setSubject('someone').setJti(crypto.randomUUID())
    .setIssuer('ecommerce-auth').setIssuedAt(exp - 600).setExpirationTime(exp).sign(key);
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('access tokens', () => {
  it('accepts a token signed with the service key and refuses the same claims once expired', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect(await isActive(await signWithServiceKey({ roles: ['customer'], type: 'customer' }, now + 60))).toBe(true);
    expect(await isActive(await signWithServiceKey({ roles: ['customer'], type: 'customer' }, now - 5))).toBe(false);
  });

  it('refuses a token whose payload was altered after signing', async () => {
    const { tokens } = await registeredCustomer(h);
    const [header, payload, signature] = tokens.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forged = `${header}.${b64({ ...claims, roles: ['admin'] })}.${signature}`;
    expect(await isActive(forged)).toBe(false);
    expect((await h.api.get('/auth/me', forged)).status).toBe(401);
  });

  it('refuses alg none, even with a known kid', async () => {
    const { tokens } = await registeredCustomer(h);
    const { kid } = decodeProtectedHeader(tokens.accessToken);
    const payload = JSON.parse(Buffer.from(tokens.accessToken.split('.')[1]!, 'base64url').toString());
    const unsigned = `${b64({ alg: 'none', typ: 'JWT', kid })}.${b64(payload)}.`;
    expect(await isActive(unsigned)).toBe(false);
  });

  it('refuses a token signed by another key under the service key id', async () => {
    const { kid } = await activeKeyRow();
    const { privateKey } = await generateKeyPair('ES256');
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ roles: ['admin'], type: 'staff' }).setProtectedHeader({ alg: 'ES256', kid }).setSubject('x')
      .setJti('j').setIssuer('ecommerce-auth').setIssuedAt(now).setExpirationTime(now + 60).sign(privateKey);
    expect(await isActive(token)).toBe(false);
  });

  it('refuses an HMAC token keyed with the published public key', async () => {
    const jwks = (await h.api.get('/.well-known/jwks.json')).body;
    const now = Math.floor(Date.now() / 1000);
    const secret = new TextEncoder().encode(JSON.stringify(jwks.keys[0]));
    const token = await new SignJWT({ roles: ['admin'], type: 'staff' }).setProtectedHeader({ alg: 'HS256', kid: jwks.keys[0].kid })
      .setSubject('x').setJti('j').setIssuer('ecommerce-auth').setIssuedAt(now).setExpirationTime(now + 60).sign(secret);
    expect(await isActive(token)).toBe(false);
  });

  it('publishes public keys only, as a JWKS other services verify with', async () => {
    const { tokens } = await registeredCustomer(h);
    const jwks = await h.api.get('/.well-known/jwks.json');
    expect(jwks.status).toBe(200);
    for (const key of jwks.body.keys) {
      expect(key).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig', kid: expect.any(String) });
      expect(key.d).toBeUndefined();
    }
    const verifier = createJwtVerifier({ jwksUrl: `${h.url}/.well-known/jwks.json`, issuer: 'ecommerce-auth' });
    await expect(verifier.verify(tokens.accessToken)).resolves.toMatchObject({ roles: ['customer'], type: 'customer' });
  });
});

describe('signing key rotation', () => {
  it('signs with the new key after a rotation while tokens of the old key still verify until they expire', async () => {
    const before = await registeredCustomer(h);
    const oldKid = decodeProtectedHeader(before.tokens.accessToken).kid;

    // Another instance rotates: keys live in the database, so this one follows.
    const other = new SigningKeyStore(h.db, { accessTokenTtlSeconds: 600, rotationSeconds: 0 });
    const rotated = await other.rotate();

    const after = await registeredCustomer(h);
    expect(decodeProtectedHeader(after.tokens.accessToken).kid).toBe(rotated.kid);
    const kids = (await h.api.get('/.well-known/jwks.json')).body.keys.map((k: JWK) => k.kid);
    expect(kids).toEqual(expect.arrayContaining([oldKid, rotated.kid]));
    expect(await isActive(before.tokens.accessToken)).toBe(true);
    const verifier = createJwtVerifier({ jwksUrl: `${h.url}/.well-known/jwks.json` });
    await expect(verifier.verify(before.tokens.accessToken)).resolves.toBeTruthy();
    await expect(verifier.verify(after.tokens.accessToken)).resolves.toBeTruthy();

    // Once every token of the old key has expired (TTL + skew after retirement), it is withdrawn.
    await h.db('signing_keys').where({ kid: oldKid }).update({ retired_at: new Date(Date.now() - 3_600_000) });
    expect((await h.api.get('/.well-known/jwks.json')).body.keys.map((k: JWK) => k.kid)).not.toContain(oldKid);
    expect(await isActive(before.tokens.accessToken)).toBe(false);
  });

  it('rotates on its own once the signing key is older than the rotation period', async () => {
    const { kid } = await activeKeyRow();
    await h.db('signing_keys').where({ kid }).update({ created_at: new Date(Date.now() - 40 * 86_400_000) });
    const { tokens } = await registeredCustomer(h);
    expect(decodeProtectedHeader(tokens.accessToken).kid).not.toBe(kid);
    expect(await h.db('signing_keys').whereNull('retired_at').count({ n: '*' })).toEqual([{ n: 1 }]);
  });

  it('lets only an admin rotate by API', async () => {
    const { tokens } = await registeredCustomer(h);
    expect((await h.api.post('/auth/keys/rotate', {}, tokens.accessToken)).status).toBe(403);
    expect((await h.api.post('/auth/keys/rotate', {})).status).toBe(401);
  });

  it('refuses account routes to a service token (it names no account)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await signWithServiceKey({ roles: ['staff'], type: 'service' }, now + 60);
    expect(await isActive(token)).toBe(true);
    expect((await h.api.get('/auth/me', token)).status).toBe(401);
    expect((await h.api.post('/auth/mfa/enroll', {}, token)).status).toBe(401);
  });
});
