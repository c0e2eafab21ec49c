// A development signing key kept under .data/, so `make dev` has working staff tokens before (and
// independently of) the auth service. Production verifies tokens from the auth service's JWKS instead.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { exportPKCS8, exportSPKI, generateKeyPair, importPKCS8, SignJWT } from 'jose';

export interface DevKeys {
  publicKeyPem: string;
  signStaffToken(subject: string, roles: string[]): Promise<string>;
}

const ALG = 'ES256';
/** `iss` of the development token; the runner adds it to the issuers every service trusts (JWT_ISSUER). */
export const DEV_TOKEN_ISSUER = 'ecommerce-dev';

export async function loadDevKeys(dir: string): Promise<DevKeys> {
  const privatePath = path.join(dir, 'private.pem');
  const publicPath = path.join(dir, 'public.pem');
  if (!existsSync(privatePath)) {
    const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await writeFile(privatePath, await exportPKCS8(privateKey), { mode: 0o600 });
    await writeFile(publicPath, await exportSPKI(publicKey));
  }
  const privateKey = await importPKCS8(await readFile(privatePath, 'utf8'), ALG);
  return {
    publicKeyPem: await readFile(publicPath, 'utf8'),
    signStaffToken: (subject, roles) =>
      new SignJWT({ roles, type: 'staff' })
        .setProtectedHeader({ alg: ALG, kid: 'dev' })
        .setSubject(subject)
        .setIssuer(DEV_TOKEN_ISSUER)
        .setIssuedAt()
        .setJti(crypto.randomUUID())
        .setExpirationTime('12h')
        .sign(privateKey),
  };
}
