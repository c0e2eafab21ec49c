// The order and its three statuses, kept apart (DESIGN.md 11): what the order is (status), where its money is
// (payment_status) and where its goods are (fulfillment_status). Transitions are guarded here and nowhere else.
import { FailedPreconditionError } from '@ecommerce/common/errors';
import type { Address, AppliedPromotion } from './cart.js';

export type OrderStatus = 'pending' | 'confirmed' | 'completed' | 'cancelled' | 'failed' | 'returned';
export type PaymentStatus = 'none' | 'authorized' | 'partially_captured' | 'captured' | 'voided' | 'partially_refunded' | 'refunded' | 'failed';
export type FulfillmentStatus = 'unfulfilled' | 'partially_shipped' | 'shipped' | 'returned';

export const ORDER_STATUSES: readonly OrderStatus[] = ['pending', 'confirmed', 'completed', 'cancelled', 'failed', 'returned'];

export interface OrderLine {
  id: string;
  sku: string;
  quantity: number;
  unitPriceMinor: number;
  subtotalMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
  shippedQuantity: number;
  returnedQuantity: number;
}

export interface StatusChange {
  field: 'status' | 'payment_status' | 'fulfillment_status';
  from: string;
  to: string;
  actor: string;
  reason: string;
  createdAt: Date;
}

export interface Order {
  id: string;
  cartId: string;
  checkoutKey: string;
  sagaId: string;
  customerId: string | null;
  status: OrderStatus;
  paymentStatus: PaymentStatus;
  fulfillmentStatus: FulfillmentStatus;
  statusReason: string;
  currency: string;
  country: string;
  lines: OrderLine[];
  shippingAddress: Address | null;
  shippingOptionId: string | null;
  subtotalMinor: number;
  discountMinor: number;
  shippingMinor: number;
  taxMinor: number;
  totalMinor: number;
  couponCodes: string[];
  appliedPromotions: AppliedPromotion[];
  paymentId: string | null;
  capturedMinor: number;
  refundedMinor: number;
  history: StatusChange[];
  createdAt: Date;
  updatedAt: Date;
}

/** Which order statuses may follow which. Terminal: failed, cancelled, returned. */
const ORDER_TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  pending: ['confirmed', 'failed'],
  confirmed: ['completed', 'cancelled', 'returned'],
  completed: ['returned'],
  cancelled: [],
  failed: [],
  returned: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

export function assertTransition(order: Pick<Order, 'id' | 'status'>, to: OrderStatus): void {
  if (!canTransition(order.status, to)) throw new FailedPreconditionError(`order ${order.id} is ${order.status} and cannot become ${to}`);
}

/** Cancelling is for orders nothing of which has shipped yet; a shipped order can only be returned. */
export function assertCancellable(order: Pick<Order, 'id' | 'status' | 'fulfillmentStatus'>): void {
  if (order.status === 'confirmed' && order.fulfillmentStatus !== 'unfulfilled') {
    throw new FailedPreconditionError(`order ${order.id} has shipped (${order.fulfillmentStatus}); it can only be returned`);
  }
  assertTransition(order, 'cancelled');
}

/** Fulfilment status from the lines' shipped and returned quantities. */
export function fulfillmentOf(lines: readonly Pick<OrderLine, 'quantity' | 'shippedQuantity' | 'returnedQuantity'>[]): FulfillmentStatus {
  const ordered = lines.reduce((n, l) => n + l.quantity, 0);
  const shipped = lines.reduce((n, l) => n + l.shippedQuantity, 0);
  const returned = lines.reduce((n, l) => n + l.returnedQuantity, 0);
  if (shipped === 0) return 'unfulfilled';
  if (returned === shipped && shipped === ordered) return 'returned';
  return shipped === ordered ? 'shipped' : 'partially_shipped';
}

/** Payment status from the amounts the payment service reported. */
export function paymentStatusOf(amounts: { authorizedMinor: number; capturedMinor: number; refundedMinor: number }): PaymentStatus {
  if (amounts.refundedMinor > 0) return amounts.refundedMinor >= amounts.capturedMinor ? 'refunded' : 'partially_refunded';
  if (amounts.capturedMinor > 0) return amounts.capturedMinor >= amounts.authorizedMinor ? 'captured' : 'partially_captured';
  return amounts.authorizedMinor > 0 ? 'authorized' : 'none';
}
