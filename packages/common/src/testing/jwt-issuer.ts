// Signs access tokens the way the auth service does, for tests of services that verify them.
import { exportSPKI, generateKeyPair, SignJWT, type CryptoKey } from 'jose';

export interface TestClaims {
  sub: string;
  roles: string[];
  type?: string;
}

export interface TestJwtIssuer {
  publicKeyPem: string;
  sign(claims: TestClaims, options?: { expiresIn?: string | number; issuer?: string; audience?: string }): Promise<string>;
}

export async function createTestJwtIssuer(alg = 'ES256'): Promise<TestJwtIssuer> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  return {
    publicKeyPem: await exportSPKI(publicKey as CryptoKey),
    async sign(claims, options = {}) {
      const jwt = new SignJWT({ roles: claims.roles, ...(claims.type ? { type: claims.type } : {}) })
        .setProtectedHeader({ alg })
        .setSubject(claims.sub)
        .setIssuedAt()
        .setJti(crypto.randomUUID())
        .setExpirationTime(options.expiresIn ?? '15m');
      if (options.issuer) jwt.setIssuer(options.issuer);
      if (options.audience) jwt.setAudience(options.audience);
      return jwt.sign(privateKey);
    },
  };
}
