// Staff corrections: a credit opens a lot like any earning; a debit takes the oldest points and may not take
// the balance below zero. The account is opened if the customer has none yet (accounts are lazy).
import { inject, injectable } from 'inversify';
import type { Account, LedgerEntry } from './account.js';
import { PointsBook } from './points-book.js';
import { UNIT_OF_WORK, type LoyaltyUnitOfWork } from './ports.js';

@injectable()
export class AdjustPointsUseCase {
  constructor(
    @inject(PointsBook) private readonly book: PointsBook,
    @inject(UNIT_OF_WORK) private readonly uow: LoyaltyUnitOfWork,
  ) {}

  execute(input: { customerId: string; points: number; reason: string; actor: string }): Promise<{ entry: LedgerEntry; account: Account }> {
    return this.uow.run(async (tx, events) => {
      const { account } = await this.book.openLocked(tx, events, input.customerId);
      const movement = { kind: 'adjust' as const, points: Math.abs(input.points), reason: `${input.reason} (by ${input.actor})` };
      const { entry } = input.points > 0 ? await this.book.credit(tx, events, account, movement) : await this.book.debit(tx, events, account, movement);
      return { entry: entry!, account };
    });
  }
}
