// Turning an event into pending notifications, one per channel of its template: decides the recipient's address
// and locale, honours marketing preferences, and records them idempotently (a redelivered event adds nothing).
// Sending happens later, outside the event's transaction, in DispatchNotificationsUseCase.
import { inject, injectable } from 'inversify';
import type { Transaction } from '@ecommerce/common/events';
import type { Channel } from './channel.js';
import { isEmailAddress } from './email-address.js';
import type { Notification } from './notification.js';
import { CLOCK, CONTACT_REPOSITORY, NOTIFICATION_REPOSITORY, PREFERENCE_REPOSITORY, TEMPLATE_RENDERER } from './ports.js';
import type { Clock, Contact, ContactRepository, NotificationEvents, NotificationRepository, PreferenceRepository, TemplateRenderer } from './ports.js';
import { announceOutcome } from './notification-events.js';
import { DEFAULT_LOCALE, TEMPLATE_CATALOG, type TemplateName } from './template-catalog.js';

export interface NotificationRequest {
  eventId: string;
  eventType: string;
  template: TemplateName;
  /** The customer it is for (empty for a staff member); `email` overrides the directory's address. */
  customerId: string;
  email?: string;
  /** The template's data: the event's payload with every field present. */
  data: Record<string, unknown>;
}

@injectable()
export class RequestNotificationsUseCase {
  constructor(
    @inject(CONTACT_REPOSITORY) private readonly contacts: ContactRepository,
    @inject(PREFERENCE_REPOSITORY) private readonly preferences: PreferenceRepository,
    @inject(NOTIFICATION_REPOSITORY) private readonly notifications: NotificationRepository,
    @inject(TEMPLATE_RENDERER) private readonly renderer: TemplateRenderer,
    @inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The notifications recorded now (none when the event was seen before or nobody is to be told). */
  async execute(tx: Transaction, events: NotificationEvents, request: NotificationRequest): Promise<Notification[]> {
    const spec = TEMPLATE_CATALOG[request.template];
    const contact = request.customerId ? await this.contacts.find(request.customerId, tx) : undefined;
    if (contact?.deleted) return []; // an erased customer is told nothing
    const optIns = spec.category === 'marketing' && request.customerId ? await this.preferences.marketingOptIns(request.customerId, tx) : {};
    const locale = contact?.locale ?? DEFAULT_LOCALE;
    const recorded: Notification[] = [];
    for (const channel of spec.channels) {
      if (spec.category === 'marketing' && optIns[channel] !== true) continue;
      const address = addressFor(channel, request, contact);
      // SMS and push are extras: without a number or an account they are not attempted. Email is the channel of
      // record: a customer's address may still be on its way (customer events travel on their own topic), so the
      // dispatcher looks it up again when it sends; with nobody to ask (a guest) it fails at once, visibly.
      if (!address && channel !== 'email') continue;
      const problem = !address && !request.customerId
        ? 'no email address: the event names no customer'
        : address && channel === 'email' && !isEmailAddress(address)
          ? `malformed email address ${JSON.stringify(address.slice(0, 100))}`
          : this.renderProblem(request, channel, locale);
      const notification = await this.notifications.insertIfAbsent(tx, {
        eventId: request.eventId,
        eventType: request.eventType,
        template: request.template,
        channel,
        locale,
        recipientCustomerId: request.customerId || null,
        recipientAddress: address ?? '',
        data: request.data,
        nextAttemptAt: this.clock.now(),
        ...(problem ? { status: 'failed' as const, lastError: problem } : { status: 'pending' as const }),
      });
      if (!notification) continue;
      announceOutcome(events, notification);
      recorded.push(notification);
    }
    return recorded;
  }

  /** A template that cannot render with its event's data fails now, visibly, rather than on every retry. */
  private renderProblem(request: NotificationRequest, channel: Channel, locale: string): string | undefined {
    try {
      this.renderer.render(request.template, channel, locale, request.data);
      return undefined;
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    }
  }
}

function addressFor(channel: Channel, request: NotificationRequest, contact: Contact | undefined): string | undefined {
  switch (channel) {
    case 'email':
      return request.email || contact?.email || undefined;
    case 'sms':
      return contact?.phone || undefined;
    case 'push':
      // Push targets the customer's signed-in devices, addressed by the customer id.
      return request.customerId && contact ? request.customerId : undefined;
  }
}
