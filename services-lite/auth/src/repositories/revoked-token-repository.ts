// Access-token ids revoked before they expire (logout, password change); /introspect refuses them.
import type { Knex } from 'knex';

export class RevokedTokenRepository {
  constructor(private readonly db: Knex) {}

  async revoke(jti: string, expiresAt: Date, trx: Knex = this.db): Promise<void> {
    await trx('revoked_access_tokens').insert({ jti, expires_at: expiresAt }).onConflict('jti').ignore();
  }

  async isRevoked(jti: string): Promise<boolean> {
    return (await this.db('revoked_access_tokens').where({ jti }).first('jti')) !== undefined;
  }
}
