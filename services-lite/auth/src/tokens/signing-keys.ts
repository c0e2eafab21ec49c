// Access-token signing keys kept in the database, so every auth instance signs with the same key and serves
// the same JWKS. Rotation retires the signing key; a retired key stays published (and verifies) until the
// last token it signed has expired.
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { Knex } from 'knex';

export const SIGNING_ALGORITHM = 'ES256';

interface SigningKeyRow {
  kid: string;
  algorithm: string;
  public_jwk: JWK;
  private_jwk: JWK;
  created_at: Date;
  retired_at: Date | null;
}

export interface ActiveSigningKey {
  kid: string;
  privateKey: CryptoKey;
}

export interface SigningKeySettings {
  /** How long a retired key stays published: the access-token lifetime (plus clock skew). */
  accessTokenTtlSeconds: number;
  /** Age after which the signing key is replaced on next use; 0 never rotates automatically. */
  rotationSeconds: number;
  now?: () => Date;
}

const CLOCK_SKEW_SECONDS = 60;
// Serialises rotations across instances; any constant unique to this purpose works.
const ROTATION_LOCK = 0x6175_7468;

export class SigningKeyStore {
  private readonly imported = new Map<string, Promise<CryptoKey>>();
  private readonly now: () => Date;

  constructor(
    private readonly db: Knex,
    private readonly settings: SigningKeySettings,
  ) {
    this.now = settings.now ?? (() => new Date());
  }

  /** The key that signs now; creates the first key, or a new one when the current one is due for rotation. */
  async activeKey(): Promise<ActiveSigningKey> {
    let row = await this.db<SigningKeyRow>('signing_keys').whereNull('retired_at').first();
    if (!row || this.isDue(row)) row = await this.rotate(row?.kid);
    return { kid: row.kid, privateKey: await this.importKey(row.kid, row.private_jwk) };
  }

  /**
   * Makes a new key the signing key and retires the current one. With `expectedKid`, does nothing if another
   * instance already replaced that key (so a fleet rotating at once creates one key, not one each).
   */
  async rotate(expectedKid?: string): Promise<SigningKeyRow> {
    const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
    const kid = randomUUID();
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: SIGNING_ALGORITHM, use: 'sig' };
    const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: SIGNING_ALGORITHM };
    return this.db.transaction(async (trx) => {
      await trx.raw('SELECT pg_advisory_xact_lock(?)', [ROTATION_LOCK]);
      const current = await trx<SigningKeyRow>('signing_keys').whereNull('retired_at').first();
      if (current && expectedKid !== undefined && current.kid !== expectedKid) return current;
      if (current) await trx('signing_keys').where({ kid: current.kid }).update({ retired_at: this.now() });
      const [row] = await trx<SigningKeyRow>('signing_keys')
        .insert({ kid, algorithm: SIGNING_ALGORITHM, public_jwk: publicJwk, private_jwk: privateJwk, created_at: this.now() })
        .returning('*');
      return row!;
    });
  }

  /** Public keys that may still have valid tokens out there: the JWKS. */
  async publishedKeys(): Promise<JWK[]> {
    const rows = await this.db<SigningKeyRow>('signing_keys')
      .where((q) => q.whereNull('retired_at').orWhere('retired_at', '>', this.publishedSince()))
      .orderBy('created_at', 'desc');
    return rows.map((r) => r.public_jwk);
  }

  /** The public key `kid` if it is still published, for verification. */
  async verificationKey(kid: string): Promise<CryptoKey | undefined> {
    const row = await this.db<SigningKeyRow>('signing_keys')
      .where({ kid })
      .where((q) => q.whereNull('retired_at').orWhere('retired_at', '>', this.publishedSince()))
      .first();
    return row ? this.importKey(`public:${kid}`, row.public_jwk) : undefined;
  }

  private publishedSince(): Date {
    return new Date(this.now().getTime() - (this.settings.accessTokenTtlSeconds + CLOCK_SKEW_SECONDS) * 1000);
  }

  private isDue(row: SigningKeyRow): boolean {
    if (this.settings.rotationSeconds === 0) return false;
    return this.now().getTime() - row.created_at.getTime() >= this.settings.rotationSeconds * 1000;
  }

  private importKey(cacheKey: string, jwk: JWK): Promise<CryptoKey> {
    let key = this.imported.get(cacheKey);
    if (!key) {
      key = importJWK(jwk, SIGNING_ALGORITHM) as Promise<CryptoKey>;
      this.imported.set(cacheKey, key);
    }
    return key;
  }
}
