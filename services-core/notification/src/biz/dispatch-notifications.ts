// Sending what is due, one notification per transaction: the row stays locked while its provider is called, so
// two dispatchers never send the same one, and its outcome (sent, retry later, failed) commits with the event
// that announces it. This runs apart from the consumer: an event is acknowledged once its notifications are
// recorded, and a slow or failing mail server delays only the mail.
import { inject, injectable } from 'inversify';
import type { Transaction } from '@ecommerce/common/events';
import { isEmailAddress } from './email-address.js';
import { afterFailedAttempt, DeliveryError, type Notification, type RetryPolicy } from './notification.js';
import { announceOutcome } from './notification-events.js';
import { CHANNEL_PROVIDERS, CLOCK, CONTACT_REPOSITORY, NOTIFICATION_REPOSITORY, RETRY_POLICY, TEMPLATE_RENDERER, UNIT_OF_WORK } from './ports.js';
import type { ChannelProviders, Clock, ContactRepository, NotificationRepository, NotificationUnitOfWork, TemplateRenderer } from './ports.js';

/** A round stops after this many so that a flood of notifications cannot hold the loop forever. */
const ROUND_LIMIT = 500;

@injectable()
export class DispatchNotificationsUseCase {
  constructor(
    @inject(NOTIFICATION_REPOSITORY) private readonly notifications: NotificationRepository,
    @inject(CONTACT_REPOSITORY) private readonly contacts: ContactRepository,
    @inject(CHANNEL_PROVIDERS) private readonly providers: ChannelProviders,
    @inject(TEMPLATE_RENDERER) private readonly renderer: TemplateRenderer,
    @inject(RETRY_POLICY) private readonly retry: RetryPolicy,
    @inject(CLOCK) private readonly clock: Clock,
    @inject(UNIT_OF_WORK) private readonly uow: NotificationUnitOfWork,
  ) {}

  /** Attempts every notification due now; returns how many were attempted. */
  async dispatchDue(): Promise<number> {
    let attempted = 0;
    while (attempted < ROUND_LIMIT && (await this.dispatchOne())) attempted += 1;
    return attempted;
  }

  private dispatchOne(): Promise<boolean> {
    return this.uow.run(async (tx, events) => {
      const claimed = await this.notifications.claimDue(tx, this.clock.now());
      if (!claimed) return false;
      const due = claimed.recipientAddress ? claimed : await this.addressed(tx, claimed);
      const attempts = due.attempts + 1;
      let outcome: Notification;
      try {
        const { providerMessageId } = await this.providers[due.channel].send(this.messageOf(due));
        outcome = await this.notifications.markSent(tx, due.id, { attempts, providerMessageId, at: this.clock.now() });
      } catch (err) {
        const permanent = err instanceof DeliveryError && err.permanent;
        const now = this.clock.now();
        const next = afterFailedAttempt(this.retry, attempts, permanent, now);
        const error = err instanceof Error ? err.message : String(err);
        outcome = await this.notifications.markAttemptFailed(tx, due.id, { attempts, error, at: now, nextAttemptAt: next.status === 'pending' ? next.nextAttemptAt : null });
      }
      announceOutcome(events, outcome);
      return true;
    });
  }

  /** An email recorded before its customer's address was known gets it now, if it has arrived since. */
  private async addressed(tx: Transaction, notification: Notification): Promise<Notification> {
    const contact = notification.recipientCustomerId ? await this.contacts.find(notification.recipientCustomerId, tx) : undefined;
    const address = contact && !contact.deleted ? contact.email : null;
    return address ? this.notifications.setAddress(tx, notification.id, address) : notification;
  }

  private messageOf(notification: Notification) {
    if (!notification.recipientAddress) throw new DeliveryError(`no email address is known (yet) for customer ${notification.recipientCustomerId}`, false);
    if (notification.channel === 'email' && !isEmailAddress(notification.recipientAddress)) throw new DeliveryError('malformed email address', true);
    // A template that stopped rendering (edited since the notification was made) is a permanent failure.
    let rendered;
    try {
      rendered = this.renderer.render(notification.template, notification.channel, notification.locale, notification.data);
    } catch (err) {
      throw new DeliveryError(err instanceof Error ? err.message : String(err), true);
    }
    return { notificationId: notification.id, to: notification.recipientAddress, subject: rendered.subject, body: rendered.body };
  }
}
