// What the use cases need: storage behind interfaces, the channel providers, the template renderer, the clock, and
// the unit of work in which a use case's writes and the events it decides commit together. data/, providers/ and
// templates/ implement these; tests may bind others.
import type { EmittableBy, EventRecorder, Transaction, UnitOfWork } from '@ecommerce/common/events';
import type { EventCatalog } from '@ecommerce/proto/event-catalog';
import type { Channel } from './channel.js';
import type { NewNotification, Notification, NotificationStatus } from './notification.js';
import type { TemplateName } from './template-catalog.js';

export interface Contact {
  customerId: string;
  email: string | null;
  phone: string | null;
  locale: string;
  deleted: boolean;
}

export interface ContactRepository {
  /** Creates or refreshes what is known of the customer; only the given fields change. */
  upsert(tx: Transaction, customerId: string, fields: { email?: string; phone?: string; locale?: string }): Promise<void>;
  /** Forgets the customer's addresses for good (erasure); later events cannot bring them back. */
  erase(tx: Transaction, customerId: string): Promise<void>;
  find(customerId: string, tx?: Transaction): Promise<Contact | undefined>;
  rememberOrder(tx: Transaction, orderId: string, customerId: string): Promise<void>;
  customerOfOrder(tx: Transaction, orderId: string): Promise<string | undefined>;
}

export interface PreferenceRepository {
  /** Marketing opt-in per channel; channels never set are absent (opted out). */
  marketingOptIns(customerId: string, tx?: Transaction): Promise<Partial<Record<Channel, boolean>>>;
  setMarketingOptIn(tx: Transaction, customerId: string, channel: Channel, optIn: boolean): Promise<void>;
}

export interface NotificationFilter {
  recipientCustomerId?: string;
  recipientAddress?: string;
  status?: NotificationStatus;
  template?: TemplateName;
}

export interface NotificationRepository {
  /** Inserts it unless one for the same event, template and channel exists; undefined then. */
  insertIfAbsent(tx: Transaction, notification: NewNotification & { status: 'pending' | 'failed'; lastError?: string }): Promise<Notification | undefined>;
  /** The oldest due pending notification, locked (others skip it) for the rest of the transaction. */
  claimDue(tx: Transaction, now: Date): Promise<Notification | undefined>;
  setAddress(tx: Transaction, id: string, address: string): Promise<Notification>;
  markSent(tx: Transaction, id: string, result: { attempts: number; providerMessageId: string; at: Date }): Promise<Notification>;
  markAttemptFailed(tx: Transaction, id: string, result: { attempts: number; error: string; at: Date; nextAttemptAt: Date | null }): Promise<Notification>;
  /** Throws NotFoundError. */
  get(id: string, tx?: Transaction): Promise<Notification>;
  list(filter: NotificationFilter, page: { page: number; pageSize: number }): Promise<{ notifications: Notification[]; total: number }>;
}

export interface OutgoingMessage {
  notificationId: string;
  /** Email address, phone number or push target. */
  to: string;
  subject: string;
  body: string;
}

/** One channel's way out. Throws DeliveryError (permanent or not); returns the provider's id of the message. */
export interface ChannelProvider {
  send(message: OutgoingMessage): Promise<{ providerMessageId: string }>;
}

export type ChannelProviders = Record<Channel, ChannelProvider>;

export interface RenderedMessage {
  locale: string;
  subject: string;
  body: string;
}

export interface TemplateRenderer {
  /** Renders strictly: a field the template needs and `data` lacks throws ValidationError naming `field`. */
  render(template: TemplateName, channel: Channel, locale: string, data: Record<string, unknown>, field?: string): RenderedMessage;
}

export interface Clock {
  now(): Date;
}

/** The service may emit its own event types only (`notification.*`). */
export type NotificationEventType = EmittableBy<EventCatalog, 'notification'>;
export type NotificationUnitOfWork = UnitOfWork<EventCatalog, NotificationEventType>;
export type NotificationEvents = EventRecorder<EventCatalog, NotificationEventType>;

export const CONTACT_REPOSITORY = Symbol.for('notification.ContactRepository');
export const PREFERENCE_REPOSITORY = Symbol.for('notification.PreferenceRepository');
export const NOTIFICATION_REPOSITORY = Symbol.for('notification.NotificationRepository');
export const CHANNEL_PROVIDERS = Symbol.for('notification.ChannelProviders');
export const TEMPLATE_RENDERER = Symbol.for('notification.TemplateRenderer');
export const RETRY_POLICY = Symbol.for('notification.RetryPolicy');
export const CLOCK = Symbol.for('notification.Clock');
export const UNIT_OF_WORK = Symbol.for('notification.UnitOfWork');
