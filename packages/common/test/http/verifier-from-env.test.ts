// verifierFromEnv checks the issuer a service is configured with: JWT_ISSUER may list several (comma-separated),
// as under `make dev`, where services trust both the auth service and the development key.
import { describe, expect, it } from 'vitest';
import { verifierFromEnv } from '../../src/http/index.js';
import { createTestJwtIssuer } from '../../src/testing/index.js';

const staff = { sub: 'staff-1', roles: ['staff'] };

describe('verifierFromEnv and JWT_ISSUER', () => {
  it('accepts a token from any issuer JWT_ISSUER lists, and refuses a foreign one or none', async () => {
    const keys = await createTestJwtIssuer();
    const verifier = verifierFromEnv({ JWT_PUBLIC_KEY: keys.publicKeyPem, JWT_ISSUER: 'ecommerce-auth, ecommerce-dev' }, () => {});
    await expect(verifier.verify(await keys.sign(staff, { issuer: 'ecommerce-auth' }))).resolves.toMatchObject({ sub: 'staff-1' });
    await expect(verifier.verify(await keys.sign(staff, { issuer: 'ecommerce-dev' }))).resolves.toMatchObject({ sub: 'staff-1' });
    await expect(verifier.verify(await keys.sign(staff, { issuer: 'https://evil.example' }))).rejects.toMatchObject({ type: 'unauthenticated' });
    await expect(verifier.verify(await keys.sign(staff))).rejects.toMatchObject({ type: 'unauthenticated' });
  });

  it('warns when no issuer is configured, since then a token from any issuer passes', async () => {
    const keys = await createTestJwtIssuer();
    const warnings: string[] = [];
    verifierFromEnv({ JWT_PUBLIC_KEY: keys.publicKeyPem }, (message) => warnings.push(message));
    expect(warnings).toEqual([expect.stringContaining('JWT_ISSUER')]);
  });
});
