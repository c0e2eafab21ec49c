// Whether a promotion may apply to a cart right now, and if not, the reason a customer is shown for their code.
import type { Campaign } from './campaign.js';
import { cartSubtotal, type Cart, type CartLine } from './cart.js';
import type { PromotionCode } from './code.js';
import type { Promotion } from './promotion.js';

/** A promotion reached through a code or automatically, with the counters its limits are checked against. */
export interface Candidate {
  promotion: Promotion;
  code: PromotionCode | null;
  campaign: Campaign | null;
  /** This customer's reserved + committed uses (0 for a guest). */
  customerPromotionUses: number;
  customerCampaignUses: number;
}

/** Product, category and brand filters are a union: a line qualifies by any of them; no filter = every line. */
export function qualifies(promotion: Promotion, line: CartLine): boolean {
  const { productIds, categoryIds, brandIds } = promotion;
  if (productIds.length === 0 && categoryIds.length === 0 && brandIds.length === 0) return true;
  return productIds.includes(line.productId) || brandIds.includes(line.brandId) || line.categoryIds.some((c) => categoryIds.includes(c));
}

function windowReason(startsAt: Date | null, endsAt: Date | null, now: Date): string | null {
  if (startsAt && now < startsAt) return 'not started yet';
  if (endsAt && now >= endsAt) return 'expired';
  return null;
}

/** null when the candidate applies; the checks run from the most to the least fundamental. */
export function refusalReason(c: Candidate, cart: Cart, now: Date): string | null {
  const { promotion: p, campaign, code } = c;
  if (p.status !== 'active' || (campaign && campaign.status !== 'active')) return 'inactive';
  const window = windowReason(p.startsAt, p.endsAt, now) ?? (campaign ? windowReason(campaign.startsAt, campaign.endsAt, now) : null);
  if (window) return window;
  if (code && code.usageLimit > 0 && code.uses >= code.usageLimit) return 'usage limit reached';
  if (p.usageLimit > 0 && p.uses >= p.usageLimit) return 'usage limit reached';
  if (campaign && campaign.budgetUses > 0 && campaign.uses >= campaign.budgetUses) return 'campaign budget exhausted';
  if (campaign && campaign.budgetAmountMinor > 0 && campaign.amountUsedMinor >= campaign.budgetAmountMinor) return 'campaign budget exhausted';
  if (cart.customerId && p.usageLimitPerCustomer > 0 && c.customerPromotionUses >= p.usageLimitPerCustomer) return 'usage limit per customer reached';
  if (cart.customerId && campaign && campaign.usesPerCustomer > 0 && c.customerCampaignUses >= campaign.usesPerCustomer) {
    return 'usage limit per customer reached';
  }
  const currency = p.currency ?? (campaign && campaign.budgetAmountMinor > 0 ? campaign.currency : null);
  if (currency && currency !== cart.currency) return `condition not met: currency ${currency}`;
  if (p.minSubtotalMinor > 0 && cartSubtotal(cart) < BigInt(p.minSubtotalMinor)) return `condition not met: min_subtotal_minor ${p.minSubtotalMinor}`;
  if (p.customerGroups.length > 0 && !cart.customerGroups.some((g) => p.customerGroups.includes(g))) return 'condition not met: customer_groups';
  if (!cart.lines.some((l) => qualifies(p, l))) return 'condition not met: no qualifying product, category or brand';
  return null;
}
