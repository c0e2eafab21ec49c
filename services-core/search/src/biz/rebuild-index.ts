// The full rebuild: reads every category, brand and product from the catalog's API into the index and removes
// products the catalog no longer lists. It uses the same order-safe upserts as the events, so a change an event
// brought while the rebuild ran is never overwritten by the older page the rebuild read; products are read
// oldest first, so ones created meanwhile land on later pages instead of shifting earlier pages.
import { inject, injectable } from 'inversify';
import { CATALOG_READER, CLOCK, INDEX_WRITER, UNIT_OF_WORK, type CatalogReader, type Clock, type IndexWriter, type SearchUnitOfWork } from './ports.js';

const PAGE_SIZE = 100;

export interface RebuildSummary {
  products: number;
  categories: number;
  brands: number;
  removed: number;
}

@injectable()
export class RebuildIndexUseCase {
  constructor(
    @inject(CATALOG_READER) private readonly catalog: CatalogReader,
    @inject(INDEX_WRITER) private readonly index: IndexWriter,
    @inject(UNIT_OF_WORK) private readonly uow: SearchUnitOfWork,
    @inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(): Promise<RebuildSummary> {
    const startedAt = this.clock.now();
    const categories = await this.catalog.categories();
    const brands = await this.catalog.brands();
    await this.uow.run(async (tx) => {
      for (const category of categories) await this.index.putCategory(tx, category);
      for (const brand of brands) await this.index.putBrand(tx, brand);
    });
    const seen: string[] = [];
    for (let page = 1; ; page += 1) {
      const { items, total } = await this.catalog.products(page, PAGE_SIZE);
      // One transaction per page: a long rebuild holds no lock across the catalog's answers.
      await this.uow.run(async (tx) => {
        for (const product of items) await this.index.putProduct(tx, product);
      });
      seen.push(...items.map((p) => p.id));
      if (items.length < PAGE_SIZE || page * PAGE_SIZE >= total) break;
    }
    return this.uow.run(async (tx, events) => {
      const removed = await this.index.deleteProductsExcept(tx, seen, startedAt);
      const summary = { products: seen.length, categories: categories.length, brands: brands.length, removed };
      events.record('search.index.rebuilt', {
        subject: 'products',
        data: { ...summary, startTime: startedAt, finishTime: this.clock.now() },
      });
      return summary;
    });
  }
}
