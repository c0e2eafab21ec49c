// What a search answers, as the domain sees it (the service layer maps it to the proto).
export interface ProductHit {
  id: string;
  sku: string;
  slug: string;
  name: string;
  description: string;
  brandId: string | null;
  brandName: string;
  categoryId: string | null;
  /** In the query's currency; null without one or without a price in it. */
  priceMinor: number | null;
  inStock: boolean;
  ratingAverage: number;
  ratingCount: number;
  createdAt: Date;
  score: number;
}

export interface FacetCount {
  value: string;
  label: string;
  count: number;
}

export interface FacetResult {
  name: string;
  values: FacetCount[];
}

export interface SearchResult {
  hits: ProductHit[];
  facets: FacetResult[];
  total: number;
}

export interface Suggestion {
  productId: string;
  name: string;
}
