// The catalog's public HTTP API as the rebuild reads it (CATALOG_URL): products oldest first, 100 a page, every
// category, and the brands page by page. Answers are checked with zod, so a catalog answering something else
// fails the rebuild with UNAVAILABLE instead of writing half-understood rows into the index.
import { UnavailableError } from '@ecommerce/common/errors';
import { z } from 'zod';
import { attributeValues, type BrandEntry, type CategoryEntry, type ProductEntry } from '../biz/index-entry.js';
import type { CatalogReader } from '../biz/ports.js';

const timestamp = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const envelope = <T extends z.ZodType>(data: T) => z.object({ data, meta: z.object({ total: z.number().int() }).optional() });

const product = z.object({
  id: z.uuid(),
  sku: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  brandId: z.uuid().nullable(),
  categoryId: z.uuid().nullable(),
  attributes: z.record(z.string(), z.unknown()),
  status: z.enum(['draft', 'active', 'archived']),
  createdAt: timestamp,
  updatedAt: timestamp,
});
const category = z.object({ id: z.uuid(), parentId: z.uuid().nullable(), name: z.string(), updatedAt: timestamp });
const brand = z.object({ id: z.uuid(), name: z.string(), updatedAt: timestamp });

const PAGE = 100;

export class HttpCatalogReader implements CatalogReader {
  constructor(private readonly baseUrl: string | undefined) {}

  async products(page: number, limit: number): Promise<{ items: ProductEntry[]; total: number }> {
    const body = await this.get(`/api/v1/products?sort=created_at&page=${page}&limit=${limit}`, envelope(z.array(product)));
    const items = body.data.map((p) => ({
      id: p.id,
      sku: p.sku,
      slug: p.slug,
      name: p.name,
      description: p.description,
      brandId: p.brandId,
      categoryId: p.categoryId,
      attributes: attributeValues(p.attributes),
      status: p.status,
      createdAt: p.createdAt,
      sourceTime: p.updatedAt,
    }));
    return { items, total: body.meta?.total ?? items.length };
  }

  async categories(): Promise<CategoryEntry[]> {
    const body = await this.get('/api/v1/categories', envelope(z.array(category)));
    return body.data.map((c) => ({ id: c.id, parentId: c.parentId, name: c.name, sourceTime: c.updatedAt }));
  }

  async brands(): Promise<BrandEntry[]> {
    const all: BrandEntry[] = [];
    for (let page = 1; ; page += 1) {
      const body = await this.get(`/api/v1/brands?page=${page}&limit=${PAGE}`, envelope(z.array(brand)));
      all.push(...body.data.map((b) => ({ id: b.id, name: b.name, sourceTime: b.updatedAt })));
      if (body.data.length < PAGE || page * PAGE >= (body.meta?.total ?? 0)) return all;
    }
  }

  async brand(id: string): Promise<BrandEntry | null> {
    const body = await this.get(`/api/v1/brands/${encodeURIComponent(id)}`, envelope(brand), { notFound: true });
    return body ? { id: body.data.id, name: body.data.name, sourceTime: body.data.updatedAt } : null;
  }

  private get<T extends z.ZodType>(path: string, schema: T): Promise<z.infer<T>>;
  private get<T extends z.ZodType>(path: string, schema: T, options: { notFound: true }): Promise<z.infer<T> | null>;
  private async get<T extends z.ZodType>(path: string, schema: T, options: { notFound?: boolean } = {}): Promise<z.infer<T> | null> {
    if (!this.baseUrl) throw new UnavailableError('the catalog is not configured (CATALOG_URL)');
    let response: Response;
    try {
      response = await fetch(new URL(path, this.baseUrl), { signal: AbortSignal.timeout(30_000) });
    } catch (err) {
      throw new UnavailableError(`the catalog did not answer: ${(err as Error).message}`);
    }
    if (options.notFound && response.status === 404) return null;
    if (!response.ok) throw new UnavailableError(`the catalog answered ${response.status} to GET ${path.split('?')[0]}`);
    const parsed = schema.safeParse(await response.json());
    if (!parsed.success) throw new UnavailableError(`the catalog's answer to GET ${path.split('?')[0]} is not understood`);
    return parsed.data;
  }
}
