// Points as part payment at checkout, in three idempotent steps keyed by the checkout's reference (the order id):
// reserve takes the points off the balance at once (oldest lots first), commit keeps them spent, release gives
// them back to the lots they came from. reserved -> committed | released; both ends are final. Releasing a
// reference that reserved nothing marks it released, so a reserve arriving after the compensation is refused.
import { inject, injectable } from 'inversify';
import { AlreadyExistsError, FailedPreconditionError, NotFoundError, ValidationError } from '@ecommerce/common/errors';
import type { Transaction } from '@ecommerce/common/events';
import { dedupeKeys, releasedBeforeReserved, type Redemption } from './account.js';
import { PointsBook } from './points-book.js';
import {
  ACCOUNT_REPOSITORY, CLOCK, REDEMPTION_REPOSITORY, RULES, UNIT_OF_WORK,
  type AccountRepository, type Clock, type LoyaltyUnitOfWork, type RedemptionRepository,
} from './ports.js';
import { pointsToMinor } from './points-math.js';
import type { LoyaltyRules } from './rules.js';

export interface ReserveRedemptionInput {
  reference: string;
  customerId: string;
  points: number;
  currency: string;
}

@injectable()
export class ManageRedemptionsUseCase {
  constructor(
    @inject(PointsBook) private readonly book: PointsBook,
    @inject(ACCOUNT_REPOSITORY) private readonly accounts: AccountRepository,
    @inject(REDEMPTION_REPOSITORY) private readonly redemptions: RedemptionRepository,
    @inject(UNIT_OF_WORK) private readonly uow: LoyaltyUnitOfWork,
    @inject(CLOCK) private readonly clock: Clock,
    @inject(RULES) private readonly rules: LoyaltyRules,
  ) {}

  /** FAILED_PRECONDITION (field `points`) when the balance does not cover the points, or the reference was released. */
  reserve(input: ReserveRedemptionInput): Promise<Redemption> {
    const amountMinor = pointsToMinor(input.points, input.currency, this.rules.redeemPointsPerUnit);
    if (amountMinor <= 0) throw new ValidationError([{ field: 'points', message: `worth less than one minor unit of ${input.currency}` }]);
    return this.uow.run(async (tx, events) => {
      const account = await this.accounts.lock(tx, input.customerId);
      // Read under the account's lock: a concurrent reserve of the same reference has committed or not started.
      const existing = await this.redemptions.find(tx, input.reference);
      if (existing) return this.sameCustomer(existing, input.customerId);
      if (!account) {
        throw new FailedPreconditionError(`the balance of 0 points does not cover ${input.points}`, [{ field: 'points', message: 'exceeds the balance of 0' }]);
      }
      const { entry } = await this.book.debit(tx, events, account, {
        kind: 'redeem', points: input.points, dedupeKey: dedupeKeys.redeem(input.reference), reason: `checkout ${input.reference}`,
      });
      const redemption: Redemption = { ...input, amountMinor, status: 'reserved', redeemEntryId: entry!.id };
      await this.redemptions.insert(tx, redemption, this.clock.now());
      return redemption;
    });
  }

  /** NOT_FOUND for an unknown reference; FAILED_PRECONDITION after a release. */
  commit(reference: string): Promise<Redemption> {
    return this.uow.run(async (tx, events) => {
      const redemption = await this.lockedRedemption(tx, reference);
      if (!redemption) throw new NotFoundError('redemption', reference);
      if (redemption.status === 'committed') return redemption;
      if (redemption.status === 'released') throw new FailedPreconditionError(`redemption ${reference} was released`);
      await this.redemptions.setStatus(tx, reference, 'committed', this.clock.now());
      const { customerId, points, amountMinor, currency } = redemption;
      events.record('loyalty.redemption.committed', { subject: reference, data: { reference, customerId, points, amountMinor, currency } });
      return { ...redemption, status: 'committed' };
    });
  }

  /** An unknown reference answers `released` (nothing was reserved, and now nothing can be); FAILED_PRECONDITION after a commit. */
  release(reference: string): Promise<Redemption> {
    return this.uow.run(async (tx, events) => {
      if (!(await this.redemptions.find(tx, reference)) && (await this.redemptions.insertReleased(tx, reference, this.clock.now()))) {
        return releasedBeforeReserved(reference);
      }
      // A reservation exists (perhaps one that committed while the tombstone's insert waited for it).
      const redemption = (await this.lockedRedemption(tx, reference))!;
      if (redemption.status === 'released') return redemption;
      if (redemption.status === 'committed') throw new FailedPreconditionError(`redemption ${reference} was committed`);
      const account = (await this.accounts.lock(tx, redemption.customerId))!;
      await this.book.restore(tx, events, account, redemption.redeemEntryId, {
        dedupeKey: dedupeKeys.release(reference), reason: `checkout ${reference} released`,
      });
      await this.redemptions.setStatus(tx, reference, 'released', this.clock.now());
      return { ...redemption, status: 'released' };
    });
  }

  /** The redemption read again after locking its account, which every change of it holds. */
  private async lockedRedemption(tx: Transaction, reference: string): Promise<Redemption | undefined> {
    const first = await this.redemptions.find(tx, reference);
    if (!first?.customerId) return first;
    await this.accounts.lock(tx, first.customerId);
    return this.redemptions.find(tx, reference);
  }

  private sameCustomer(existing: Redemption, customerId: string): Redemption {
    if (!existing.customerId) throw new FailedPreconditionError(`redemption ${existing.reference} was released`, [{ field: 'reference', message: 'was released' }]);
    if (existing.customerId !== customerId) throw new AlreadyExistsError(`reference ${existing.reference} belongs to another customer's redemption`, 'reference');
    return existing;
  }
}
