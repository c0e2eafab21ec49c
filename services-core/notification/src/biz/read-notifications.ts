// What staff see of notifications (list with filters, one by id), and their Resend: a new record for the same
// template and data, sent to the recipient's address as the directory knows it now.
import { randomUUID } from 'node:crypto';
import { inject, injectable } from 'inversify';
import { ValidationError } from '@ecommerce/common/errors';
import type { Notification } from './notification.js';
import { announceOutcome } from './notification-events.js';
import { CLOCK, CONTACT_REPOSITORY, NOTIFICATION_REPOSITORY, UNIT_OF_WORK } from './ports.js';
import type { Clock, ContactRepository, NotificationFilter, NotificationRepository, NotificationUnitOfWork } from './ports.js';

@injectable()
export class ReadNotificationsUseCase {
  constructor(
    @inject(NOTIFICATION_REPOSITORY) private readonly notifications: NotificationRepository,
    @inject(CONTACT_REPOSITORY) private readonly contacts: ContactRepository,
    @inject(CLOCK) private readonly clock: Clock,
    @inject(UNIT_OF_WORK) private readonly uow: NotificationUnitOfWork,
  ) {}

  get(id: string): Promise<Notification> {
    return this.notifications.get(id);
  }

  list(filter: NotificationFilter, page: { page: number; pageSize: number }): Promise<{ notifications: Notification[]; total: number }> {
    return this.notifications.list(filter, page);
  }

  /** `email` (already validated as an address) replaces an email notification's recipient address. */
  resend(id: string, email?: string): Promise<Notification> {
    return this.uow.run(async (tx, events) => {
      const original = await this.notifications.get(id, tx);
      if (email && original.channel !== 'email') throw new ValidationError([{ field: 'email', message: `must be empty for a ${original.channel} notification` }]);
      const contact = original.recipientCustomerId ? await this.contacts.find(original.recipientCustomerId, tx) : undefined;
      const current = contact && !contact.deleted ? (original.channel === 'email' ? contact.email : original.channel === 'sms' ? contact.phone : original.recipientAddress) : undefined;
      const address = email || current || (contact?.deleted ? '' : original.recipientAddress);
      const resent = await this.notifications.insertIfAbsent(tx, {
        // A resend is its own record: a fresh key, so the unique (event, template, channel) never refuses it.
        eventId: `resend:${randomUUID()}`,
        eventType: original.eventType,
        template: original.template,
        channel: original.channel,
        locale: contact?.locale ?? original.locale,
        recipientCustomerId: original.recipientCustomerId,
        recipientAddress: address,
        data: original.data,
        resendOf: original.id,
        nextAttemptAt: this.clock.now(),
        ...(address ? { status: 'pending' as const } : { status: 'failed' as const, lastError: 'the recipient has no address any more' }),
      });
      announceOutcome(events, resent!);
      return resent!;
    });
  }
}
