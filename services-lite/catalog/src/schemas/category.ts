import { z } from 'zod';
import { description, name, slug, timestamp } from './common.js';

export const createCategoryBody = z
  .object({
    name,
    slug,
    description: description.default(''),
    parentId: z.uuid().nullable().default(null),
    position: z.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

export const updateCategoryBody = z
  .object({
    name: name.optional(),
    slug: slug.optional(),
    description: description.optional(),
    parentId: z.uuid().nullable().optional(),
    position: z.number().int().min(0).max(1_000_000).optional(),
  })
  .strict();

export const moveCategoryBody = z
  .object({
    parentId: z.uuid().nullable(),
    position: z.number().int().min(0).max(1_000_000).optional(),
  })
  .strict();

export const listCategoriesQuery = z
  .object({ view: z.enum(['flat', 'tree']).default('flat') })
  .strict();

export const categorySchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  name: z.string(),
  slug: z.string(),
  description: z.string(),
  position: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

/** `GET /categories?view=tree`: each category with its sub-categories, to any depth (the flat view has no `children`). */
export const categoryNodeSchema: z.ZodType<Category & { children?: unknown[] }> = categorySchema
  .extend({
    get children() {
      return z.array(categoryNodeSchema).optional();
    },
  })
  .meta({ title: 'CategoryNode' });

export type Category = z.infer<typeof categorySchema>;
export type CreateCategory = z.infer<typeof createCategoryBody>;
export type UpdateCategory = z.infer<typeof updateCategoryBody>;
