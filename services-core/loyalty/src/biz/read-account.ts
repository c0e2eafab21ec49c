// Reading an account: its balance, tier by rolling 12-month spend, points expiring soon; and its ledger.
import { inject, injectable } from 'inversify';
import { NotFoundError } from '@ecommerce/common/errors';
import type { Account } from './account.js';
import { PointsBook } from './points-book.js';
import {
  ACCOUNT_REPOSITORY, CLOCK, LEDGER_REPOSITORY, LOT_REPOSITORY, RULES, SPEND_REPOSITORY, UNIT_OF_WORK,
  type AccountRepository, type Clock, type LedgerPage, type LedgerRepository, type LotRepository, type LoyaltyUnitOfWork, type SpendRepository,
} from './ports.js';
import { DAY_MS, TIER_WINDOW_DAYS, tierFor, type LoyaltyRules, type Tier } from './rules.js';

export interface AccountView {
  account: Account;
  tier: Tier;
  nextTier: Tier | undefined;
  rollingSpendMinor: number;
  expiringSoonPoints: number;
  nextExpiresAt: Date | undefined;
}

@injectable()
export class ReadAccountUseCase {
  constructor(
    @inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
    @inject(LEDGER_REPOSITORY) private readonly ledger: LedgerRepository,
    @inject(LOT_REPOSITORY) private readonly lots: LotRepository,
    @inject(SPEND_REPOSITORY) private readonly spend: SpendRepository,
    @inject(UNIT_OF_WORK) private readonly uow: LoyaltyUnitOfWork,
    @inject(PointsBook) private readonly book: PointsBook,
    @inject(CLOCK) private readonly clock: Clock,
    @inject(RULES) private readonly rules: LoyaltyRules,
  ) {}

  /** A customer's own account is opened on first look; anyone else's must exist (NOT_FOUND). */
  async get(customerId: string, options: { openIfMissing: boolean }): Promise<AccountView> {
    const account = (await this.accounts.find(customerId)) ?? (options.openIfMissing ? await this.open(customerId) : undefined);
    if (!account) throw new NotFoundError('loyalty account', customerId);
    const now = this.clock.now();
    const rollingSpendMinor = await this.spend.sumSince(customerId, new Date(now.getTime() - TIER_WINDOW_DAYS * DAY_MS));
    const { tier, next } = tierFor(this.rules, rollingSpendMinor);
    const expiring = await this.lots.expiring(customerId, new Date(now.getTime() + this.rules.expiringSoonDays * DAY_MS));
    return { account, tier, nextTier: next, rollingSpendMinor, expiringSoonPoints: expiring.points, nextExpiresAt: expiring.nextExpiresAt };
  }

  /** Newest first; an account that does not exist yet has an empty ledger. */
  listLedger(customerId: string, page: { page: number; pageSize: number }): Promise<LedgerPage> {
    return this.ledger.list(customerId, page);
  }

  private open(customerId: string): Promise<Account> {
    return this.uow.run(async (tx, events) => (await this.book.openLocked(tx, events, customerId)).account);
  }
}
