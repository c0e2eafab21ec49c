// Provider webhook event ids already applied; the primary key (provider, event id) makes a redelivery a no-op.
import { injectable } from 'inversify';
import { knexTransaction, type Transaction } from '@ecommerce/common/events';
import type { WebhookEventRepository } from '../biz/ports.js';

@injectable()
export class KnexWebhookEventRepository implements WebhookEventRepository {
  async markApplied(tx: Transaction, event: { provider: string; eventId: string; eventType: string; paymentId: string | null }): Promise<boolean> {
    const inserted = await knexTransaction(tx)('payment_webhook_events')
      .insert({ provider: event.provider, event_id: event.eventId, event_type: event.eventType, payment_id: event.paymentId })
      .onConflict(['provider', 'event_id'])
      .ignore()
      .returning('event_id');
    return inserted.length > 0;
  }
}
