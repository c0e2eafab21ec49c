// Notifications in PostgreSQL: idempotent insert on (event, template, channel), the dispatcher's claim of due rows
// (FOR UPDATE SKIP LOCKED, so concurrent dispatchers never take the same one), outcomes and staff's reads.
import { inject, injectable } from 'inversify';
import type { Knex } from '@ecommerce/common/db';
import { NotFoundError } from '@ecommerce/common/errors';
import { knexTransaction, type Transaction } from '@ecommerce/common/events';
import type { NewNotification, Notification } from '../biz/notification.js';
import type { NotificationFilter, NotificationRepository } from '../biz/ports.js';
import { TOKENS } from '../tokens.js';
import { NOTIFICATION_COLUMNS, toNotification, type NotificationRow } from './notification-rows.js';

@injectable()
export class KnexNotificationRepository implements NotificationRepository {
  constructor(@inject(TOKENS.Database) private readonly db: Knex) {}

  async insertIfAbsent(tx: Transaction, n: NewNotification & { status: 'pending' | 'failed'; lastError?: string }): Promise<Notification | undefined> {
    const [row] = await knexTransaction(tx)('notifications')
      .insert({
        event_id: n.eventId,
        event_type: n.eventType,
        template: n.template,
        channel: n.channel,
        locale: n.locale,
        recipient_customer_id: n.recipientCustomerId,
        recipient_address: n.recipientAddress,
        data: JSON.stringify(n.data),
        status: n.status,
        next_attempt_at: n.status === 'pending' ? n.nextAttemptAt : null,
        last_error: n.lastError ?? null,
        resend_of: n.resendOf ?? null,
      })
      .onConflict(['event_id', 'template', 'channel'])
      .ignore()
      .returning<NotificationRow[]>([...NOTIFICATION_COLUMNS]);
    return row ? toNotification(row) : undefined;
  }

  async claimDue(tx: Transaction, now: Date): Promise<Notification | undefined> {
    const row = await knexTransaction(tx)('notifications')
      .where({ status: 'pending' })
      .where('next_attempt_at', '<=', now)
      .orderBy('next_attempt_at')
      .forUpdate()
      .skipLocked()
      .first<NotificationRow | undefined>(...NOTIFICATION_COLUMNS);
    return row ? toNotification(row) : undefined;
  }

  async setAddress(tx: Transaction, id: string, address: string): Promise<Notification> {
    return this.update(tx, id, { recipient_address: address });
  }

  async markSent(tx: Transaction, id: string, result: { attempts: number; providerMessageId: string; at: Date }): Promise<Notification> {
    return this.update(tx, id, {
      status: 'sent', attempts: result.attempts, provider_message_id: result.providerMessageId, sent_at: result.at, updated_at: result.at, next_attempt_at: null, last_error: null,
    });
  }

  async markAttemptFailed(tx: Transaction, id: string, result: { attempts: number; error: string; at: Date; nextAttemptAt: Date | null }): Promise<Notification> {
    return this.update(tx, id, {
      status: result.nextAttemptAt ? 'pending' : 'failed', attempts: result.attempts, last_error: result.error.slice(0, 2000), updated_at: result.at, next_attempt_at: result.nextAttemptAt,
    });
  }

  async get(id: string, tx?: Transaction): Promise<Notification> {
    const db = tx ? knexTransaction(tx) : this.db;
    const row = await db('notifications').where({ id }).first<NotificationRow | undefined>(...NOTIFICATION_COLUMNS);
    if (!row) throw new NotFoundError('notification', id);
    return toNotification(row);
  }

  async list(filter: NotificationFilter, page: { page: number; pageSize: number }): Promise<{ notifications: Notification[]; total: number }> {
    const query = this.db('notifications').where((q) => {
      if (filter.recipientCustomerId) q.where('recipient_customer_id', filter.recipientCustomerId);
      if (filter.recipientAddress) q.whereRaw('lower(recipient_address) = lower(?)', [filter.recipientAddress]);
      if (filter.status) q.where('status', filter.status);
      if (filter.template) q.where('template', filter.template);
    });
    const [rows, counted] = await Promise.all([
      query.clone().orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }]).offset((page.page - 1) * page.pageSize).limit(page.pageSize).select<NotificationRow[]>(...NOTIFICATION_COLUMNS),
      query.clone().count<Array<{ count: string }>>({ count: '*' }),
    ]);
    return { notifications: rows.map(toNotification), total: Number(counted[0]?.count ?? 0) };
  }

  private async update(tx: Transaction, id: string, changes: Record<string, unknown>): Promise<Notification> {
    const [row] = await knexTransaction(tx)('notifications').where({ id }).update(changes).returning<NotificationRow[]>([...NOTIFICATION_COLUMNS]);
    if (!row) throw new NotFoundError('notification', id);
    return toNotification(row);
  }
}
