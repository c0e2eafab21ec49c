// Marketing opt-ins per customer and channel, in PostgreSQL.
import { inject, injectable } from 'inversify';
import type { Knex } from '@ecommerce/common/db';
import { knexTransaction, type Transaction } from '@ecommerce/common/events';
import type { Channel } from '../biz/channel.js';
import type { PreferenceRepository } from '../biz/ports.js';
import { TOKENS } from '../tokens.js';

@injectable()
export class KnexPreferenceRepository implements PreferenceRepository {
  constructor(@inject(TOKENS.Database) private readonly db: Knex) {}

  async marketingOptIns(customerId: string, tx?: Transaction): Promise<Partial<Record<Channel, boolean>>> {
    const db = tx ? knexTransaction(tx) : this.db;
    const rows = await db('channel_preferences').where({ customer_id: customerId }).select<Array<{ channel: Channel; marketing_opt_in: boolean }>>('channel', 'marketing_opt_in');
    return Object.fromEntries(rows.map((row) => [row.channel, row.marketing_opt_in]));
  }

  async setMarketingOptIn(tx: Transaction, customerId: string, channel: Channel, optIn: boolean): Promise<void> {
    const db = knexTransaction(tx);
    await db('channel_preferences')
      .insert({ customer_id: customerId, channel, marketing_opt_in: optIn })
      .onConflict(['customer_id', 'channel'])
      .merge({ marketing_opt_in: optIn, updated_at: db.fn.now() });
  }
}
