// Domain -> proto messages (ts-proto shapes). No rules here.
import type * as pb from '@ecommerce/proto/order/v1/order';
import { cartTotals, type Address, type Cart } from '../biz/cart.js';
import type { Order } from '../biz/order.js';

function address(a: Address | null): pb.Address | undefined {
  return a ? { country: a.country, province: a.province, postcode: a.postcode, city: a.city, line1: a.line1, name: a.name } : undefined;
}

export function cartMessage(cart: Cart): pb.Cart {
  const totals = cartTotals(cart);
  return {
    id: cart.id,
    status: cart.status === 'active' && cart.expired ? 'expired' : cart.status,
    customerId: cart.customerId ?? '',
    country: cart.country,
    currency: cart.currency,
    lines: cart.lines.map((l) => ({
      id: l.id,
      sku: l.sku,
      quantity: l.quantity,
      unitPriceMinor: l.unitPriceMinor,
      subtotalMinor: l.subtotalMinor,
      discountMinor: l.discountMinor,
      taxMinor: l.taxMinor,
      totalMinor: l.totalMinor,
      adjustments: l.adjustments,
    })),
    couponCodes: cart.couponCodes,
    refusedCodes: cart.refusedCodes,
    shippingAddress: address(cart.shippingAddress),
    shippingOptions: cart.shippingOptions,
    shippingOptionId: cart.shippingOptionId ?? '',
    ...totals,
    taxInclusive: cart.taxInclusive,
    expireTime: cart.expiresAt,
    createTime: cart.createdAt,
    updateTime: cart.updatedAt,
  };
}

export function orderMessage(order: Order): pb.Order {
  return {
    id: order.id,
    cartId: order.cartId,
    customerId: order.customerId ?? '',
    status: order.status,
    paymentStatus: order.paymentStatus,
    fulfillmentStatus: order.fulfillmentStatus,
    statusReason: order.statusReason,
    currency: order.currency,
    country: order.country,
    lines: order.lines,
    shippingAddress: address(order.shippingAddress),
    shippingOptionId: order.shippingOptionId ?? '',
    subtotalMinor: order.subtotalMinor,
    discountMinor: order.discountMinor,
    shippingMinor: order.shippingMinor,
    taxMinor: order.taxMinor,
    totalMinor: order.totalMinor,
    couponCodes: order.couponCodes,
    paymentId: order.paymentId ?? '',
    capturedMinor: order.capturedMinor,
    refundedMinor: order.refundedMinor,
    history: order.history.map((h) => ({ field: h.field, from: h.from, to: h.to, actor: h.actor, reason: h.reason, createTime: h.createdAt })),
    createTime: order.createdAt,
    updateTime: order.updatedAt,
  };
}
