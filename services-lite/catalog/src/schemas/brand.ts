import { paginationQuery } from '@ecommerce/common/models';
import { z } from 'zod';
import { description, name, slug, timestamp } from './common.js';

export const createBrandBody = z.object({ name, slug, description: description.default('') }).strict();

export const updateBrandBody = z
  .object({ name: name.optional(), slug: slug.optional(), description: description.optional() })
  .strict();

export const listBrandsQuery = paginationQuery.strict();

export const brandSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  description: z.string(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export type Brand = z.infer<typeof brandSchema>;
export type CreateBrand = z.infer<typeof createBrandBody>;
export type UpdateBrand = z.infer<typeof updateBrandBody>;
