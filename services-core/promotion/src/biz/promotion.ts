// The promotion aggregate: what a discount is, when it applies, how it stacks and what limits it has. Pure.
import type { FieldViolation } from '@ecommerce/common/errors';
import { isKnownCurrency } from './currency.js';

export type DiscountType = 'percentage' | 'fixed' | 'free_shipping' | 'buy_x_get_y';
export type DiscountTarget = 'items' | 'shipping' | 'order';
export type Allocation = 'per_item' | 'across';
export type ActivationStatus = 'active' | 'inactive';

export interface PromotionDefinition {
  name: string;
  description: string;
  campaignId: string | null;
  requiresCode: boolean;
  discountType: DiscountType;
  target: DiscountTarget;
  allocation: Allocation;
  percentageBps: number;
  amountMinor: number;
  currency: string | null;
  maxQuantity: number;
  buyQuantity: number;
  getQuantity: number;
  minSubtotalMinor: number;
  productIds: string[];
  categoryIds: string[];
  brandIds: string[];
  customerGroups: string[];
  startsAt: Date | null;
  endsAt: Date | null;
  exclusive: boolean;
  priority: number;
  usageLimit: number;
  usageLimitPerCustomer: number;
}

export interface Promotion extends PromotionDefinition {
  id: string;
  status: ActivationStatus;
  /** Reserved + committed uses. */
  uses: number;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * The rules no single field can check; fields are named as in the .proto (snake_case, under `prefix`).
 * Free shipping always targets shipping, and buy X get Y the items, whatever the request said.
 */
export function definitionViolations(d: PromotionDefinition, prefix = ''): FieldViolation[] {
  const v: FieldViolation[] = [];
  const at = (field: string, message: string) => v.push({ field: `${prefix}${field}`, message });
  if (d.currency !== null && !isKnownCurrency(d.currency)) at('currency', 'must be an ISO 4217 currency');
  if (d.startsAt && d.endsAt && d.endsAt <= d.startsAt) at('end_time', 'must be after start_time');
  if (d.discountType === 'percentage' && d.percentageBps < 1) at('percentage_bps', 'must be 1 to 10000 for a percentage');
  if (d.discountType === 'buy_x_get_y') {
    if (d.percentageBps < 1) at('percentage_bps', 'must be 1 to 10000 (10000 = the extra units are free)');
    if (d.buyQuantity < 1) at('buy_quantity', 'must be at least 1 for buy X get Y');
    if (d.getQuantity < 1) at('get_quantity', 'must be at least 1 for buy X get Y');
  }
  if (d.discountType === 'fixed') {
    if (d.amountMinor < 1) at('amount_minor', 'must be positive for a fixed discount');
    if (d.currency === null) at('currency', 'is required with a fixed amount');
  }
  if (d.minSubtotalMinor > 0 && d.currency === null) at('currency', 'is required with min_subtotal_minor');
  return v;
}

/** Normalises what the type implies, so stored definitions are unambiguous. */
export function normalizeDefinition(d: PromotionDefinition): PromotionDefinition {
  const target: DiscountTarget = d.discountType === 'free_shipping' ? 'shipping' : d.discountType === 'buy_x_get_y' ? 'items' : d.target;
  const sorted = (xs: string[]) => [...new Set(xs)].sort();
  return {
    ...d,
    name: d.name.trim(),
    target,
    percentageBps: d.discountType === 'fixed' || d.discountType === 'free_shipping' ? 0 : d.percentageBps,
    amountMinor: d.discountType === 'fixed' ? d.amountMinor : 0,
    // Only a fixed amount on items can be per unit or once across them; everything else has one meaning.
    allocation: d.discountType === 'fixed' && target === 'items' ? d.allocation : 'across',
    productIds: sorted(d.productIds),
    categoryIds: sorted(d.categoryIds),
    brandIds: sorted(d.brandIds),
    customerGroups: sorted(d.customerGroups),
  };
}
