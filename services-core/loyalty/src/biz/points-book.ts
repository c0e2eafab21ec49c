// The one way points move: every credit opens a lot, every debit takes from lots oldest first, and each writes
// one ledger entry, the cached balance and a loyalty.account.points_changed event in the caller's transaction.
// Callers hold the account's row lock (openLocked / lockExisting), which serialises an account's changes.
import { randomBytes } from 'node:crypto';
import { inject, injectable } from 'inversify';
import { FailedPreconditionError } from '@ecommerce/common/errors';
import type { Transaction } from '@ecommerce/common/events';
import { referralCodeFrom, REFERRAL_CODE_LENGTH, type Account, type EntryKind, type LedgerEntry } from './account.js';
import { takeOldestFirst } from './fifo.js';
import {
  ACCOUNT_REPOSITORY, CLOCK, LEDGER_REPOSITORY, LOT_REPOSITORY, RULES,
  type AccountRepository, type Clock, type LedgerRepository, type LotRepository, type LoyaltyEvents,
} from './ports.js';
import { DAY_MS, type LoyaltyRules } from './rules.js';

export interface Movement {
  kind: EntryKind;
  /** Positive: how many points to credit or debit. */
  points: number;
  dedupeKey?: string;
  orderId?: string;
  reason?: string;
  reversesEntryId?: string;
}

export interface DebitOptions {
  /** Take what there is instead of refusing when the balance is short (a refund's reversal, expiry). */
  upToBalance?: boolean;
  /** Only lots due by then (expiry). */
  dueBy?: Date;
  /** Take from this entry's lot first (a refunded order's own points). */
  firstFromEntry?: string;
}

/** `entry` is the earlier one when the dedupe key was used already (an event delivered twice). */
export interface Moved {
  entry: LedgerEntry | undefined;
  duplicate: boolean;
}

@injectable()
export class PointsBook {
  constructor(
    @inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
    @inject(LEDGER_REPOSITORY) private readonly ledger: LedgerRepository,
    @inject(LOT_REPOSITORY) private readonly lots: LotRepository,
    @inject(CLOCK) private readonly clock: Clock,
    @inject(RULES) private readonly rules: LoyaltyRules,
  ) {}

  /** The customer's account, locked; opened first when missing (announced by loyalty.account.created). */
  async openLocked(tx: Transaction, events: LoyaltyEvents, customerId: string): Promise<{ account: Account; created: boolean }> {
    const existing = await this.accounts.lock(tx, customerId);
    if (existing) return { account: existing, created: false };
    const { created } = await this.accounts.ensure(tx, customerId, referralCodeFrom(randomBytes(REFERRAL_CODE_LENGTH)), this.clock.now());
    const account = (await this.accounts.lock(tx, customerId))!;
    if (created) {
      events.record('loyalty.account.created', {
        subject: customerId,
        data: { customerId, referralCode: account.referralCode, createTime: account.createdAt },
      });
    }
    return { account, created };
  }

  async credit(tx: Transaction, events: LoyaltyEvents, account: Account, movement: Movement): Promise<Moved> {
    const earlier = await this.earlier(tx, account, movement);
    if (earlier) return { entry: earlier, duplicate: true };
    const now = this.clock.now();
    const entry = await this.write(tx, events, account, movement.points, movement, now);
    await this.lots.open(tx, { customerId: account.customerId, entryId: entry.id, points: movement.points, earnedAt: now, expiresAt: new Date(now.getTime() + this.rules.pointsTtlDays * DAY_MS) });
    return { entry, duplicate: false };
  }

  /** Refuses (FAILED_PRECONDITION naming `points`) a debit the balance does not cover, unless upToBalance. */
  async debit(tx: Transaction, events: LoyaltyEvents, account: Account, movement: Movement, options: DebitOptions = {}): Promise<Moved> {
    const earlier = await this.earlier(tx, account, movement);
    if (earlier) return { entry: earlier, duplicate: true };
    const open = await this.lots.lockOpen(tx, account.customerId, {
      ...(options.dueBy ? { dueBy: options.dueBy } : {}),
      ...(options.firstFromEntry ? { firstFromEntry: options.firstFromEntry } : {}),
    });
    const takes = takeOldestFirst(open, movement.points);
    const taken = takes.reduce((sum, t) => sum + t.points, 0);
    if (taken < movement.points && !options.upToBalance) {
      throw new FailedPreconditionError(`the balance of ${account.balance} points does not cover ${movement.points}`, [
        { field: 'points', message: `exceeds the balance of ${account.balance}` },
      ]);
    }
    if (taken === 0) return { entry: undefined, duplicate: false };
    const entry = await this.write(tx, events, account, -taken, movement, this.clock.now());
    await this.lots.consume(tx, entry.id, takes);
    return { entry, duplicate: false };
  }

  /** Gives back what entry `debitEntryId` took, to the same lots (they keep their expiry), as a `reverse` entry. */
  async restore(tx: Transaction, events: LoyaltyEvents, account: Account, debitEntryId: string, movement: Omit<Movement, 'kind' | 'points'>): Promise<Moved> {
    const earlier = await this.earlier(tx, account, movement);
    if (earlier) return { entry: earlier, duplicate: true };
    const takes = await this.lots.restore(tx, debitEntryId);
    const points = takes.reduce((sum, t) => sum + t.points, 0);
    if (points === 0) return { entry: undefined, duplicate: false };
    const restored = await this.write(tx, events, account, points, { ...movement, kind: 'reverse', points, reversesEntryId: debitEntryId }, this.clock.now());
    return { entry: restored, duplicate: false };
  }

  private earlier(tx: Transaction, account: Account, movement: { dedupeKey?: string }): Promise<LedgerEntry | undefined> {
    return movement.dedupeKey ? this.ledger.findByDedupeKey(tx, account.customerId, movement.dedupeKey) : Promise.resolve(undefined);
  }

  private async write(tx: Transaction, events: LoyaltyEvents, account: Account, signedPoints: number, movement: Movement, now: Date): Promise<LedgerEntry> {
    const balanceAfter = account.balance + signedPoints;
    const entry = await this.ledger.insert(tx, {
      customerId: account.customerId,
      kind: movement.kind,
      points: signedPoints,
      balanceAfter,
      createdAt: now,
      ...(movement.dedupeKey ? { dedupeKey: movement.dedupeKey } : {}),
      ...(movement.orderId ? { orderId: movement.orderId } : {}),
      ...(movement.reason ? { reason: movement.reason } : {}),
      ...(movement.reversesEntryId ? { reversesEntryId: movement.reversesEntryId } : {}),
    });
    await this.accounts.setBalance(tx, account.customerId, balanceAfter);
    account.balance = balanceAfter;
    events.record('loyalty.account.points_changed', {
      subject: account.customerId,
      data: {
        customerId: account.customerId,
        entryId: entry.id,
        kind: entry.kind,
        points: entry.points,
        balanceAfter: entry.balanceAfter,
        orderId: entry.orderId ?? '',
        reason: entry.reason,
        createTime: entry.createdAt,
      },
    });
    return entry;
  }
}
