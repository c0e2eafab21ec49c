// A cancelled or refunded order takes back the points it earned: all of them on cancellation, the refunded share
// on a return (refunded / total, rounded half away from zero), never more than were earned in all. The order's
// own lot is taken first, then the oldest; if the customer has spent them already, only what is left is taken,
// so the balance never goes below zero. The refund also lowers the spend that decides the tier.
import { inject, injectable } from 'inversify';
import { dedupeKeys } from './account.js';
import { PointsBook } from './points-book.js';
import {
  ACCOUNT_REPOSITORY, CLOCK, LEDGER_REPOSITORY, RULES, SPEND_REPOSITORY, UNIT_OF_WORK,
  type AccountRepository, type Clock, type LedgerRepository, type LoyaltyUnitOfWork, type SpendRepository,
} from './ports.js';
import { proportionalPoints } from './points-math.js';
import type { LoyaltyRules } from './rules.js';

export interface OrderRefund {
  orderId: string;
  customerId: string;
  /** Names this refund (the event's id), so two partial refunds of one order are two reversals. */
  refundId: string;
  /** Undefined: the whole order (a cancellation). */
  refundedMinor: number | undefined;
  totalMinor: number;
  currency: string;
}

@injectable()
export class ReverseOrderPointsUseCase {
  constructor(
    @inject(PointsBook) private readonly book: PointsBook,
    @inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
    @inject(LEDGER_REPOSITORY) private readonly ledger: LedgerRepository,
    @inject(SPEND_REPOSITORY) private readonly spend: SpendRepository,
    @inject(UNIT_OF_WORK) private readonly uow: LoyaltyUnitOfWork,
    @inject(CLOCK) private readonly clock: Clock,
    @inject(RULES) private readonly rules: LoyaltyRules,
  ) {}

  /** The points taken back. */
  execute(refund: OrderRefund): Promise<number> {
    if (!refund.customerId) return Promise.resolve(0);
    return this.uow.run(async (tx, events) => {
      const account = await this.accounts.lock(tx, refund.customerId);
      if (!account) return 0;
      const refundedMinor = Math.min(refund.refundedMinor ?? refund.totalMinor, refund.totalMinor);
      if (refund.currency === this.rules.tierCurrency && refundedMinor > 0) {
        await this.spend.record(tx, {
          customerId: account.customerId, orderId: refund.orderId, amountMinor: -refundedMinor,
          dedupeKey: `order:${refund.orderId}:refund:${refund.refundId}`, occurredAt: this.clock.now(),
        });
      }
      const earned = await this.ledger.findByDedupeKey(tx, account.customerId, dedupeKeys.orderEarn(refund.orderId));
      if (!earned) return 0;
      const alreadyReversed = -(await this.ledger.reversedPoints(tx, earned.id));
      const share = refund.refundedMinor === undefined ? earned.points : proportionalPoints(earned.points, refundedMinor, refund.totalMinor);
      const points = Math.min(share, earned.points - alreadyReversed);
      if (points <= 0) return 0;
      const { entry, duplicate } = await this.book.debit(
        tx, events, account,
        { kind: 'reverse', points, dedupeKey: dedupeKeys.orderReverse(refund.orderId, refund.refundId), orderId: refund.orderId, reversesEntryId: earned.id, reason: `order ${refund.orderId} refunded` },
        { upToBalance: true, firstFromEntry: earned.id },
      );
      return duplicate || !entry ? 0 : -entry.points;
    });
  }
}
