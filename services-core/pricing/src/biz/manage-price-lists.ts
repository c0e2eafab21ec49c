// Staff management of price lists: create (draft), update, activate (draft -> active, announced), read.
import { FailedPreconditionError, NotFoundError, ValidationError } from '@ecommerce/common/errors';
import { inject, injectable } from 'inversify';
import { windowIsValid, type PriceList, type PriceListStatus } from './price-list.js';
import {
  PRICE_LIST_REPOSITORY,
  PRICE_REPOSITORY,
  UNIT_OF_WORK,
  type NewPriceList,
  type Page,
  type PriceListChanges,
  type PriceListRepository,
  type PriceRepository,
  type PricingUnitOfWork,
  type StoredPrice,
} from './ports.js';

/** Changes to a list; `startsAt: null` / `endsAt: null` clear a bound. */
export interface PriceListUpdate extends Omit<PriceListChanges, 'startsAt' | 'endsAt' | 'status'> {
  startsAt?: Date | null;
  endsAt?: Date | null;
}

@injectable()
export class ManagePriceListsUseCase {
  constructor(
    @inject(PRICE_LIST_REPOSITORY) private readonly lists: PriceListRepository,
    @inject(PRICE_REPOSITORY) private readonly prices: PriceRepository,
    @inject(UNIT_OF_WORK) private readonly uow: PricingUnitOfWork,
  ) {}

  create(list: NewPriceList): Promise<PriceList> {
    assertWindow(list.startsAt, list.endsAt);
    return this.uow.run((tx) => this.lists.create(tx, list));
  }

  update(id: string, update: PriceListUpdate): Promise<PriceList> {
    return this.uow.run(async (tx) => {
      const current = await this.lists.lock(tx, id);
      if (!current) throw new NotFoundError('price list', id);
      const { startsAt, endsAt, ...rest } = update;
      const changes: PriceListChanges = { ...rest };
      if (startsAt !== undefined) changes.startsAt = startsAt ?? undefined;
      if (endsAt !== undefined) changes.endsAt = endsAt ?? undefined;
      assertWindow('startsAt' in changes ? changes.startsAt : current.startsAt, 'endsAt' in changes ? changes.endsAt : current.endsAt);
      return this.lists.update(tx, id, changes);
    });
  }

  activate(id: string): Promise<PriceList> {
    return this.uow.run(async (tx, events) => {
      const current = await this.lists.lock(tx, id);
      if (!current) throw new NotFoundError('price list', id);
      if (current.status !== 'draft') throw new FailedPreconditionError(`price list ${id} is already ${current.status}`);
      const list = await this.lists.update(tx, id, { status: 'active' });
      events.record('pricing.price_list.activated', {
        subject: id,
        data: { priceListId: id, type: list.type, startTime: list.startsAt, endTime: list.endsAt, skus: await this.lists.skus(tx, id) },
      });
      return list;
    });
  }

  async get(id: string): Promise<{ list: PriceList; prices: StoredPrice[] }> {
    const list = await this.lists.get(id);
    if (!list) throw new NotFoundError('price list', id);
    return { list, prices: await this.prices.listPrices(id) };
  }

  list(filter: { status?: PriceListStatus }, page: Page) {
    return this.lists.list(filter, page);
  }
}

function assertWindow(startsAt: Date | undefined, endsAt: Date | undefined): void {
  if (!windowIsValid(startsAt, endsAt)) throw new ValidationError([{ field: 'end_time', message: 'must be after start_time' }]);
}
