// Staff use cases on coupon codes: one named code, or a batch of generated single-use codes.
import { randomUUID } from 'node:crypto';
import { inject, injectable } from 'inversify';
import { FailedPreconditionError } from '@ecommerce/common/errors';
import type { Transaction } from '@ecommerce/common/events';
import { normalizeCode, randomCode, type PromotionCode } from './code.js';
import { promotionEvents } from './promotion-events.js';
import { CODE_REPOSITORY, PROMOTION_REPOSITORY, UNIT_OF_WORK, type CodeRepository, type Page, type PageRequest, type PromotionRepository, type PromotionUnitOfWork } from './ports.js';

/** Collisions are ~1e-12 per code; a few rounds settle any batch, and more would mean something is broken. */
const MAX_GENERATION_ROUNDS = 5;

@injectable()
export class ManageCodesUseCase {
  constructor(
    @inject(CODE_REPOSITORY) private readonly codes: CodeRepository,
    @inject(PROMOTION_REPOSITORY) private readonly promotions: PromotionRepository,
    @inject(UNIT_OF_WORK) private readonly uow: PromotionUnitOfWork,
  ) {}

  create(promotionId: string, code: string, usageLimit: number): Promise<PromotionCode> {
    return this.uow.run(async (tx) => {
      await this.assertTakesCodes(tx, promotionId);
      return this.codes.create(tx, { code: normalizeCode(code), promotionId, usageLimit, batchId: null });
    });
  }

  /** `count` new codes, each usable once, all in one transaction (all or none). */
  generate(promotionId: string, count: number, prefix: string): Promise<{ batchId: string; codes: PromotionCode[] }> {
    return this.uow.run(async (tx, events) => {
      await this.assertTakesCodes(tx, promotionId);
      const batchId = randomUUID();
      const made: PromotionCode[] = [];
      for (let round = 0; made.length < count; round += 1) {
        if (round === MAX_GENERATION_ROUNDS) throw new Error(`could not generate ${count} unique codes for prefix ${prefix}`);
        const wanted = new Set<string>();
        while (wanted.size < count - made.length) wanted.add(randomCode(prefix));
        made.push(...(await this.codes.createMissing(tx, [...wanted], promotionId, batchId)));
      }
      promotionEvents.codesGenerated(events, promotionId, batchId, made.length);
      return { batchId, codes: made.sort((a, b) => (a.code < b.code ? -1 : 1)) };
    });
  }

  get(code: string): Promise<PromotionCode> {
    return this.codes.get(normalizeCode(code));
  }

  async list(filter: { promotionId: string; batchId?: string }, page: PageRequest): Promise<Page<PromotionCode>> {
    await this.promotions.get(filter.promotionId);
    return this.codes.list(filter, page);
  }

  private async assertTakesCodes(tx: Transaction, promotionId: string): Promise<void> {
    const promotion = await this.promotions.get(promotionId, tx);
    if (!promotion.requiresCode) throw new FailedPreconditionError(`promotion ${promotionId} applies automatically and takes no codes`);
  }
}
