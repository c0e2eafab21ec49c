// Staff management of tax: classes, the class of a SKU, and regions with their rates (replaced as a whole).
import { NotFoundError } from '@ecommerce/common/errors';
import { inject, injectable } from 'inversify';
import { TAX_REPOSITORY, UNIT_OF_WORK, type PricingUnitOfWork, type TaxRepository } from './ports.js';
import type { TaxClass, TaxRegion } from './tax.js';

@injectable()
export class ManageTaxUseCase {
  constructor(
    @inject(TAX_REPOSITORY) private readonly tax: TaxRepository,
    @inject(UNIT_OF_WORK) private readonly uow: PricingUnitOfWork,
  ) {}

  createClass(taxClass: TaxClass): Promise<TaxClass> {
    return this.uow.run((tx) => this.tax.createClass(tx, taxClass));
  }

  listClasses(): Promise<TaxClass[]> {
    return this.tax.listClasses();
  }

  assignClass(sku: string, taxClass: string): Promise<void> {
    return this.uow.run(async (tx) => {
      if (!(await this.tax.existingClasses(tx, [taxClass])).has(taxClass)) throw new NotFoundError('tax class', taxClass);
      await this.tax.assignClass(tx, sku, taxClass);
    });
  }

  /** Every rate's class must exist: an unknown one -> NOT_FOUND naming it, and nothing is written. */
  saveRegion(region: Omit<TaxRegion, 'updatedAt'>): Promise<TaxRegion> {
    return this.uow.run(async (tx) => {
      const existing = await this.tax.existingClasses(tx, region.rates.map((r) => r.taxClass));
      const unknown = region.rates.find((r) => !existing.has(r.taxClass));
      if (unknown) throw new NotFoundError('tax class', unknown.taxClass);
      return this.tax.saveRegion(tx, region);
    });
  }

  listRegions(): Promise<TaxRegion[]> {
    return this.tax.listRegions();
  }
}
