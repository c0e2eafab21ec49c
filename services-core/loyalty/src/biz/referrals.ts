// Referral codes: each account has one; a customer who applies a friend's code before their first order makes
// both eligible for the referral bonus, paid when that first order is placed (earn-from-order.ts).
import { inject, injectable } from 'inversify';
import { FailedPreconditionError, ValidationError } from '@ecommerce/common/errors';
import { PointsBook } from './points-book.js';
import { ACCOUNT_REPOSITORY, LEDGER_REPOSITORY, UNIT_OF_WORK, type AccountRepository, type LedgerRepository, type LoyaltyUnitOfWork } from './ports.js';

@injectable()
export class ReferralsUseCase {
  constructor(
    @inject(PointsBook) private readonly book: PointsBook,
    @inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
    @inject(LEDGER_REPOSITORY) private readonly ledger: LedgerRepository,
    @inject(UNIT_OF_WORK) private readonly uow: LoyaltyUnitOfWork,
  ) {}

  /** The customer's code (their account is opened if need be). */
  async codeOf(customerId: string): Promise<string> {
    const existing = await this.accounts.find(customerId);
    if (existing) return existing.referralCode;
    return this.uow.run(async (tx, events) => (await this.book.openLocked(tx, events, customerId)).account.referralCode);
  }

  /** Returns the referrer's id. Applying the same code again is a no-op; another code after one is refused. */
  apply(customerId: string, code: string): Promise<string> {
    return this.uow.run(async (tx, events) => {
      const referrer = await this.accounts.findByReferralCode(code);
      // A reference in the body, not a resource in the path: like an unknown role name, it is bad input.
      if (!referrer) throw new ValidationError([{ field: 'code', message: 'is not a referral code' }]);
      const { account } = await this.book.openLocked(tx, events, customerId);
      if (account.referredBy === referrer.customerId) return referrer.customerId;
      if (account.referredBy) throw new FailedPreconditionError('a referral code was applied already', [{ field: 'code', message: 'a referral code was applied already' }]);
      if (referrer.customerId === customerId) throw new FailedPreconditionError('one cannot refer oneself', [{ field: 'code', message: 'is your own code' }]);
      if (referrer.referredBy === customerId) throw new FailedPreconditionError('two customers cannot refer each other', [{ field: 'code', message: 'belongs to a customer you referred' }]);
      if (await this.ledger.hasOrderEarning(tx, customerId)) {
        throw new FailedPreconditionError('a referral code applies only before the first order', [{ field: 'code', message: 'applies only before the first order' }]);
      }
      await this.accounts.setReferredBy(tx, customerId, referrer.customerId);
      return referrer.customerId;
    });
  }
}
