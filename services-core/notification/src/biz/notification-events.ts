// The integration events that announce a notification's outcome (notification.notification.sent / .failed).
import type { Notification } from './notification.js';
import type { NotificationEvents } from './ports.js';

export function announceOutcome(events: NotificationEvents, notification: Notification): void {
  if (notification.status === 'pending') return;
  const snapshot = {
    id: notification.id,
    eventId: notification.eventId,
    eventType: notification.eventType,
    template: notification.template,
    channel: notification.channel,
    recipientCustomerId: notification.recipientCustomerId ?? '',
    attempts: notification.attempts,
    providerMessageId: notification.providerMessageId ?? '',
    lastError: notification.lastError ?? '',
    updateTime: notification.updatedAt,
  };
  if (notification.status === 'sent') events.record('notification.notification.sent', { subject: notification.id, data: { notification: snapshot } });
  else events.record('notification.notification.failed', { subject: notification.id, data: { notification: snapshot } });
}
