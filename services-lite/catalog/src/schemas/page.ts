import { isoTimestamp, paginationQuery } from '@ecommerce/common/models';
import { z } from 'zod';
import { slug, timestamp } from './common.js';

export const PAGE_STATUSES = ['draft', 'published'] as const;

const title = z.string().trim().min(1).max(300);
const body = z.string().max(200_000);

export const createPageBody = z
  .object({
    slug,
    title,
    body: body.default(''),
    status: z.enum(PAGE_STATUSES).default('draft'),
    /** A future date schedules the page; omitted on a published page means "now". */
    publishedAt: isoTimestamp({ offset: true }).nullable().optional(),
  })
  .strict();

export const updatePageBody = z
  .object({
    slug: slug.optional(),
    title: title.optional(),
    body: body.optional(),
    status: z.enum(PAGE_STATUSES).optional(),
    publishedAt: isoTimestamp({ offset: true }).nullable().optional(),
  })
  .strict();

export const listPagesQuery = paginationQuery
  .extend({ status: z.enum(PAGE_STATUSES).optional() })
  .strict();

export const pageSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  body: z.string(),
  status: z.enum(PAGE_STATUSES),
  publishedAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export type CmsPage = z.infer<typeof pageSchema>;
export type CreatePage = z.infer<typeof createPageBody>;
export type UpdatePage = z.infer<typeof updatePageBody>;
export type ListPages = z.infer<typeof listPagesQuery>;
