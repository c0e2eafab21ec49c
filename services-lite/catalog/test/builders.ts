// Request bodies for test data, unique per call, and helpers that create them through the API.
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { CatalogHarness } from './catalog-harness.js';

export function uniqueTag(): string {
  return randomBytes(4).toString('hex');
}

export function aProduct(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const tag = uniqueTag();
  return {
    sku: `SKU-${tag}`,
    slug: `product-${tag}`,
    name: `Product ${tag}`,
    description: 'A sturdy everyday product',
    attributes: { color: 'black' },
    images: [{ url: `https://images.example.com/${tag}.jpg`, alt: 'front' }],
    status: 'active',
    ...overrides,
  };
}

export function aCategory(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const tag = uniqueTag();
  return { name: `Category ${tag}`, slug: `category-${tag}`, ...overrides };
}

export function aBrand(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const tag = uniqueTag();
  return { name: `Brand ${tag}`, slug: `brand-${tag}`, ...overrides };
}

export function aPage(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const tag = uniqueTag();
  return { slug: `page-${tag}`, title: `Page ${tag}`, body: 'Hello', ...overrides };
}

async function created(harness: CatalogHarness, path: string, body: Record<string, unknown>) {
  const res = await harness.api.post(path, body, harness.staffToken);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data;
}

export const createProduct = (h: CatalogHarness, overrides: Record<string, unknown> = {}) => created(h, '/products', aProduct(overrides));
export const createCategory = (h: CatalogHarness, overrides: Record<string, unknown> = {}) => created(h, '/categories', aCategory(overrides));
export const createBrand = (h: CatalogHarness, overrides: Record<string, unknown> = {}) => created(h, '/brands', aBrand(overrides));
export const createPage = (h: CatalogHarness, overrides: Record<string, unknown> = {}) => created(h, '/pages', aPage(overrides));
