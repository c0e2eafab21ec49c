// The housekeeping task that expires due points: for each account with lots past their expiry (by the injected
// clock), one `expire` entry takes what those lots still hold. Lots are credited in time order with one lifetime,
// so the points that expire are always the oldest; an account's expiry is its own transaction.
import { inject, injectable } from 'inversify';
import { PointsBook } from './points-book.js';
import { ACCOUNT_REPOSITORY, CLOCK, LOT_REPOSITORY, UNIT_OF_WORK, type AccountRepository, type Clock, type LotRepository, type LoyaltyUnitOfWork } from './ports.js';

/** Accounts handled per batch; a round repeats batches until none is due. */
const BATCH = 200;

@injectable()
export class ExpirePointsUseCase {
  constructor(
    @inject(PointsBook) private readonly book: PointsBook,
    @inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
    @inject(LOT_REPOSITORY) private readonly lots: LotRepository,
    @inject(UNIT_OF_WORK) private readonly uow: LoyaltyUnitOfWork,
    @inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Expires everything due now; returns the points expired. */
  async expireDue(): Promise<number> {
    const now = this.clock.now();
    let expired = 0;
    for (;;) {
      const customers = await this.lots.customersWithDueLots(now, BATCH);
      if (customers.length === 0) return expired;
      for (const customerId of customers) expired += await this.expireAccount(customerId, now);
    }
  }

  private expireAccount(customerId: string, now: Date): Promise<number> {
    return this.uow.run(async (tx, events) => {
      const account = (await this.accounts.lock(tx, customerId))!;
      const { entry } = await this.book.debit(
        tx, events, account,
        { kind: 'expire', points: Number.MAX_SAFE_INTEGER, reason: 'points expired' },
        { upToBalance: true, dueBy: now },
      );
      return entry ? -entry.points : 0;
    });
  }
}
