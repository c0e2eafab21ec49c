// The programme's rules, from configuration: earning and redemption rates, bonuses, expiry and the tiers.
export interface Tier {
  name: string;
  /** Rolling 12-month spend (minor units of the tier currency) from which the tier applies. */
  minSpendMinor: number;
  /** Earning multiplier in percent: 100 = x1. */
  earnMultiplierPercent: number;
}

export interface LoyaltyRules {
  /** Points earned per major unit spent (before the tier multiplier). */
  earnPointsPerUnit: number;
  /** Points that pay one major unit at checkout. */
  redeemPointsPerUnit: number;
  signupBonus: number;
  /** Paid once per approved review. */
  reviewBonus: number;
  /** Paid to both the referrer and the referred customer after the referred customer's first order. */
  referralBonus: number;
  /** A lot expires this many days after it was credited. */
  pointsTtlDays: number;
  /** GetAccount's "expiring soon" window. */
  expiringSoonDays: number;
  /** Spend in this currency counts toward the tier; orders in others earn points but do not move the tier. */
  tierCurrency: string;
  /** Ascending by minSpendMinor; the first one starts at 0. */
  tiers: readonly Tier[];
}

export const DAY_MS = 86_400_000;
export const TIER_WINDOW_DAYS = 365;

export function tierFor(rules: Pick<LoyaltyRules, 'tiers'>, spendMinor: number): { tier: Tier; next: Tier | undefined } {
  let index = 0;
  rules.tiers.forEach((tier, i) => {
    if (spendMinor >= tier.minSpendMinor) index = i;
  });
  return { tier: rules.tiers[index]!, next: rules.tiers[index + 1] };
}

/** Parses `base:0:100,silver:50000:125,gold:200000:150` (name:min spend minor:multiplier percent). */
export function parseTiers(spec: string): Tier[] {
  const tiers = spec.split(',').map((part) => {
    const [name, min, multiplier] = part.trim().split(':');
    const tier = { name: name ?? '', minSpendMinor: Number(min), earnMultiplierPercent: Number(multiplier) };
    if (!/^[a-z][a-z0-9_]{0,30}$/.test(tier.name) || !Number.isSafeInteger(tier.minSpendMinor) || !Number.isSafeInteger(tier.earnMultiplierPercent) || tier.earnMultiplierPercent < 0) {
      throw new Error(`invalid tier "${part}": expected name:min_spend_minor:multiplier_percent`);
    }
    return tier;
  });
  if (tiers[0]?.minSpendMinor !== 0) throw new Error('the first tier must start at 0');
  if (tiers.some((t, i) => i > 0 && t.minSpendMinor <= tiers[i - 1]!.minSpendMinor)) throw new Error('tiers must ascend by minimum spend');
  return tiers;
}
