// Row shapes of the orders schema and their mapping to the domain (bigint columns arrive as strings from pg).
import type { Address, AppliedPromotion, Cart, CartLine, RefusedCode, ShippingOption } from '../biz/cart.js';
import type { Order, OrderLine, StatusChange } from '../biz/order.js';

export interface CartRow {
  id: string;
  customer_id: string | null;
  token_hash: string | null;
  status: Cart['status'];
  country: string;
  currency: string;
  coupon_codes: string[];
  refused_codes: RefusedCode[];
  applied_promotions: AppliedPromotion[];
  shipping_address: Address | null;
  shipping_options: ShippingOption[];
  shipping_option_id: string | null;
  shipping_minor: string;
  shipping_discount_minor: string;
  tax_inclusive: boolean;
  expired: boolean;
  expires_at: Date;
  created_at: Date;
  updated_at: Date;
}

export interface CartLineRow {
  id: string;
  cart_id: string;
  sku: string;
  quantity: number;
  unit_price_minor: string;
  subtotal_minor: string;
  discount_minor: string;
  tax_minor: string;
  total_minor: string;
  adjustments: CartLine['adjustments'];
}


export function cartFromRows(row: CartRow, lines: CartLineRow[]): Cart {
  return {
    id: row.id,
    customerId: row.customer_id,
    tokenHash: row.token_hash,
    status: row.status,
    country: row.country,
    currency: row.currency,
    couponCodes: row.coupon_codes,
    refusedCodes: row.refused_codes,
    appliedPromotions: row.applied_promotions,
    shippingAddress: row.shipping_address,
    shippingOptions: row.shipping_options,
    shippingOptionId: row.shipping_option_id,
    shippingMinor: Number(row.shipping_minor),
    shippingDiscountMinor: Number(row.shipping_discount_minor),
    taxInclusive: row.tax_inclusive,
    lines: lines.map((l) => ({
      id: l.id,
      sku: l.sku,
      quantity: l.quantity,
      unitPriceMinor: Number(l.unit_price_minor),
      subtotalMinor: Number(l.subtotal_minor),
      discountMinor: Number(l.discount_minor),
      taxMinor: Number(l.tax_minor),
      totalMinor: Number(l.total_minor),
      adjustments: l.adjustments,
    })),
    expired: row.expired,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface OrderRow {
  id: string;
  cart_id: string;
  checkout_key: string;
  saga_id: string;
  customer_id: string | null;
  status: Order['status'];
  payment_status: Order['paymentStatus'];
  fulfillment_status: Order['fulfillmentStatus'];
  status_reason: string;
  currency: string;
  country: string;
  shipping_address: Address | null;
  shipping_option_id: string | null;
  subtotal_minor: string;
  discount_minor: string;
  shipping_minor: string;
  tax_minor: string;
  total_minor: string;
  coupon_codes: string[];
  applied_promotions: AppliedPromotion[];
  payment_id: string | null;
  captured_minor: string;
  refunded_minor: string;
  created_at: Date;
  updated_at: Date;
}

export interface OrderLineRow {
  id: string;
  order_id: string;
  position: number;
  sku: string;
  quantity: number;
  unit_price_minor: string;
  subtotal_minor: string;
  discount_minor: string;
  tax_minor: string;
  total_minor: string;
  shipped_quantity: number;
  returned_quantity: number;
}

export interface HistoryRow {
  order_id: string;
  field: StatusChange['field'];
  from_value: string;
  to_value: string;
  actor: string;
  reason: string;
  created_at: Date;
}

export function orderFromRows(row: OrderRow, lines: OrderLineRow[], history: HistoryRow[]): Order {
  return {
    id: row.id,
    cartId: row.cart_id,
    checkoutKey: row.checkout_key,
    sagaId: row.saga_id,
    customerId: row.customer_id,
    status: row.status,
    paymentStatus: row.payment_status,
    fulfillmentStatus: row.fulfillment_status,
    statusReason: row.status_reason,
    currency: row.currency,
    country: row.country,
    lines: lines.map(
      (l): OrderLine => ({
        id: l.id,
        sku: l.sku,
        quantity: l.quantity,
        unitPriceMinor: Number(l.unit_price_minor),
        subtotalMinor: Number(l.subtotal_minor),
        discountMinor: Number(l.discount_minor),
        taxMinor: Number(l.tax_minor),
        totalMinor: Number(l.total_minor),
        shippedQuantity: l.shipped_quantity,
        returnedQuantity: l.returned_quantity,
      }),
    ),
    shippingAddress: row.shipping_address,
    shippingOptionId: row.shipping_option_id,
    subtotalMinor: Number(row.subtotal_minor),
    discountMinor: Number(row.discount_minor),
    shippingMinor: Number(row.shipping_minor),
    taxMinor: Number(row.tax_minor),
    totalMinor: Number(row.total_minor),
    couponCodes: row.coupon_codes,
    appliedPromotions: row.applied_promotions,
    paymentId: row.payment_id,
    capturedMinor: Number(row.captured_minor),
    refundedMinor: Number(row.refunded_minor),
    history: history.map((h) => ({ field: h.field, from: h.from_value, to: h.to_value, actor: h.actor, reason: h.reason, createdAt: h.created_at })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
