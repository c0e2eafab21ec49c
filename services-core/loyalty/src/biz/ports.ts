// What the use cases need: storage behind interfaces, the clock, the rules, and the unit of work in which a use
// case's writes and the events it decides commit together. data/ implements these; tests may bind others.
// Every write takes the unit of work's transaction; an account's changes are serialised by locking its row.
import type { EmittableBy, EventRecorder, Transaction, UnitOfWork } from '@ecommerce/common/events';
import type { EventCatalog } from '@ecommerce/proto/event-catalog';
import type { Account, LedgerEntry, NewLedgerEntry, Redemption, RedemptionStatus } from './account.js';
import type { LotTake, OpenLot } from './fifo.js';

export interface AccountRepository {
  /** Inserts the account unless it exists; `created` tells which. */
  ensure(tx: Transaction, customerId: string, referralCode: string, now: Date): Promise<{ account: Account; created: boolean }>;
  /** The account locked for the rest of the transaction (SELECT ... FOR UPDATE), or undefined. */
  lock(tx: Transaction, customerId: string): Promise<Account | undefined>;
  find(customerId: string): Promise<Account | undefined>;
  findByReferralCode(code: string): Promise<Account | undefined>;
  setBalance(tx: Transaction, customerId: string, balance: number): Promise<void>;
  setReferredBy(tx: Transaction, customerId: string, referrerId: string): Promise<void>;
}

export interface LedgerPage {
  entries: LedgerEntry[];
  total: number;
}

export interface LedgerRepository {
  insert(tx: Transaction, entry: NewLedgerEntry): Promise<LedgerEntry>;
  findByDedupeKey(tx: Transaction, customerId: string, dedupeKey: string): Promise<LedgerEntry | undefined>;
  /** Entries that undo `entryId` (their points summed, signed). */
  reversedPoints(tx: Transaction, entryId: string): Promise<number>;
  /** Whether the customer has any order earning before now. */
  hasOrderEarning(tx: Transaction, customerId: string): Promise<boolean>;
  list(customerId: string, page: { page: number; pageSize: number }): Promise<LedgerPage>;
}

export interface LotRepository {
  open(tx: Transaction, lot: { customerId: string; entryId: string; points: number; earnedAt: Date; expiresAt: Date }): Promise<void>;
  /** Open lots, locked, oldest first; `firstFromEntry`'s lot (a refunded order's own earning) leads when given. */
  lockOpen(tx: Transaction, customerId: string, options?: { dueBy?: Date; firstFromEntry?: string }): Promise<OpenLot[]>;
  /** Lowers each lot's remaining points and records what `entryId` took from which lot. */
  consume(tx: Transaction, entryId: string, takes: LotTake[]): Promise<void>;
  /** Gives back what `entryId` took, to the same lots; returns the takes. */
  restore(tx: Transaction, entryId: string): Promise<LotTake[]>;
  /** Points in lots expiring before `until`, and the next expiry. */
  expiring(customerId: string, until: Date): Promise<{ points: number; nextExpiresAt: Date | undefined }>;
  /** Customers with lots due at `now`, at most `limit`. */
  customersWithDueLots(now: Date, limit: number): Promise<string[]>;
}

export interface RedemptionRepository {
  find(tx: Transaction | undefined, reference: string): Promise<Redemption | undefined>;
  insert(tx: Transaction, redemption: Redemption, now: Date): Promise<void>;
  /** Marks `reference` released before anything was reserved; false when a redemption holds it (maybe one not committed yet). */
  insertReleased(tx: Transaction, reference: string, now: Date): Promise<boolean>;
  setStatus(tx: Transaction, reference: string, status: RedemptionStatus, now: Date): Promise<void>;
}

export interface SpendRepository {
  /** False when `dedupeKey` was recorded already. */
  record(tx: Transaction, spend: { customerId: string; orderId: string; amountMinor: number; dedupeKey: string; occurredAt: Date }): Promise<boolean>;
  sumSince(customerId: string, since: Date, tx?: Transaction): Promise<number>;
}

export interface Clock {
  now(): Date;
}

/** The service may emit its own event types only (`loyalty.*`). */
export type LoyaltyEventType = EmittableBy<EventCatalog, 'loyalty'>;
export type LoyaltyUnitOfWork = UnitOfWork<EventCatalog, LoyaltyEventType>;
export type LoyaltyEvents = EventRecorder<EventCatalog, LoyaltyEventType>;

export const ACCOUNT_REPOSITORY = Symbol.for('loyalty.AccountRepository');
export const LEDGER_REPOSITORY = Symbol.for('loyalty.LedgerRepository');
export const LOT_REPOSITORY = Symbol.for('loyalty.LotRepository');
export const REDEMPTION_REPOSITORY = Symbol.for('loyalty.RedemptionRepository');
export const SPEND_REPOSITORY = Symbol.for('loyalty.SpendRepository');
export const UNIT_OF_WORK = Symbol.for('loyalty.UnitOfWork');
export const CLOCK = Symbol.for('loyalty.Clock');
export const RULES = Symbol.for('loyalty.Rules');
