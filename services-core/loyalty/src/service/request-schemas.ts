// Shapes every request must have before a use case sees it; zod paths are the ts-proto (camelCase) names,
// reported in the proto's snake_case by parseProtoRequest.
import { z } from 'zod';
import { REFERRAL_CODE_LENGTH } from '../biz/account.js';
import { isKnownCurrency } from '../biz/currency.js';

/** Far below 2^53, so no int64 that passes loses precision as a JavaScript number. */
const MAX_POINTS = 1_000_000_000_000;

const customerId = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
/** `me` (or empty): the caller's own. */
const ownOrNamedCustomer = z.string().trim().max(200, 'must be at most 200 characters');
const reference = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const currency = z
  .string()
  .regex(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 currency code (3 upper-case letters)', abort: true })
  .refine(isKnownCurrency, 'is not a known ISO 4217 currency');

export const getAccountRequest = z.object({ customerId: ownOrNamedCustomer });

export const listLedgerRequest = z.object({
  customerId: ownOrNamedCustomer,
  page: z.number().int().min(0, 'must not be negative').max(100_000, 'must be at most 100000'),
  pageSize: z.number().int().min(0, 'must not be negative').max(100, 'must be at most 100'),
});

export const adjustPointsRequest = z.object({
  customerId,
  points: z
    .number()
    .int('must be a whole number')
    .min(-MAX_POINTS, `must be at least -${MAX_POINTS}`)
    .max(MAX_POINTS, `must be at most ${MAX_POINTS}`)
    .refine((points) => points !== 0, 'must not be zero'),
  reason: z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters'),
});

export const getReferralCodeRequest = z.object({});

export const applyReferralCodeRequest = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(new RegExp(`^[A-Z0-9]{${REFERRAL_CODE_LENGTH}}$`), `must be ${REFERRAL_CODE_LENGTH} letters or digits`),
});

export const reserveRedemptionRequest = z.object({
  reference,
  customerId,
  points: z.number().int('must be a whole number').min(1, 'must be positive').max(MAX_POINTS, `must be at most ${MAX_POINTS}`),
  currency,
});

export const redemptionReferenceRequest = z.object({ reference });
