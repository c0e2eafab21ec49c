// Keeps pricing's view of which SKUs the catalog sells: an archived or deleted product's SKU is not priced,
// an active (or draft) one is priced again. Called by the catalog event handlers inside their inbox transaction.
import { inject, injectable } from 'inversify';
import { CATALOG_SKU_REPOSITORY, UNIT_OF_WORK, type CatalogSkuRepository, type PricingUnitOfWork } from './ports.js';

@injectable()
export class SyncCatalogSkusUseCase {
  constructor(
    @inject(CATALOG_SKU_REPOSITORY) private readonly skus: CatalogSkuRepository,
    @inject(UNIT_OF_WORK) private readonly uow: PricingUnitOfWork,
  ) {}

  productChanged(productId: string, sku: string, archived: boolean): Promise<void> {
    return this.uow.run((tx) => this.skus.save(tx, { productId, sku, sellable: !archived }));
  }

  productDeleted(productId: string, sku: string): Promise<void> {
    return this.uow.run((tx) => this.skus.markUnsellable(tx, productId, sku));
  }
}
