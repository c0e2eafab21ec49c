// The loyalty service's environment, validated at start-up (one line naming a bad variable), and the programme
// rules it carries.
import { z } from 'zod';
import { baseEnv, port } from '@ecommerce/common/config';
import { eventsEnv } from '@ecommerce/common/events';
import { isKnownCurrency } from './biz/currency.js';
import { parseTiers, type LoyaltyRules } from './biz/rules.js';

const count = (fallback: number, min = 0) => z.coerce.number().int().min(min).max(1_000_000).default(fallback);

export const loyaltyEnv = baseEnv.extend(eventsEnv.shape).extend({
  HTTP_PORT: port(8013),
  GRPC_PORT: port(9013),
  GRPC_HOST: z.string().default('0.0.0.0'),
  /** How long in-flight calls may finish after SIGTERM. */
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  LOYALTY_EARN_POINTS_PER_UNIT: count(1),
  LOYALTY_REDEEM_POINTS_PER_UNIT: count(100, 1),
  LOYALTY_SIGNUP_BONUS: count(100),
  LOYALTY_REVIEW_BONUS: count(50),
  LOYALTY_REFERRAL_BONUS: count(500),
  LOYALTY_POINTS_TTL_DAYS: count(365, 1),
  LOYALTY_EXPIRING_SOON_DAYS: count(30, 1),
  LOYALTY_TIER_CURRENCY: z.string().refine(isKnownCurrency, 'must be an ISO 4217 currency code').default('EUR'),
  /** name:min rolling 12-month spend in minor units:earn multiplier percent, ascending. */
  LOYALTY_TIERS: z
    .string()
    .default('base:0:100,silver:50000:125,gold:200000:150')
    .superRefine((spec, ctx) => {
      try {
        parseTiers(spec);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
      }
    }),
});

export type LoyaltyConfig = z.infer<typeof loyaltyEnv>;

export function rulesFrom(config: LoyaltyConfig): LoyaltyRules {
  return {
    earnPointsPerUnit: config.LOYALTY_EARN_POINTS_PER_UNIT,
    redeemPointsPerUnit: config.LOYALTY_REDEEM_POINTS_PER_UNIT,
    signupBonus: config.LOYALTY_SIGNUP_BONUS,
    reviewBonus: config.LOYALTY_REVIEW_BONUS,
    referralBonus: config.LOYALTY_REFERRAL_BONUS,
    pointsTtlDays: config.LOYALTY_POINTS_TTL_DAYS,
    expiringSoonDays: config.LOYALTY_EXPIRING_SOON_DAYS,
    tierCurrency: config.LOYALTY_TIER_CURRENCY,
    tiers: parseTiers(config.LOYALTY_TIERS),
  };
}
