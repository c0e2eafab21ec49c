import { paginationQuery } from '@ecommerce/common/models';
import { z } from 'zod';
import { description, name, slug, timestamp } from './common.js';
import { productSort } from './product-sort.js';

export const PRODUCT_STATUSES = ['draft', 'active', 'archived'] as const;

const sku = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be letters, digits, ".", "_" or "-", starting with a letter or digit');

const attributeValue = z.union([z.string().max(1000), z.number(), z.boolean(), z.array(z.string().max(1000)).max(100)]);
const attributes = z
  .record(z.string().min(1).max(100), attributeValue)
  .refine((a) => Object.keys(a).length <= 100, 'at most 100 attributes');

const image = z
  .object({ url: z.url({ protocol: /^https?$/ }), alt: z.string().max(300).default('') })
  .strict();
const images = z.array(image).max(50);

export const createProductBody = z
  .object({
    sku,
    slug,
    name,
    description: description.default(''),
    brandId: z.uuid().nullable().default(null),
    categoryId: z.uuid().nullable().default(null),
    attributes: attributes.default({}),
    images: images.default([]),
    status: z.enum(PRODUCT_STATUSES).default('draft'),
  })
  .strict();

export const updateProductBody = z
  .object({
    sku: sku.optional(),
    slug: slug.optional(),
    name: name.optional(),
    description: description.optional(),
    brandId: z.uuid().nullable().optional(),
    categoryId: z.uuid().nullable().optional(),
    attributes: attributes.optional(),
    images: images.optional(),
    status: z.enum(PRODUCT_STATUSES).optional(),
  })
  .strict();

export const listProductsQuery = paginationQuery
  .extend({
    category: z.uuid().optional(),
    brand: z.uuid().optional(),
    status: z.enum(PRODUCT_STATUSES).optional(),
    q: z.string().trim().min(1).max(200).optional(),
    sort: productSort,
    /** Staff only: list soft-deleted products instead of live ones. */
    deleted: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  })
  .strict();

export const productSchema = z.object({
  id: z.uuid(),
  sku: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  brandId: z.uuid().nullable(),
  categoryId: z.uuid().nullable(),
  attributes: attributes,
  images: z.array(z.object({ url: z.string(), alt: z.string() })),
  status: z.enum(PRODUCT_STATUSES),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.nullable(),
});

export type Product = z.infer<typeof productSchema>;
export type CreateProduct = z.infer<typeof createProductBody>;
export type UpdateProduct = z.infer<typeof updateProductBody>;
export type ListProducts = z.infer<typeof listProductsQuery>;
