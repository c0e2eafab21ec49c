// Provider webhook event ids already applied; the primary key (provider, event id) makes a redelivery a no-op.
import { inject, injectable } from 'inversify';
import type { Knex } from '@ecommerce/common/db';
import { knexTransaction, type Transaction } from '@ecommerce/common/events';
import type { WebhookEventRepository } from '../biz/ports.js';
import { TOKENS } from '../tokens.js';

/** Far beyond any provider's redelivery window (Stripe retries for 3 days); a later redelivery still changes nothing (running totals). */
export const WEBHOOK_EVENT_RETENTION_MS = 30 * 24 * 3_600_000;

@injectable()
export class KnexWebhookEventRepository implements WebhookEventRepository {
  constructor(@inject(TOKENS.Database) private readonly db: Knex) {}

  /** Forgets event ids received before the retention; housekeeping calls it. Answers how many. */
  prune(retentionMs = WEBHOOK_EVENT_RETENTION_MS): Promise<number> {
    return this.db('payment_webhook_events').where('received_at', '<', new Date(Date.now() - retentionMs)).delete();
  }

  async markApplied(tx: Transaction, event: { provider: string; eventId: string; eventType: string; paymentId: string | null }): Promise<boolean> {
    const inserted = await knexTransaction(tx)('payment_webhook_events')
      .insert({ provider: event.provider, event_id: event.eventId, event_type: event.eventType, payment_id: event.paymentId })
      .onConflict(['provider', 'event_id'])
      .ignore()
      .returning('event_id');
    return inserted.length > 0;
  }
}
