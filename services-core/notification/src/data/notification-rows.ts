// The notifications table's row and its mapping to the domain's Notification.
import type { Channel } from '../biz/channel.js';
import type { Notification, NotificationStatus } from '../biz/notification.js';
import type { TemplateName } from '../biz/template-catalog.js';

export interface NotificationRow {
  id: string;
  event_id: string;
  event_type: string;
  template: string;
  channel: string;
  locale: string;
  recipient_customer_id: string | null;
  recipient_address: string;
  data: Record<string, unknown>;
  status: string;
  attempts: number;
  next_attempt_at: Date | null;
  provider_message_id: string | null;
  last_error: string | null;
  resend_of: string | null;
  created_at: Date;
  updated_at: Date;
  sent_at: Date | null;
}

export const NOTIFICATION_COLUMNS = [
  'id', 'event_id', 'event_type', 'template', 'channel', 'locale', 'recipient_customer_id', 'recipient_address', 'data', 'status',
  'attempts', 'next_attempt_at', 'provider_message_id', 'last_error', 'resend_of', 'created_at', 'updated_at', 'sent_at',
] as const;

export function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    eventId: row.event_id,
    eventType: row.event_type,
    // The table's CHECK and the writers keep these within the domain's sets.
    template: row.template as TemplateName,
    channel: row.channel as Channel,
    locale: row.locale,
    recipientCustomerId: row.recipient_customer_id,
    recipientAddress: row.recipient_address,
    data: row.data,
    status: row.status as NotificationStatus,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    providerMessageId: row.provider_message_id,
    lastError: row.last_error,
    resendOf: row.resend_of,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    sentAt: row.sent_at,
  };
}
