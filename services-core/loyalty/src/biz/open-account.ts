// A registration (customer.customer.created) opens the account and pays the sign-up bonus once, however often the
// event is delivered (the bonus's dedupe key is per account).
import { inject, injectable } from 'inversify';
import { dedupeKeys } from './account.js';
import { PointsBook } from './points-book.js';
import { RULES, UNIT_OF_WORK, type LoyaltyUnitOfWork } from './ports.js';
import type { LoyaltyRules } from './rules.js';

@injectable()
export class OpenAccountUseCase {
  constructor(
    @inject(PointsBook) private readonly book: PointsBook,
    @inject(UNIT_OF_WORK) private readonly uow: LoyaltyUnitOfWork,
    @inject(RULES) private readonly rules: LoyaltyRules,
  ) {}

  onRegistration(customerId: string): Promise<void> {
    return this.uow.run(async (tx, events) => {
      const { account } = await this.book.openLocked(tx, events, customerId);
      if (this.rules.signupBonus > 0) {
        await this.book.credit(tx, events, account, { kind: 'earn', points: this.rules.signupBonus, dedupeKey: dedupeKeys.signup(), reason: 'sign-up bonus' });
      }
    });
  }
}
