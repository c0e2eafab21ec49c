// Shapes every request must have before a use case sees it; zod paths are the ts-proto (camelCase) names, which
// parseProtoRequest reports in the proto's snake_case (`lines.0.sku`, `ttl_seconds`).
import { z } from 'zod';
import { COUNTRY_PATTERN, LOCATION_CODE_PATTERN, MAX_PRIORITY } from '../biz/location.js';
import { MAX_TTL_SECONDS, REFERENCE_MAX_LENGTH } from '../biz/reservation.js';
import { MAX_LINE_QUANTITY, SKU_MAX_LENGTH, SKU_PATTERN } from '../biz/stock.js';

const sku = z
  .string()
  .min(1, 'must not be empty')
  .max(SKU_MAX_LENGTH, `must be at most ${SKU_MAX_LENGTH} characters`)
  .regex(SKU_PATTERN, 'must be letters, digits, ".", "_" or "-", starting with a letter or digit');
const quantity = z.number().int().min(1, 'must be at least 1').max(MAX_LINE_QUANTITY, `must be at most ${MAX_LINE_QUANTITY}`);
const line = z.object({ sku, quantity });
const lines = z.array(line).min(1, 'must not be empty').max(200, 'must have at most 200 lines');
const id = z.uuid({ message: 'must be a UUID' });
const country = z.string().regex(COUNTRY_PATTERN, 'must be an ISO 3166-1 alpha-2 code in upper case');
const name = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const address = z.string().max(500, 'must be at most 500 characters');
const priority = z.number().int().min(0, 'must not be negative').max(MAX_PRIORITY, `must be at most ${MAX_PRIORITY}`);
const reference = z.string().trim().min(1, 'must not be empty').max(REFERENCE_MAX_LENGTH, `must be at most ${REFERENCE_MAX_LENGTH} characters`);
const optionalReference = z.string().max(REFERENCE_MAX_LENGTH, `must be at most ${REFERENCE_MAX_LENGTH} characters`);

export const createLocationRequest = z.object({
  code: z.string().regex(LOCATION_CODE_PATTERN, 'must be 1-32 upper-case letters, digits, "-" or "_", starting with a letter or digit'),
  name,
  address,
  country,
  priority,
  active: z.boolean(),
});
export const updateLocationRequest = z.object({
  id,
  name: name.optional(),
  address: address.optional(),
  country: country.optional(),
  priority: priority.optional(),
  active: z.boolean().optional(),
});
export const setStockItemRequest = z.object({
  sku,
  tracked: z.boolean(),
  backorderAllowed: z.boolean(),
  lowStockThreshold: z.number().int().min(0, 'must not be negative').max(1_000_000_000, 'must be at most 1000000000'),
});
export const skuRequest = z.object({ sku });
export const locationLinesRequest = z.object({ locationId: id, lines, reference: optionalReference });
export const adjustStockRequest = z.object({
  locationId: id,
  sku,
  delta: z
    .number()
    .int()
    .min(-MAX_LINE_QUANTITY, `must be at least -${MAX_LINE_QUANTITY}`)
    .max(MAX_LINE_QUANTITY, `must be at most ${MAX_LINE_QUANTITY}`)
    .refine((d) => d !== 0, 'must not be 0'),
  reason: z.string().trim().min(1, 'must say why').max(200, 'must be at most 200 characters'),
});
export const transferStockRequest = z
  .object({ fromLocationId: id, toLocationId: id, sku, quantity, reference: optionalReference })
  .refine((r) => r.fromLocationId !== r.toLocationId, { message: 'must differ from from_location_id', path: ['toLocationId'] });
export const listMovementsRequest = z.object({
  sku: z.union([z.literal(''), sku]),
  locationId: z.union([z.literal(''), id]),
  pageSize: z.number().int().min(0, 'must not be negative').max(200, 'must be at most 200'),
  beforeId: z.string().regex(/^(|[1-9][0-9]{0,17})$/, 'must be a movement id'),
});
export const reserveRequest = z.object({
  reference,
  lines,
  ttlSeconds: z.number().int().min(1, 'must be at least 1').max(MAX_TTL_SECONDS, `must be at most ${MAX_TTL_SECONDS}`),
  country: z.union([z.literal(''), country]),
});
export const referenceRequest = z.object({ reference });
export const commitReservationRequest = z.object({ reference, lines: z.array(line).max(200, 'must have at most 200 lines') });
export const getAvailabilityRequest = z.object({ skus: z.array(sku).min(1, 'must not be empty').max(500, 'must have at most 500 SKUs') });
