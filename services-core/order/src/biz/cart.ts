// The cart as the domain sees it, and its rules: who may touch it, when it may change, how big a line may be.
import { FailedPreconditionError } from '@ecommerce/common/errors';

export type CartStatus = 'active' | 'checking_out' | 'converted' | 'merged' | 'expired';

export const MAX_LINE_QUANTITY = 999;
export const MAX_CART_LINES = 100;
export const MAX_COUPONS = 5;

export interface Address {
  country: string;
  province: string;
  postcode: string;
  city: string;
  line1: string;
  name: string;
}

export interface Adjustment {
  promotionId: string;
  code: string;
  amountMinor: number;
  label: string;
}

export interface CartLine {
  id: string;
  sku: string;
  quantity: number;
  unitPriceMinor: number;
  subtotalMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
  adjustments: Adjustment[];
}

export interface ShippingOption {
  optionId: string;
  name: string;
  amountMinor: number;
  minDays: number;
  maxDays: number;
}

export interface AppliedPromotion {
  promotionId: string;
  code: string;
  amountMinor: number;
}

export interface RefusedCode {
  code: string;
  reason: string;
}

export interface Cart {
  id: string;
  customerId: string | null;
  /** sha256 (hex) of a guest cart's token; null for a customer cart. */
  tokenHash: string | null;
  status: CartStatus;
  country: string;
  currency: string;
  couponCodes: string[];
  refusedCodes: RefusedCode[];
  appliedPromotions: AppliedPromotion[];
  shippingAddress: Address | null;
  shippingOptions: ShippingOption[];
  shippingOptionId: string | null;
  shippingMinor: number;
  shippingDiscountMinor: number;
  taxInclusive: boolean;
  lines: CartLine[];
  /** Whether expires_at has passed (by the database's clock). */
  expired: boolean;
  expiresAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

/** Who is calling: a customer (their own carts and orders), staff (everything), or an anonymous guest. */
export interface Caller {
  customerId: string | null;
  staff: boolean;
  /** For the status history: `customer:<id>`, `staff:<id>`, `guest`, `system`. */
  actor: string;
}

export interface CartTotals {
  subtotalMinor: number;
  discountMinor: number;
  shippingMinor: number;
  taxMinor: number;
  totalMinor: number;
}

export function cartTotals(cart: {
  lines: ReadonlyArray<Pick<CartLine, 'subtotalMinor' | 'discountMinor' | 'taxMinor' | 'totalMinor'>>;
  shippingMinor: number;
  shippingDiscountMinor: number;
}): CartTotals {
  let subtotalMinor = 0;
  let lineDiscounts = 0;
  let taxMinor = 0;
  let linesTotal = 0;
  for (const line of cart.lines) {
    subtotalMinor += line.subtotalMinor;
    lineDiscounts += line.discountMinor;
    taxMinor += line.taxMinor;
    linesTotal += line.totalMinor;
  }
  const shippingDiscount = Math.min(cart.shippingDiscountMinor, cart.shippingMinor);
  return {
    subtotalMinor,
    discountMinor: lineDiscounts + shippingDiscount,
    shippingMinor: cart.shippingMinor,
    taxMinor,
    totalMinor: linesTotal + cart.shippingMinor - shippingDiscount,
  };
}

/** A cart takes changes only while active and not expired. */
export function assertCartChangeable(cart: Cart): void {
  if (cart.expired && cart.status === 'active') throw new FailedPreconditionError(`cart ${cart.id} has expired`);
  if (cart.status !== 'active') throw new FailedPreconditionError(`cart ${cart.id} is ${cart.status} and takes no changes`);
}
