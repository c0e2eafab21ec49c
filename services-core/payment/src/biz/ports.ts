// What the use cases need: storage behind an interface, the providers, the clock, and the unit of work in which a
// use case's writes and the events it decides commit together. data/ and providers/ implement these.
import type { EmittableBy, EventRecorder, Transaction, UnitOfWork } from '@ecommerce/common/events';
import type { EventCatalog } from '@ecommerce/proto/event-catalog';
import type { Payment, PaymentChange } from './payment.js';
import type { PaymentProvider } from './provider.js';
import type { NewTransaction, PaymentTransaction } from './transaction.js';

export interface NewPayment {
  orderId: string;
  customerId: string;
  provider: string;
  idempotencyKey: string;
  requestHash: string;
  currency: string;
  amountMinor: number;
}

export interface PaymentRepository {
  /** Inserts the payment unless (provider, idempotency key) exists; answers the stored one either way. */
  insertOrGet(tx: Transaction, payment: NewPayment): Promise<Payment>;
  /** Reads and row-locks the payment until the transaction ends (the one way to change it). */
  lock(tx: Transaction, id: string): Promise<Payment | undefined>;
  lockByProviderReference(tx: Transaction, provider: string, reference: string): Promise<Payment | undefined>;
  update(tx: Transaction, id: string, change: PaymentChange): Promise<Payment>;
  get(id: string): Promise<Payment | undefined>;
  listByOrder(orderId: string): Promise<Payment[]>;
}

export interface TransactionRepository {
  record(tx: Transaction, transaction: NewTransaction): Promise<PaymentTransaction>;
  /** The answered call made with this key (any payment), for replays. */
  findByKey(tx: Transaction, provider: string, idempotencyKey: string): Promise<PaymentTransaction | undefined>;
  listByPayments(paymentIds: string[]): Promise<PaymentTransaction[]>;
}

export interface WebhookEventRepository {
  /** Records the event id; false when it was already recorded (a redelivery). */
  markApplied(tx: Transaction, event: { provider: string; eventId: string; eventType: string; paymentId: string | null }): Promise<boolean>;
}

export interface PaymentProviders {
  defaultName: string;
  /** The provider named, or undefined when it is not configured. */
  get(name: string): PaymentProvider | undefined;
  names(): string[];
  /** How long a call may take before the service stops waiting. */
  timeoutMs: number;
}

export interface Clock {
  now(): Date;
}

/** The service may emit its own event types only (`payment.*`). */
export type PaymentEventType = EmittableBy<EventCatalog, 'payment'>;
export type PaymentUnitOfWork = UnitOfWork<EventCatalog, PaymentEventType>;
export type PaymentEvents = EventRecorder<EventCatalog, PaymentEventType>;

export const PAYMENT_REPOSITORY = Symbol.for('payment.PaymentRepository');
export const TRANSACTION_REPOSITORY = Symbol.for('payment.TransactionRepository');
export const WEBHOOK_EVENT_REPOSITORY = Symbol.for('payment.WebhookEventRepository');
export const PAYMENT_PROVIDERS = Symbol.for('payment.PaymentProviders');
export const CLOCK = Symbol.for('payment.Clock');
export const UNIT_OF_WORK = Symbol.for('payment.UnitOfWork');
