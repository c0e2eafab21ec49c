// Checkout usage in PostgreSQL. Every counter is raised by ONE conditional UPDATE (`... WHERE limit = 0 OR
// uses + n <= limit`): the row lock it takes makes a concurrent checkout wait, then re-check the condition on the
// committed value, so no interleaving counts past a limit.
import { inject, injectable } from 'inversify';
import type { Knex } from '@ecommerce/common/db';
import { knexTransaction, type Transaction } from '@ecommerce/common/events';
import type { UsageRepository, UsageScope } from '../biz/ports.js';
import type { UsageLine, UsageReservation, UsageStatus } from '../biz/usage.js';
import { TOKENS } from '../tokens.js';

interface ReservationRow {
  reference: string;
  customer_id: string;
  status: UsageStatus;
}

interface LineRow {
  promotion_id: string;
  campaign_id: string | null;
  code: string | null;
  amount_minor: number;
}

@injectable()
export class KnexUsageRepository implements UsageRepository {
  constructor(@inject(TOKENS.Database) private readonly db: Knex) {}

  async insertReservation(tx: Transaction, reference: string, customerId: string): Promise<boolean> {
    const rows = await knexTransaction(tx)('usage_reservations')
      .insert({ reference, customer_id: customerId, status: 'reserved' })
      .onConflict('reference')
      .ignore()
      .returning('reference');
    return rows.length > 0;
  }

  async insertLines(tx: Transaction, reference: string, lines: UsageLine[]): Promise<void> {
    if (lines.length === 0) return;
    await knexTransaction(tx)('usage_lines').insert(
      lines.map((l, position) => ({ reference, position, promotion_id: l.promotionId, campaign_id: l.campaignId, code: l.code || null, amount_minor: l.amountMinor })),
    );
  }

  async lockReservation(tx: Transaction, reference: string): Promise<UsageReservation | undefined> {
    const trx = knexTransaction(tx);
    const row = await trx('usage_reservations').where({ reference }).forUpdate().first<ReservationRow | undefined>();
    if (!row) return undefined;
    const lines = await trx('usage_lines').where({ reference }).orderBy('position').select<LineRow[]>('promotion_id', 'campaign_id', 'code', 'amount_minor');
    return {
      reference,
      customerId: row.customer_id,
      status: row.status,
      lines: lines.map((l) => ({ promotionId: l.promotion_id, campaignId: l.campaign_id, code: l.code ?? '', amountMinor: l.amount_minor })),
    };
  }

  async setStatus(tx: Transaction, reference: string, status: UsageStatus): Promise<void> {
    const trx = knexTransaction(tx);
    await trx('usage_reservations').where({ reference }).update({ status, updated_at: trx.fn.now() });
  }

  async changeCodeUses(tx: Transaction, code: string, delta: number): Promise<boolean> {
    const trx = knexTransaction(tx);
    const updated = await trx('promotion_codes')
      .where({ code })
      .andWhereRaw('(? < 0 OR usage_limit = 0 OR uses + ? <= usage_limit)', [delta, delta])
      .update({ uses: trx.raw('uses + ?', [delta]) });
    return updated > 0;
  }

  async changePromotionUses(tx: Transaction, id: string, delta: number): Promise<boolean> {
    const trx = knexTransaction(tx);
    const updated = await trx('promotions')
      .where({ id })
      .andWhereRaw('(? < 0 OR usage_limit = 0 OR uses + ? <= usage_limit)', [delta, delta])
      .update({ uses: trx.raw('uses + ?', [delta]) });
    return updated > 0;
  }

  async changeCampaignUsage(tx: Transaction, id: string, uses: number, amountMinor: number): Promise<boolean> {
    const trx = knexTransaction(tx);
    const updated = await trx('campaigns')
      .where({ id })
      .andWhereRaw('(? < 0 OR budget_uses = 0 OR uses + ? <= budget_uses)', [uses, uses])
      .andWhereRaw('(?::bigint <= 0 OR budget_amount_minor = 0 OR amount_used_minor + ?::bigint <= budget_amount_minor)', [amountMinor, amountMinor])
      .update({ uses: trx.raw('uses + ?', [uses]), amount_used_minor: trx.raw('amount_used_minor + ?::bigint', [amountMinor]) });
    return updated > 0;
  }

  async changeCustomerUses(tx: Transaction, scope: UsageScope, id: string, customerId: string, delta: number, limit: number): Promise<boolean> {
    const trx = knexTransaction(tx);
    if (delta < 0) {
      await trx('customer_usage').where({ scope, scope_id: id, customer_id: customerId }).update({ uses: trx.raw('uses + ?', [delta]) });
      return true;
    }
    if (limit > 0 && delta > limit) return false;
    // Insert-or-raise in one statement: a concurrent first use by the same customer waits on the key, then takes
    // the update branch and re-checks the limit against the committed count.
    const { rows } = await trx.raw<{ rows: unknown[] }>(
      `INSERT INTO customer_usage (scope, scope_id, customer_id, uses) VALUES (?, ?, ?, ?)
       ON CONFLICT (scope, scope_id, customer_id) DO UPDATE SET uses = customer_usage.uses + EXCLUDED.uses
       WHERE ?::int = 0 OR customer_usage.uses + EXCLUDED.uses <= ?::int
       RETURNING uses`,
      [scope, id, customerId, delta, limit, limit],
    );
    return rows.length > 0;
  }

  async customerUses(customerId: string, promotionIds: string[], campaignIds: string[]): Promise<{ promotions: Map<string, number>; campaigns: Map<string, number> }> {
    const promotions = new Map<string, number>();
    const campaigns = new Map<string, number>();
    if (promotionIds.length + campaignIds.length === 0) return { promotions, campaigns };
    const rows = await this.db('customer_usage')
      .where({ customer_id: customerId })
      .andWhere((q) => q.where((w) => w.where('scope', 'promotion').whereIn('scope_id', promotionIds)).orWhere((w) => w.where('scope', 'campaign').whereIn('scope_id', campaignIds)))
      .select<{ scope: UsageScope; scope_id: string; uses: number }[]>('scope', 'scope_id', 'uses');
    for (const r of rows) (r.scope === 'promotion' ? promotions : campaigns).set(r.scope_id, r.uses);
    return { promotions, campaigns };
  }
}
