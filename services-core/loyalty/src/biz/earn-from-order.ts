// A placed order earns points (per currency unit, times the tier's multiplier), counts toward the tier, and,
// when it is a referred customer's first order, rewards the referrer and the referred customer. Each effect is
// unique per order (dedupe keys), so an order event delivered twice awards once.
import { inject, injectable } from 'inversify';
import type { Transaction } from '@ecommerce/common/events';
import { dedupeKeys, type Account } from './account.js';
import { isKnownCurrency } from './currency.js';
import { PointsBook } from './points-book.js';
import {
  ACCOUNT_REPOSITORY, CLOCK, LEDGER_REPOSITORY, RULES, SPEND_REPOSITORY, UNIT_OF_WORK,
  type AccountRepository, type Clock, type LedgerRepository, type LoyaltyEvents, type LoyaltyUnitOfWork, type SpendRepository,
} from './ports.js';
import { pointsForSpend } from './points-math.js';
import { DAY_MS, TIER_WINDOW_DAYS, tierFor, type LoyaltyRules } from './rules.js';

export interface PlacedOrder {
  orderId: string;
  customerId: string;
  totalMinor: number;
  currency: string;
}

@injectable()
export class EarnFromOrderUseCase {
  constructor(
    @inject(PointsBook) private readonly book: PointsBook,
    @inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
    @inject(LEDGER_REPOSITORY) private readonly ledger: LedgerRepository,
    @inject(SPEND_REPOSITORY) private readonly spend: SpendRepository,
    @inject(UNIT_OF_WORK) private readonly uow: LoyaltyUnitOfWork,
    @inject(CLOCK) private readonly clock: Clock,
    @inject(RULES) private readonly rules: LoyaltyRules,
  ) {}

  /** The points earned (0 for a repeat delivery, a guest order or an unknown currency). */
  execute(order: PlacedOrder): Promise<number> {
    if (!order.customerId || !isKnownCurrency(order.currency) || order.totalMinor <= 0) return Promise.resolve(0);
    return this.uow.run(async (tx, events) => {
      const { account } = await this.book.openLocked(tx, events, order.customerId);
      const now = this.clock.now();
      const firstOrder = !(await this.ledger.hasOrderEarning(tx, account.customerId));
      // The tier the customer held before this order sets its multiplier.
      const spend = await this.spend.sumSince(account.customerId, new Date(now.getTime() - TIER_WINDOW_DAYS * DAY_MS), tx);
      const { tier } = tierFor(this.rules, spend);
      const points = pointsForSpend(order.totalMinor, order.currency, this.rules.earnPointsPerUnit, tier.earnMultiplierPercent);
      const earned =
        points > 0
          ? await this.book.credit(tx, events, account, {
              kind: 'earn', points, dedupeKey: dedupeKeys.orderEarn(order.orderId), orderId: order.orderId,
              reason: `order ${order.orderId} (${tier.name} x${tier.earnMultiplierPercent}%)`,
            })
          : { duplicate: false };
      if (earned.duplicate) return 0;
      if (order.currency === this.rules.tierCurrency) {
        await this.spend.record(tx, { customerId: account.customerId, orderId: order.orderId, amountMinor: order.totalMinor, dedupeKey: `order:${order.orderId}:placed`, occurredAt: now });
      }
      if (firstOrder && account.referredBy) await this.rewardReferral(tx, events, account, order.orderId);
      return points;
    });
  }

  private async rewardReferral(tx: Transaction, events: LoyaltyEvents, referee: Account, orderId: string): Promise<void> {
    if (this.rules.referralBonus <= 0) return;
    const referrer = await this.accounts.lock(tx, referee.referredBy!);
    const movement = { kind: 'earn' as const, points: this.rules.referralBonus, dedupeKey: dedupeKeys.referralReward(referee.customerId), orderId };
    await this.book.credit(tx, events, referee, { ...movement, reason: `referred by ${referee.referredBy}` });
    if (referrer) await this.book.credit(tx, events, referrer, { ...movement, reason: `referred ${referee.customerId}` });
  }
}
