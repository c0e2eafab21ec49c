// Shapes every request must have before a use case sees it; zod paths are the ts-proto (camelCase) names,
// reported in the proto's snake_case by parseProtoRequest.
import { z } from 'zod';
import { isKnownCurrency, MAX_AMOUNT_MINOR } from '../biz/currency.js';
import { MAX_DELIVERY_DAYS, MAX_WEIGHT_TIERS } from '../biz/option-rules.js';
import { parsePostcodePattern } from '../biz/postcode-pattern.js';
import { MAX_WEIGHT_GRAMS } from '../biz/rates.js';
import { OPTION_KINDS } from '../biz/zone.js';

const id = z.uuid({ message: 'must be a UUID' });
const name = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const country = z.string().regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code such as FR');
const province = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');
const currency = z
  .string()
  .regex(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 currency code: 3 upper-case letters, e.g. EUR', abort: true })
  .refine(isKnownCurrency, 'must be a known ISO 4217 currency code');
const amountMinor = z.number().int().min(0, 'must not be negative').max(MAX_AMOUNT_MINOR, `must be at most ${MAX_AMOUNT_MINOR}`);
const weightGrams = z.number().int().min(0, 'must not be negative').max(MAX_WEIGHT_GRAMS, `must be at most ${MAX_WEIGHT_GRAMS}`);
const days = z.number().int().min(0, 'must not be negative').max(MAX_DELIVERY_DAYS, `must be at most ${MAX_DELIVERY_DAYS}`);
const postcodePattern = z
  .string()
  .max(32, 'must be at most 32 characters')
  .superRefine((value, ctx) => {
    const parsed = parsePostcodePattern(value);
    if ('error' in parsed) ctx.addIssue({ code: 'custom', message: parsed.error });
  });
const weightTier = z.object({
  maxWeightGrams: z.number().int().min(1, 'must be at least 1').max(MAX_WEIGHT_GRAMS, `must be at most ${MAX_WEIGHT_GRAMS}`),
  amountMinor,
});
const weightTiers = z.array(weightTier).max(MAX_WEIGHT_TIERS, `must hold at most ${MAX_WEIGHT_TIERS} tiers`);
const address = z.object({
  country,
  province: z.string().max(100, 'must be at most 100 characters'),
  postcode: z.string().max(20, 'must be at most 20 characters'),
  city: z.string().max(200, 'must be at most 200 characters'),
  line1: z.string().max(500, 'must be at most 500 characters'),
  name: z.string().max(200, 'must be at most 200 characters'),
});
const identifier = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');
const line = z.object({
  orderLineId: identifier,
  sku: identifier,
  quantity: z.number().int().min(1, 'must be at least 1').max(1_000_000, 'must be at most 1000000'),
});
/** Lines naming each order line once. */
const lines = (min: number) =>
  z
    .array(line)
    .min(min, `must hold at least ${min} line`)
    .max(500, 'must hold at most 500 lines')
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((item, i) => {
        if (seen.has(item.orderLineId)) ctx.addIssue({ code: 'custom', path: [i, 'orderLineId'], message: 'names an order line already listed' });
        seen.add(item.orderLineId);
      });
    });

export const quoteRatesRequest = z.object({ destination: address, weightGrams, subtotalMinor: amountMinor, currency });

export const createZoneRequest = z.object({
  name,
  countries: z.array(country).min(1, 'must list at least one country').max(250),
  provinces: z.array(province).max(200, 'must hold at most 200 provinces'),
  postcodePatterns: z.array(postcodePattern).max(500, 'must hold at most 500 patterns'),
});
export const updateZoneRequest = z.object({
  id,
  name: name.optional(),
  active: z.boolean().optional(),
  replaceCountries: z.boolean(),
  countries: z.array(country).max(250),
  replaceProvinces: z.boolean(),
  provinces: z.array(province).max(200, 'must hold at most 200 provinces'),
  replacePostcodePatterns: z.boolean(),
  postcodePatterns: z.array(postcodePattern).max(500, 'must hold at most 500 patterns'),
}).superRefine((request, ctx) => {
  // A zone always covers at least one country: replacing the list with nothing is refused here, by name.
  if (request.replaceCountries && request.countries.length === 0) ctx.addIssue({ code: 'custom', path: ['countries'], message: 'must list at least one country' });
});
export const listZonesRequest = z.object({});

export const createOptionRequest = z.object({
  zoneId: id,
  name,
  kind: z.enum(OPTION_KINDS, { message: `must be one of ${OPTION_KINDS.join(', ')}` }),
  currency,
  amountMinor,
  weightTiers,
  freeOverMinor: amountMinor,
  minDays: days,
  maxDays: days,
});
export const updateOptionRequest = z.object({
  id,
  name: name.optional(),
  amountMinor: amountMinor.optional(),
  replaceWeightTiers: z.boolean(),
  weightTiers,
  freeOverMinor: amountMinor.optional(),
  minDays: days.optional(),
  maxDays: days.optional(),
  active: z.boolean().optional(),
});

export const createShipmentRequest = z.object({
  orderId: identifier,
  lines: lines(1),
  ordered: lines(0),
  destination: address,
  optionId: z.union([z.literal(''), id]),
  weightGrams,
  reference: z.string().max(200, 'must be at most 200 characters'),
});
export const shipmentIdRequest = z.object({ id });
export const listShipmentsRequest = z.object({ orderId: identifier });
export const cancelShipmentRequest = z.object({ id, reason: z.string().max(500, 'must be at most 500 characters') });
export const advanceTrackingRequest = z.object({});
export const createReturnRequest = z.object({
  shipmentId: id,
  lines: lines(1),
  reason: z.string().max(500, 'must be at most 500 characters'),
});
