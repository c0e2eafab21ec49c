// Rule-based segments: a customer is a member when every rule of the segment matches (kept by triggers).
import { paginationQuery } from '@ecommerce/common/models';
import { z } from 'zod';
import { countryCode, currencyCode, timestamp } from './common.js';

export const segmentRuleBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('shipping_country'), country: countryCode }).strict(),
  z.object({ kind: z.literal('min_total_spent'), minSpentMinor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), currency: currencyCode }).strict(),
  z
    .object({ kind: z.literal('registered_between'), registeredFrom: timestamp.optional(), registeredTo: timestamp.optional() })
    .strict()
    .refine((r) => r.registeredFrom !== undefined || r.registeredTo !== undefined, {
      message: 'give registeredFrom, registeredTo or both',
      path: ['registeredFrom'],
    })
    .refine((r) => !r.registeredFrom || !r.registeredTo || r.registeredFrom < r.registeredTo, {
      message: 'must be before registeredTo',
      path: ['registeredFrom'],
    }),
]);

export type SegmentRuleInput = z.infer<typeof segmentRuleBody>;

export const segmentRuleSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['shipping_country', 'min_total_spent', 'registered_between']),
  country: z.string().nullable(),
  minSpentMinor: z.number().int().nullable(),
  currency: z.string().nullable(),
  registeredFrom: timestamp.nullable(),
  registeredTo: timestamp.nullable(),
});

export type SegmentRule = z.infer<typeof segmentRuleSchema>;

export const segmentSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  rules: z.array(segmentRuleSchema),
  memberCount: z.number().int(),
  createdAt: timestamp,
});

export type Segment = z.infer<typeof segmentSchema>;

export const createSegmentBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    description: z.string().trim().max(2000).nullable().optional(),
    rules: z.array(segmentRuleBody).max(20).default([]),
  })
  .strict();

export const segmentRuleParams = z.object({ id: z.uuid(), ruleId: z.uuid() });

export const listSegmentsQuery = paginationQuery;
