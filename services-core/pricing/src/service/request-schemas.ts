// Shapes every request must have before a use case sees it; zod paths are the ts-proto (camelCase) names, which
// parseProtoRequest turns back into the proto's snake_case in the violations.
import { z } from 'zod';
import { PriceListStatus, PriceListType, TaxRounding } from '@ecommerce/proto/pricing/v1/pricing';
import { CURRENCIES, MAX_AMOUNT_MINOR, MAX_QUANTITY } from '../biz/money.js';
import { windowIsValid } from '../biz/price-list.js';
import { tierViolations } from '../biz/price-tiers.js';

const id = z.uuid({ message: 'must be a UUID' });
export const sku = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be letters, digits, ".", "_" or "-", starting with a letter or digit');
// An enum rather than a refinement, so the OpenAPI document lists the accepted codes.
const currency = z.enum([...CURRENCIES] as [string, ...string[]], { message: 'must be a known ISO 4217 currency code in upper case, like "EUR"' });
const country = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code in upper case, like "DE"');
// Subdivision codes as a region names them ("ON", "QC", "BY"); compared without regard to case or spaces around.
const province = z
  .string()
  .max(50, 'must be at most 50 characters')
  .transform((p) => p.trim().toUpperCase());
const label = z.string().min(1, 'must not be empty').max(100, 'must be at most 100 characters');
const labels = z.array(label).max(50, 'must have at most 50 entries');
const name = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const page = z.number().int().min(0, 'must not be negative').max(1_000_000, 'must be at most 1000000');
const pageSize = z.number().int().min(0, 'must not be negative').max(100, 'must be at most 100');

const tier = z.object({
  minQuantity: z.number().int().min(1, 'must be at least 1').max(MAX_QUANTITY, `must be at most ${MAX_QUANTITY}`),
  maxQuantity: z.number().int().min(0, 'must not be negative (0 = no upper bound)').max(MAX_QUANTITY, `must be at most ${MAX_QUANTITY}`),
  amountMinor: z.number().int().min(0, 'must not be negative').max(MAX_AMOUNT_MINOR, `must be at most ${MAX_AMOUNT_MINOR}`),
});

/** Tiers as biz has them (0 = no upper bound becomes undefined), with overlaps and gaps named per tier. */
function tiers(options: { contiguousFromOne: boolean; min: number }) {
  return z
    .array(tier)
    .min(options.min, 'must have at least one tier')
    .max(50, 'must have at most 50 tiers')
    .transform((list) => list.map((t) => ({ minQuantity: t.minQuantity, maxQuantity: t.maxQuantity === 0 ? undefined : t.maxQuantity, amountMinor: t.amountMinor })))
    .superRefine((list, ctx) => {
      for (const v of tierViolations(list, options)) ctx.addIssue({ code: 'custom', message: v.message, path: v.field ? [v.index, v.field] : [v.index] });
    });
}

export const calculatePricesRequest = z.object({
  currency,
  // Lenient about case: the order service passes the shipping address as the customer typed it.
  country: z.union([z.literal(''), z.string().regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 code, like "DE"')]).transform((c) => c.toUpperCase()),
  province,
  customerGroups: labels,
  channel: z.string().max(100, 'must be at most 100 characters'),
  lines: z
    .array(z.object({ sku, quantity: z.number().int().min(1, 'must be at least 1').max(MAX_QUANTITY, `must be at most ${MAX_QUANTITY}`) }))
    .min(1, 'must have at least one line')
    .max(200, 'must have at most 200 lines'),
});

export const setBasePriceRequest = z.object({ sku, currency, tiers: tiers({ contiguousFromOne: true, min: 1 }) });
export const skuRequest = z.object({ sku });
export const priceHistoryRequest = z.object({ sku, currency: z.union([z.literal(''), currency]), page, pageSize });

const listType = z.union([z.literal(PriceListType.PRICE_LIST_TYPE_SALE), z.literal(PriceListType.PRICE_LIST_TYPE_OVERRIDE)], {
  message: 'must be PRICE_LIST_TYPE_SALE or PRICE_LIST_TYPE_OVERRIDE',
});
// Bounded to years PostgreSQL's timestamptz and every client can hold, so a far date is a 400, never a 500.
const time = z
  .date({ message: 'must be a timestamp' })
  .min(new Date('1970-01-01T00:00:00Z'), 'must be in 1970 or later')
  .max(new Date('9999-12-31T23:59:59Z'), 'must be before the year 10000')
  .optional();

export const createPriceListRequest = z
  .object({
    name,
    type: listType,
    startTime: time,
    endTime: time,
    customerGroups: labels,
    countries: z.array(country).max(50, 'must have at most 50 entries'),
    channels: labels,
  })
  .refine((r) => windowIsValid(r.startTime, r.endTime), { message: 'must be after start_time', path: ['endTime'] });
export const updatePriceListRequest = z.object({
  id,
  name: name.optional(),
  startTime: time,
  endTime: time,
  clearStartTime: z.boolean(),
  clearEndTime: z.boolean(),
  replaceTargeting: z.boolean(),
  customerGroups: labels,
  countries: z.array(country).max(50, 'must have at most 50 entries'),
  channels: labels,
});
export const priceListIdRequest = z.object({ id });
export const listPriceListsRequest = z.object({
  page,
  pageSize,
  status: z.union(
    [z.literal(PriceListStatus.PRICE_LIST_STATUS_UNSPECIFIED), z.literal(PriceListStatus.PRICE_LIST_STATUS_DRAFT), z.literal(PriceListStatus.PRICE_LIST_STATUS_ACTIVE)],
    { message: 'must be a PriceListStatus' },
  ),
});
export const setPriceListPriceRequest = z.object({ priceListId: id, sku, currency, tiers: tiers({ contiguousFromOne: false, min: 0 }) });

const taxClassCode = z.string().regex(/^[a-z][a-z0-9_]{1,62}$/, 'must be 2-63 lower-case letters, digits or _, starting with a letter');
export const createTaxClassRequest = z.object({ code: taxClassCode, name });
export const assignTaxClassRequest = z.object({ sku, taxClass: taxClassCode });
export const setTaxRegionRequest = z.object({
  country,
  province,
  name,
  pricesIncludeTax: z.boolean(),
  rounding: z.union(
    [z.literal(TaxRounding.TAX_ROUNDING_UNSPECIFIED), z.literal(TaxRounding.TAX_ROUNDING_PER_LINE), z.literal(TaxRounding.TAX_ROUNDING_PER_TOTAL)],
    { message: 'must be a TaxRounding' },
  ),
  rates: z
    .array(z.object({ name: label, rateBps: z.number().int().min(0, 'must not be negative').max(10_000, 'must be at most 10000 (100 %)'), taxClass: taxClassCode }))
    .max(20, 'must have at most 20 rates'),
});
