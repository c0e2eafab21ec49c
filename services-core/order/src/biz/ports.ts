// What the use cases need: storage behind interfaces, the unit of work in which a use case's writes and the
// events it decides commit together, and the other services (pricing, promotion, warehouse, payment, shipping)
// behind ports. data/ implements these with Knex and gRPC clients; tests may bind others.
import type { EmittableBy, EventRecorder, Transaction, UnitOfWork } from '@ecommerce/common/events';
import type { EventCatalog } from '@ecommerce/proto/event-catalog';
import type { Address, AppliedPromotion, Cart, CartLine, RefusedCode, ShippingOption } from './cart.js';
import type { FulfillmentStatus, Order, OrderStatus, PaymentStatus, StatusChange } from './order.js';

/** The service may emit its own event types only (`order.*`). */
export type OrderEventType = EmittableBy<EventCatalog, 'order'>;
export type OrderUnitOfWork = UnitOfWork<EventCatalog, OrderEventType>;
export type OrderEvents = EventRecorder<EventCatalog, OrderEventType>;

// ---- storage ----

export interface NewCart {
  customerId: string | null;
  tokenHash: string | null;
  country: string;
  currency: string;
  ttlHours: number;
}

/** The priced state of a cart, written after every change. */
export interface CartSnapshot {
  lines: Array<Omit<CartLine, 'id'> & { id?: string }>;
  couponCodes: string[];
  refusedCodes: RefusedCode[];
  appliedPromotions: AppliedPromotion[];
  shippingAddress: Address | null;
  shippingOptions: ShippingOption[];
  shippingOptionId: string | null;
  shippingMinor: number;
  shippingDiscountMinor: number;
  taxInclusive: boolean;
  ttlHours: number;
}

export interface CartRepository {
  create(tx: Transaction, cart: NewCart): Promise<Cart>;
  /** The customer's open (active or checking out) cart, if any. */
  findOpenForCustomer(tx: Transaction, customerId: string): Promise<Cart | undefined>;
  get(cartId: string): Promise<Cart | undefined>;
  /** Reads the cart under a row lock held until `tx` ends. */
  getForUpdate(tx: Transaction, cartId: string): Promise<Cart | undefined>;
  saveSnapshot(tx: Transaction, cartId: string, snapshot: CartSnapshot): Promise<Cart>;
  setStatus(tx: Transaction, cartId: string, status: Cart['status']): Promise<void>;
  /** Takes the checkout lease unless another checkout holds it; false when it is held. */
  takeCheckoutLease(tx: Transaction, cartId: string, seconds: number): Promise<boolean>;
  releaseCheckoutLease(tx: Transaction, cartId: string): Promise<void>;
  /** Marks active carts past their expiry expired and deletes old carts no order refers to; returns how many went. */
  prune(retentionHours: number): Promise<number>;
}

export interface NewOrder {
  id: string;
  cartId: string;
  checkoutKey: string;
  sagaId: string;
  customerId: string | null;
  currency: string;
  country: string;
  shippingAddress: Address | null;
  shippingOptionId: string | null;
  subtotalMinor: number;
  discountMinor: number;
  shippingMinor: number;
  taxMinor: number;
  totalMinor: number;
  couponCodes: string[];
  appliedPromotions: AppliedPromotion[];
  lines: Array<Omit<CartLine, 'id' | 'adjustments'>>;
}

export interface OrderFilter {
  customerId?: string;
  status?: OrderStatus;
}

export interface OrderPage {
  orders: Order[];
  nextPageToken: string;
}

export interface OrderChanges {
  status?: OrderStatus;
  paymentStatus?: PaymentStatus;
  fulfillmentStatus?: FulfillmentStatus;
  statusReason?: string;
  paymentId?: string;
  capturedMinor?: number;
  refundedMinor?: number;
  /** Shipped / returned quantity per order line id. */
  lineQuantities?: Array<{ lineId: string; shippedQuantity: number; returnedQuantity: number }>;
}

export interface OrderRepository {
  /** Inserts the order unless it exists (a resumed saga step inserts again); returns it either way. */
  insertIfAbsent(tx: Transaction, order: NewOrder, actor: string): Promise<Order>;
  get(orderId: string): Promise<Order | undefined>;
  getForUpdate(tx: Transaction, orderId: string): Promise<Order | undefined>;
  findByCheckoutKey(cartId: string, checkoutKey: string): Promise<Order | undefined>;
  /** The cart's order that is not failed, if any. */
  findLiveForCart(cartId: string): Promise<Order | undefined>;
  /** Applies `changes` and writes one history row per status that changed, with actor and reason. */
  update(tx: Transaction, order: Order, changes: OrderChanges, actor: string, reason: string): Promise<Order>;
  list(filter: OrderFilter, pageSize: number, pageToken: string): Promise<OrderPage>;
  /** Records that shipment or return `movementId` was applied to the order; false when it already was. */
  recordMovement(tx: Transaction, orderId: string, kind: 'shipment' | 'return', movementId: string): Promise<boolean>;
  /** Why the checkout saga `sagaId` is compensating (the failed step and its error), from the saga's state. */
  sagaFailureReason(sagaId: string): Promise<string | undefined>;
}

