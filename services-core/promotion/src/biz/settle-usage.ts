// CommitUsage and ReleaseUsage (checkout saga): the end of a reservation. Release gives every counted use back, in
// the same lock order as ReserveUsage; both are idempotent, and releasing a reference never reserved is a no-op.
import { inject, injectable } from 'inversify';
import { NotFoundError } from '@ecommerce/common/errors';
import { promotionEvents } from './promotion-events.js';
import { UNIT_OF_WORK, USAGE_REPOSITORY, type PromotionUnitOfWork, type UsageRepository } from './ports.js';
import { assertCanCommit, assertCanRelease, counterChanges, type UsageStatus } from './usage.js';

@injectable()
export class SettleUsageUseCase {
  constructor(
    @inject(USAGE_REPOSITORY) private readonly usage: UsageRepository,
    @inject(UNIT_OF_WORK) private readonly uow: PromotionUnitOfWork,
  ) {}

  commit(reference: string): Promise<{ reference: string; status: UsageStatus }> {
    return this.uow.run(async (tx, events) => {
      const r = await this.usage.lockReservation(tx, reference);
      if (!r) throw new NotFoundError('usage reservation', reference);
      assertCanCommit(r);
      if (r.status === 'reserved') {
        await this.usage.setStatus(tx, reference, 'committed');
        promotionEvents.usage(events, 'committed', { ...r, status: 'committed' });
      }
      return { reference, status: 'committed' as const };
    });
  }

  release(reference: string): Promise<{ reference: string; status: UsageStatus }> {
    return this.uow.run(async (tx, events) => {
      const r = await this.usage.lockReservation(tx, reference);
      if (!r) return { reference, status: 'released' as const };
      assertCanRelease(r);
      if (r.status === 'reserved') {
        const changes = counterChanges(r.lines);
        for (const code of changes.codes) await this.usage.changeCodeUses(tx, code, -1);
        for (const id of changes.promotions) await this.usage.changePromotionUses(tx, id, -1);
        for (const c of changes.campaigns) await this.usage.changeCampaignUsage(tx, c.id, -c.uses, -c.amountMinor);
        if (r.customerId) {
          for (const id of [...new Set(changes.promotions)]) await this.usage.changeCustomerUses(tx, 'promotion', id, r.customerId, -1, 0);
          for (const c of changes.campaigns) await this.usage.changeCustomerUses(tx, 'campaign', c.id, r.customerId, -c.uses, 0);
        }
        await this.usage.setStatus(tx, reference, 'released');
        promotionEvents.usage(events, 'released', { ...r, status: 'released' });
      }
      return { reference, status: 'released' as const };
    });
  }
}
