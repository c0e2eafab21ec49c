// Shapes every request must have before a use case sees it; zod paths are the ts-proto (camelCase) names, which
// parseProtoRequest reports in snake_case. Rules across fields live in biz (promotion.ts, campaign.ts).
import { z } from 'zod';
import { Allocation, DiscountTarget, DiscountType, PromotionStatus } from '@ecommerce/proto/promotion/v1/promotion';
import { isKnownCurrency } from '../biz/currency.js';
import { CODE_PATTERN, PREFIX_PATTERN } from '../biz/code.js';

/** 10^12 minor units: far above any real price, and every sum of such amounts stays an exact JS number. */
const MAX_MINOR = 1_000_000_000_000;
/** Bound on a cart's subtotal, so discount totals stay exact integers (below 2^53). */
const MAX_CART_MINOR = 1_000_000_000_000_000;

const id = z.uuid({ message: 'must be a UUID' });
const idOrEmpty = z.union([z.literal(''), id], { message: 'must be a UUID or empty' });
const money = z.number().int('must be an integer').min(0, 'must not be negative').max(MAX_MINOR, `must be at most ${MAX_MINOR}`);
const count = z.number().int().min(0, 'must not be negative').max(1_000_000_000, 'must be at most 1000000000');
const currency = z
  .string()
  .regex(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 currency (3 upper-case letters)', abort: true })
  .refine(isKnownCurrency, 'must be an ISO 4217 currency (3 upper-case letters)');
const currencyOrEmpty = z
  .string()
  .regex(/^([A-Z]{3})?$/, { message: 'must be an ISO 4217 currency (3 upper-case letters) or empty', abort: true })
  .refine((c) => c === '' || isKnownCurrency(c), 'must be an ISO 4217 currency (3 upper-case letters) or empty');
const ref = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');
const refs = z.array(ref).max(200, 'must have at most 200 entries');
const name = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const description = z.string().max(2000, 'must be at most 2000 characters');
const page = z.number().int().min(0, 'must not be negative').max(1_000_000, 'must be at most 1000000');
const pageSize = z.number().int().min(0, 'must not be negative').max(100, 'must be at most 100');
// PostgreSQL's timestamptz does not reach every JS date; promotions live in this range anyway.
const timestamp = z
  .date({ message: 'must be a timestamp' })
  .min(new Date('1970-01-01T00:00:00Z'), 'must be in 1970 or later')
  .max(new Date('9999-12-31T23:59:59Z'), 'must be before the year 10000')
  .optional();
// A literal set, so the OpenAPI document lists exactly the enum values the handler accepts.
const oneOf = <T extends number>(values: readonly [T, ...T[]], message: string) => z.literal(values, { message });

const promotionInput = z.object({
  name,
  description,
  campaignId: idOrEmpty,
  requiresCode: z.boolean(),
  discountType: oneOf(
    [DiscountType.DISCOUNT_TYPE_PERCENTAGE, DiscountType.DISCOUNT_TYPE_FIXED, DiscountType.DISCOUNT_TYPE_FREE_SHIPPING, DiscountType.DISCOUNT_TYPE_BUY_X_GET_Y],
    'must be DISCOUNT_TYPE_PERCENTAGE, _FIXED, _FREE_SHIPPING or _BUY_X_GET_Y',
  ),
  target: oneOf(
    [DiscountTarget.DISCOUNT_TARGET_UNSPECIFIED, DiscountTarget.DISCOUNT_TARGET_ITEMS, DiscountTarget.DISCOUNT_TARGET_SHIPPING, DiscountTarget.DISCOUNT_TARGET_ORDER],
    'must be DISCOUNT_TARGET_ITEMS, _SHIPPING or _ORDER (unspecified = items)',
  ),
  allocation: oneOf([Allocation.ALLOCATION_UNSPECIFIED, Allocation.ALLOCATION_PER_ITEM, Allocation.ALLOCATION_ACROSS], 'must be ALLOCATION_PER_ITEM or ALLOCATION_ACROSS'),
  percentageBps: z.number().int().min(0, 'must not be negative').max(10_000, 'must be at most 10000 (100%)'),
  amountMinor: money,
  currency: currencyOrEmpty,
  maxQuantity: count,
  buyQuantity: z.number().int().min(0, 'must not be negative').max(1000, 'must be at most 1000'),
  getQuantity: z.number().int().min(0, 'must not be negative').max(1000, 'must be at most 1000'),
  minSubtotalMinor: money,
  productIds: refs,
  categoryIds: refs,
  brandIds: refs,
  customerGroups: refs,
  startTime: timestamp,
  endTime: timestamp,
  exclusive: z.boolean(),
  priority: z.number().int().min(-1000, 'must be at least -1000').max(1000, 'must be at most 1000'),
  usageLimit: count,
  usageLimitPerCustomer: count,
});
export type PromotionInputRequest = z.infer<typeof promotionInput>;

export const createPromotionRequest = z.object({ promotion: promotionInput });
export const updatePromotionRequest = z.object({ id, promotion: promotionInput });
export const idRequest = z.object({ id });
export const listPromotionsRequest = z.object({
  page,
  pageSize,
  status: oneOf([PromotionStatus.PROMOTION_STATUS_UNSPECIFIED, PromotionStatus.PROMOTION_STATUS_ACTIVE, PromotionStatus.PROMOTION_STATUS_INACTIVE], 'must be a PromotionStatus'),
  campaignId: idOrEmpty,
});

const campaignInput = z.object({
  name,
  description,
  startTime: timestamp,
  endTime: timestamp,
  budgetUses: count,
  budgetAmountMinor: money,
  currency: currencyOrEmpty,
  usesPerCustomer: count,
});
export type CampaignInputRequest = z.infer<typeof campaignInput>;

export const createCampaignRequest = z.object({ campaign: campaignInput });
export const updateCampaignRequest = z.object({ id, campaign: campaignInput });
export const listCampaignsRequest = z.object({ page, pageSize });

export const createCodeRequest = z.object({
  promotionId: id,
  code: z.string().trim().regex(CODE_PATTERN, 'must be 3 to 40 letters, digits or dashes'),
  usageLimit: count,
});
export const generateCodesRequest = z.object({
  promotionId: id,
  count: z.number().int().min(1, 'must be at least 1').max(1000, 'must be at most 1000'),
  prefix: z.string().trim().regex(PREFIX_PATTERN, 'must be 1 to 20 letters or digits'),
});
export const listCodesRequest = z.object({ promotionId: id, page, pageSize, batchId: idOrEmpty });
export const getCodeRequest = z.object({ code: z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters') });

const cartLine = z.object({
  lineId: ref,
  sku: z.string().max(100, 'must be at most 100 characters'),
  productId: z.string().max(100, 'must be at most 100 characters'),
  categoryIds: z.array(ref).max(50, 'must have at most 50 entries'),
  brandId: z.string().max(100, 'must be at most 100 characters'),
  quantity: z.number().int().min(1, 'must be at least 1').max(10_000, 'must be at most 10000'),
  unitPriceMinor: money,
});

export const evaluateCartRequest = z.object({
  currency,
  customerId: z.string().max(100, 'must be at most 100 characters'),
  customerGroups: z.array(ref).max(50, 'must have at most 50 entries'),
  codes: z.array(z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters')).max(20, 'must have at most 20 codes'),
  lines: z
    .array(cartLine)
    .max(500, 'must have at most 500 lines')
    .superRefine((lines, ctx) => {
      const seen = new Set<string>();
      lines.forEach((l, i) => {
        if (seen.has(l.lineId)) ctx.addIssue({ code: 'custom', path: [i, 'lineId'], message: 'must be unique in the cart' });
        seen.add(l.lineId);
      });
      if (lines.reduce((s, l) => s + l.unitPriceMinor * l.quantity, 0) > MAX_CART_MINOR) ctx.addIssue({ code: 'custom', message: `subtotal must be at most ${MAX_CART_MINOR}` });
    }),
  shippingMinor: money,
});

const reference = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

export const reserveUsageRequest = z.object({
  reference,
  customerId: z.string().max(100, 'must be at most 100 characters'),
  applied: z
    .array(z.object({ promotionId: id, code: z.string().trim().max(64, 'must be at most 64 characters'), amountMinor: money }))
    .max(50, 'must have at most 50 entries')
    .superRefine((applied, ctx) => {
      const seen = new Set<string>();
      applied.forEach((a, i) => {
        if (seen.has(a.promotionId)) ctx.addIssue({ code: 'custom', path: [i, 'promotionId'], message: 'must appear once' });
        seen.add(a.promotionId);
      });
    }),
});
export const usageReferenceRequest = z.object({ reference });