export type { StatusChange };

// ---- other services ----

export interface PriceRequest {
  currency: string;
  country: string;
  province: string;
  lines: Array<{ sku: string; quantity: number }>;
}

export interface PricedLine {
  sku: string;
  quantity: number;
  unitPriceMinor: number;
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
}

export interface PriceQuote {
  taxInclusive: boolean;
  lines: PricedLine[];
}

/** pricing.v1 CalculatePrices. A SKU without a price -> NotFoundError naming it. */
export interface Prices {
  calculate(request: PriceRequest): Promise<PriceQuote>;
}

export interface DiscountRequest {
  currency: string;
  customerId: string;
  codes: string[];
  lines: Array<{ lineId: string; sku: string; quantity: number; unitPriceMinor: number }>;
  shippingMinor: number;
}

export interface DiscountResult {
  lines: Array<{ lineId: string; discountMinor: number; adjustments: CartLine['adjustments'] }>;
  shippingDiscountMinor: number;
  applied: AppliedPromotion[];
  refusedCodes: RefusedCode[];
}

/** promotion.v1 EvaluateCart and the usage reservation (idempotent by reference). */
export interface Discounts {
  evaluate(request: DiscountRequest): Promise<DiscountResult>;
  reserveUsage(reference: string, customerId: string, applied: AppliedPromotion[], idempotencyKey: string): Promise<void>;
  commitUsage(reference: string, idempotencyKey: string): Promise<void>;
  releaseUsage(reference: string, idempotencyKey: string): Promise<void>;
}

export interface SkuAvailability {
  sku: string;
  available: number;
  inStock: boolean;
  backorderAllowed: boolean;
  tracked: boolean;
}

export interface StockLine {
  sku: string;
  quantity: number;
}

/** warehouse.v1: availability and reservations keyed by the order id (idempotent by reference). */
export interface Stock {
  availability(skus: string[]): Promise<SkuAvailability[]>;
  /** All or nothing; not enough stock -> FailedPreconditionError naming the SKU. */
  reserve(reference: string, lines: StockLine[], country: string, idempotencyKey: string): Promise<void>;
  release(reference: string, idempotencyKey: string): Promise<void>;
  /** Commits `lines` of the reservation (shipped goods leave the reserved stock). */
  commit(reference: string, lines: StockLine[], idempotencyKey: string): Promise<void>;
  /** Puts returned goods of the order `reference` back on the shelves they were reserved from. */
  restock(reference: string, lines: StockLine[], idempotencyKey: string): Promise<void>;
}

export interface PaymentState {
  id: string;
  status: string;
  authorizedMinor: number;
  capturedMinor: number;
  refundedMinor: number;
  failureCode: string;
}

export interface AuthorizeRequest {
  orderId: string;
  customerId: string;
  amountMinor: number;
  currency: string;
  paymentMethod: string;
}

/** payment.v1. A declined card is an answer (status `failed`), not an error. */
export interface Payments {
  authorize(request: AuthorizeRequest, idempotencyKey: string): Promise<PaymentState>;
  void(paymentId: string, idempotencyKey: string): Promise<PaymentState>;
  capture(paymentId: string, amountMinor: number, idempotencyKey: string): Promise<PaymentState>;
  refund(paymentId: string, amountMinor: number, reason: string, idempotencyKey: string): Promise<PaymentState>;
  listForOrder(orderId: string): Promise<PaymentState[]>;
}

export interface RateRequest {
  destination: Address;
  weightGrams: number;
  subtotalMinor: number;
  currency: string;
}

/** shipping.v1 QuoteRates. */
export interface ShippingRates {
  quote(request: RateRequest): Promise<ShippingOption[]>;
}

export const CART_REPOSITORY = Symbol.for('order.CartRepository');
export const ORDER_REPOSITORY = Symbol.for('order.OrderRepository');
export const UNIT_OF_WORK = Symbol.for('order.UnitOfWork');
export const PRICES = Symbol.for('order.Prices');
export const DISCOUNTS = Symbol.for('order.Discounts');
export const STOCK = Symbol.for('order.Stock');
export const PAYMENTS = Symbol.for('order.Payments');
export const SHIPPING_RATES = Symbol.for('order.ShippingRates');
/** Settings the use cases read (cart lifetime, checkout lease). */
export const ORDER_SETTINGS = Symbol.for('order.Settings');

export interface OrderSettings {
  guestCartTtlHours: number;
  customerCartTtlHours: number;
  checkoutLeaseSeconds: number;
  /** Checkouts driving their saga at once in one process; more wait their turn. */
  maxCheckoutsInFlight: number;
  /** How long expired carts are kept before housekeeping deletes them. */
  cartRetentionHours: number;
}
