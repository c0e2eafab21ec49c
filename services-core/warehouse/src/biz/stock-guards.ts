// Checks that turn references to unknown SKUs or locations into INVALID_ARGUMENT naming the request field.
import { ValidationError, type FieldViolation } from '@ecommerce/common/errors';
import type { Location } from './location.js';
import type { StockItem } from './stock.js';

/** `skus[i]` must all be known; each unknown one is reported under `field(i)`. */
export function assertKnownSkus(items: ReadonlyMap<string, StockItem>, skus: readonly string[], field: (index: number) => string): void {
  const violations: FieldViolation[] = [];
  skus.forEach((sku, i) => {
    if (!items.has(sku)) violations.push({ field: field(i), message: `unknown sku ${sku}` });
  });
  if (violations.length > 0) throw new ValidationError(violations);
}

export function assertKnownLocation(locations: ReadonlyMap<string, Location>, id: string, field: string): Location {
  const location = locations.get(id);
  if (!location) throw new ValidationError([{ field, message: `unknown location ${id}` }]);
  return location;
}
