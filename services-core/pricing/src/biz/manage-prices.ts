// Staff changes of base and price-list prices: the tiers, the history row and pricing.price.changed commit together.
import { NotFoundError, ValidationError } from '@ecommerce/common/errors';
import type { Transaction } from '@ecommerce/common/events';
import { inject, injectable } from 'inversify';
import { sortTiers, tierFor, tierViolations, type PriceTier } from './price-tiers.js';
import {
  PRICE_LIST_REPOSITORY,
  PRICE_REPOSITORY,
  UNIT_OF_WORK,
  type Page,
  type PriceKey,
  type PriceListRepository,
  type PriceRepository,
  type PricingEvents,
  type PricingUnitOfWork,
  type StoredPrice,
} from './ports.js';

@injectable()
export class ManagePricesUseCase {
  constructor(
    @inject(PRICE_REPOSITORY) private readonly prices: PriceRepository,
    @inject(PRICE_LIST_REPOSITORY) private readonly lists: PriceListRepository,
    @inject(UNIT_OF_WORK) private readonly uow: PricingUnitOfWork,
  ) {}

  setBasePrice(sku: string, currency: string, tiers: PriceTier[], actor: string): Promise<StoredPrice> {
    assertTiers(tiers, { contiguousFromOne: true });
    const key = { sku, currency, priceListId: undefined };
    return this.uow.run((tx, events) => this.replace(tx, events, key, tiers, actor));
  }

  /** Unknown list -> NOT_FOUND; no tiers removes the SKU's price in that currency from the list. */
  setListPrice(priceListId: string, sku: string, currency: string, tiers: PriceTier[], actor: string): Promise<StoredPrice> {
    assertTiers(tiers, { contiguousFromOne: false });
    return this.uow.run(async (tx, events) => {
      if (!(await this.lists.lock(tx, priceListId))) throw new NotFoundError('price list', priceListId);
      return this.replace(tx, events, { sku, currency, priceListId }, tiers, actor);
    });
  }

  basePrices(sku: string): Promise<StoredPrice[]> {
    return this.prices.basePrices(sku);
  }

  history(sku: string, currency: string | undefined, page: Page) {
    return this.prices.history(sku, currency, page);
  }

  private async replace(tx: Transaction, events: PricingEvents, key: PriceKey, tiers: PriceTier[], actor: string): Promise<StoredPrice> {
    const sorted = sortTiers(tiers);
    const changedAt = await this.prices.replaceTiers(tx, key, sorted, actor);
    events.record('pricing.price.changed', {
      subject: key.sku,
      data: {
        sku: key.sku,
        currency: key.currency,
        priceListId: key.priceListId ?? '',
        amountMinor: tierFor(sorted, 1)?.amountMinor ?? 0,
        tiers: sorted.map((t) => ({ minQuantity: t.minQuantity, maxQuantity: t.maxQuantity ?? 0, amountMinor: t.amountMinor })),
        changeTime: changedAt,
      },
    });
    return { ...key, tiers: sorted, updatedAt: changedAt };
  }
}

/** The request schemas check these too (for the field names); kept here so no caller can store a bad tier set. */
function assertTiers(tiers: readonly PriceTier[], options: { contiguousFromOne: boolean }): void {
  const violations = tierViolations(tiers, options);
  if (violations.length > 0) {
    throw new ValidationError(violations.map((v) => ({ field: `tiers.${v.index}${v.field ? `.${snake(v.field)}` : ''}`, message: v.message })));
  }
}

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
