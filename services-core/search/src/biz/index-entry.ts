// What the index holds, as the domain sees it: each entry carries the time of the data it was built from
// (`sourceTime`), which is what makes every update order-safe (an entry older than the stored one is ignored).
export type ProductStatus = 'draft' | 'active' | 'archived';

export interface ProductEntry {
  id: string;
  sku: string;
  slug: string;
  name: string;
  description: string;
  brandId: string | null;
  categoryId: string | null;
  /** Attribute values as text, every key's values as a list (a scalar becomes a list of one). */
  attributes: Record<string, string[]>;
  status: ProductStatus;
  createdAt: Date;
  sourceTime: Date;
}

export interface CategoryEntry {
  id: string;
  parentId: string | null;
  name: string;
  sourceTime: Date;
}

export interface BrandEntry {
  id: string;
  name: string;
  sourceTime: Date;
}

/** A base price of a SKU in one currency; `amountMinor` null = removed. */
export interface PriceEntry {
  sku: string;
  currency: string;
  amountMinor: number | null;
  sourceTime: Date;
}

export interface StockEntry {
  sku: string;
  inStock: boolean;
  sourceTime: Date;
}

export interface RatingEntry {
  productId: string;
  average: number;
  count: number;
  sourceTime: Date;
}

/**
 * Attribute values the catalog allows (string, number, boolean, list of strings) as lists of text; anything
 * else (nested objects, null) is not a filterable value and is left out.
 */
export function attributeValues(attributes: Record<string, unknown> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, raw] of Object.entries(attributes ?? {})) {
    const list = Array.isArray(raw) ? raw : [raw];
    const values = list.filter((v) => ['string', 'number', 'boolean'].includes(typeof v)).map(String);
    if (values.length > 0) out[key] = values;
  }
  return out;
}
