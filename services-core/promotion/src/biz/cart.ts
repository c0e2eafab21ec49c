// What EvaluateCart receives and answers, in domain terms (amounts are integers in minor units of the cart currency).
export interface CartLine {
  lineId: string;
  sku: string;
  productId: string;
  categoryIds: string[];
  brandId: string;
  quantity: number;
  unitPriceMinor: number;
}

export interface Cart {
  currency: string;
  /** Empty for a guest. */
  customerId: string;
  customerGroups: string[];
  codes: string[];
  lines: CartLine[];
  shippingMinor: number;
}

export interface Adjustment {
  promotionId: string;
  code: string;
  amountMinor: number;
  label: string;
}

export interface LineDiscount {
  lineId: string;
  discountMinor: number;
  adjustments: Adjustment[];
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

export interface CartEvaluation {
  lines: LineDiscount[];
  shippingDiscountMinor: number;
  discountTotalMinor: number;
  applied: AppliedPromotion[];
  refusedCodes: RefusedCode[];
}

export function cartSubtotal(cart: Cart): bigint {
  return cart.lines.reduce((sum, l) => sum + BigInt(l.unitPriceMinor) * BigInt(l.quantity), 0n);
}
