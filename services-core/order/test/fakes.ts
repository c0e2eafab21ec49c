// In-memory stand-ins for pricing, promotion, warehouse, payment and shipping, behind the order service's ports:
// they keep the contracts' rules (all-or-nothing reservations idempotent by reference, a declined card as an
// answer, usage limits, release of an unknown reference = ok) and count effects, so tests can check that every
// effect happened once and every compensation undid it.
import { AppError, FailedPreconditionError, NotFoundError } from '@ecommerce/common/errors';
import type { AppliedPromotion, ShippingOption } from '../src/biz/cart.js';
import type {
  AuthorizeRequest,
  DiscountRequest,
  DiscountResult,
  Discounts,
  PaymentState,
  Payments,
  PriceQuote,
  PriceRequest,
  Prices,
  RateRequest,
  ShippingRates,
  SkuAvailability,
  Stock,
  StockLine,
} from '../src/biz/ports.js';
import type { RemotePorts } from '../src/data/grpc-remotes.js';

/** Tax 20 % on top of the price (tax-exclusive), rounded half away from zero like the service. */
export class FakePrices implements Prices {
  readonly unitPrices = new Map<string, number>();
  taxBps = 2_000;

  async calculate(request: PriceRequest): Promise<PriceQuote> {
    return {
      taxInclusive: false,
      lines: request.lines.map((l) => {
        const unit = this.unitPrices.get(l.sku);
        if (unit === undefined) throw new NotFoundError('price for sku', l.sku);
        const subtotal = unit * l.quantity;
        const tax = Math.round((subtotal * this.taxBps) / 10_000);
        return { sku: l.sku, quantity: l.quantity, unitPriceMinor: unit, subtotalMinor: subtotal, taxMinor: tax, totalMinor: subtotal + tax };
      }),
    };
  }
}

interface Coupon {
  promotionId: string;
  percent: number;
  limit: number;
  used: number;
}

export class FakeDiscounts implements Discounts {
  readonly coupons = new Map<string, Coupon>();
  /** reference -> status */
  readonly usage = new Map<string, { status: 'reserved' | 'committed' | 'released'; applied: AppliedPromotion[] }>();
  failReserve: AppError | undefined;

  addCoupon(code: string, percent: number, limit = 1_000): void {
    this.coupons.set(code, { promotionId: `promo-${code}`, percent, limit, used: 0 });
  }

  async evaluate(request: DiscountRequest): Promise<DiscountResult> {
    const result: DiscountResult = { lines: [], shippingDiscountMinor: 0, applied: [], refusedCodes: [] };
    for (const code of request.codes) {
      const coupon = this.coupons.get(code);
      if (!coupon) {
        result.refusedCodes.push({ code, reason: 'unknown code' });
        continue;
      }
      let total = 0;
      for (const line of request.lines) {
        const amount = Math.floor((line.unitPriceMinor * line.quantity * coupon.percent) / 100);
        total += amount;
        result.lines.push({ lineId: line.lineId, discountMinor: amount, adjustments: [{ promotionId: coupon.promotionId, code, amountMinor: amount, label: `${coupon.percent}% off` }] });
      }
      result.applied.push({ promotionId: coupon.promotionId, code, amountMinor: total });
    }
    return result;
  }

  async reserveUsage(reference: string, _customerId: string, applied: AppliedPromotion[]): Promise<void> {
    if (this.failReserve) throw this.failReserve;
    if (this.usage.has(reference)) return;
    for (const a of applied) {
      const coupon = this.coupons.get(a.code)!;
      if (coupon.used >= coupon.limit) throw new FailedPreconditionError(`code ${a.code}: usage limit reached`);
    }
    for (const a of applied) this.coupons.get(a.code)!.used += 1;
    this.usage.set(reference, { status: 'reserved', applied });
  }

  async commitUsage(reference: string): Promise<void> {
    const usage = this.usage.get(reference);
    if (!usage || usage.status === 'released') throw new FailedPreconditionError(`usage ${reference} is not reserved`);
    usage.status = 'committed';
  }

  async releaseUsage(reference: string): Promise<void> {
    const usage = this.usage.get(reference);
    if (!usage || usage.status === 'released') return;
    if (usage.status === 'committed') throw new FailedPreconditionError(`usage ${reference} is committed`);
    usage.status = 'released';
    for (const a of usage.applied) this.coupons.get(a.code)!.used -= 1;
  }
}

export class FakeStock implements Stock {
  readonly onHand = new Map<string, number>();
  readonly reservations = new Map<string, { lines: StockLine[]; status: 'active' | 'released' | 'committed'; committed: Map<string, number> }>();
  readonly restocked: Array<{ reference: string; lines: StockLine[]; key: string }> = [];
  private readonly restockKeys = new Set<string>();

  reserved(sku: string): number {
    let n = 0;
    for (const r of this.reservations.values()) if (r.status === 'active') n += r.lines.filter((l) => l.sku === sku).reduce((a, l) => a + l.quantity - (r.committed.get(sku) ?? 0), 0);
    return n;
  }

  async availability(skus: string[]): Promise<SkuAvailability[]> {
    return skus.filter((s) => this.onHand.has(s)).map((sku) => {
      const available = this.onHand.get(sku)! - this.reserved(sku);
      return { sku, available, inStock: available > 0, backorderAllowed: false, tracked: true };
    });
  }

  async reserve(reference: string, lines: StockLine[]): Promise<void> {
    if (this.reservations.has(reference)) return;
    for (const line of lines) {
      const available = (this.onHand.get(line.sku) ?? 0) - this.reserved(line.sku);
      if (available < line.quantity) throw new FailedPreconditionError(`insufficient stock for sku ${line.sku}`);
    }
    this.reservations.set(reference, { lines, status: 'active', committed: new Map() });
  }

  async release(reference: string): Promise<void> {
    const r = this.reservations.get(reference);
    if (!r || r.status === 'released') return;
    if (r.status === 'committed') throw new FailedPreconditionError(`reservation ${reference} is committed`);
    r.status = 'released';
  }

  async commit(reference: string, lines: StockLine[]): Promise<void> {
    const r = this.reservations.get(reference);
    if (!r || r.status === 'released') throw new FailedPreconditionError(`reservation ${reference} is released`);
    for (const line of lines) {
      r.committed.set(line.sku, (r.committed.get(line.sku) ?? 0) + line.quantity);
      this.onHand.set(line.sku, this.onHand.get(line.sku)! - line.quantity);
    }
  }

  async restock(reference: string, lines: StockLine[], key: string): Promise<void> {
    if (this.restockKeys.has(key)) return;
    this.restockKeys.add(key);
    this.restocked.push({ reference, lines, key });
    for (const line of lines) this.onHand.set(line.sku, this.onHand.get(line.sku)! + line.quantity);
  }
}

export const DECLINED_CARD = '4000000000000002';
export const GOOD_CARD = '4242424242424242';

interface FakePayment extends PaymentState {
  orderId: string;
}

export class FakePayments implements Payments {
  readonly payments = new Map<string, FakePayment>();
  private readonly byKey = new Map<string, PaymentState>();
  /** Calls that changed money, by kind: a replayed key does not count. */
  readonly effects = { authorize: 0, void: 0, capture: 0, refund: 0 };
  failAuthorize: AppError | undefined;

  async authorize(request: AuthorizeRequest, key: string): Promise<PaymentState> {
    if (this.failAuthorize) throw this.failAuthorize;
    const known = this.byKey.get(key);
    if (known) return { ...known };
    const id = `pay_${this.payments.size + 1}`;
    const declined = request.paymentMethod === DECLINED_CARD;
    const payment: FakePayment = {
      id,
      orderId: request.orderId,
      status: declined ? 'failed' : 'authorized',
      authorizedMinor: declined ? 0 : request.amountMinor,
      capturedMinor: 0,
      refundedMinor: 0,
      failureCode: declined ? 'card_declined' : '',
    };
    this.payments.set(id, payment);
    if (!declined) this.effects.authorize += 1;
    return this.remember(key, payment);
  }

  async void(paymentId: string, key: string): Promise<PaymentState> {
    const known = this.byKey.get(key);
    if (known) return { ...known };
    const p = this.get(paymentId);
    if (p.status !== 'authorized') throw new FailedPreconditionError(`payment ${paymentId} is ${p.status}`);
    p.status = 'canceled';
    this.effects.void += 1;
    return this.remember(key, p);
  }

  async capture(paymentId: string, amountMinor: number, key: string): Promise<PaymentState> {
    const known = this.byKey.get(key);
    if (known) return { ...known };
    const p = this.get(paymentId);
    const amount = amountMinor === 0 ? p.authorizedMinor - p.capturedMinor : amountMinor;
    if (p.capturedMinor + amount > p.authorizedMinor) throw new FailedPreconditionError(`capture of ${amount} exceeds the authorization`);
    p.capturedMinor += amount;
    p.status = p.capturedMinor === p.authorizedMinor ? 'captured' : 'partially_captured';
    this.effects.capture += 1;
    return this.remember(key, p);
  }

  async refund(paymentId: string, amountMinor: number, _reason: string, key: string): Promise<PaymentState> {
    const known = this.byKey.get(key);
    if (known) return { ...known };
    const p = this.get(paymentId);
    if (p.refundedMinor + amountMinor > p.capturedMinor) throw new FailedPreconditionError('refund exceeds the captured amount');
    p.refundedMinor += amountMinor;
    p.status = p.refundedMinor === p.capturedMinor ? 'refunded' : 'partially_refunded';
    this.effects.refund += 1;
    return this.remember(key, p);
  }

  async listForOrder(orderId: string): Promise<PaymentState[]> {
    return [...this.payments.values()].filter((p) => p.orderId === orderId).map((p) => ({ ...p }));
  }

  authorizedFor(orderId: string): FakePayment[] {
    return [...this.payments.values()].filter((p) => p.orderId === orderId && p.status === 'authorized');
  }

  private get(id: string): FakePayment {
    const p = this.payments.get(id);
    if (!p) throw new NotFoundError('payment', id);
    return p;
  }

  private remember(key: string, p: FakePayment): PaymentState {
    const copy = { ...p };
    this.byKey.set(key, copy);
    return { ...copy };
  }
}

export class FakeShippingRates implements ShippingRates {
  options: ShippingOption[] = [
    { optionId: 'standard', name: 'Standard', amountMinor: 500, minDays: 2, maxDays: 4 },
    { optionId: 'express', name: 'Express', amountMinor: 1_500, minDays: 1, maxDays: 1 },
  ];

  async quote(_request: RateRequest): Promise<ShippingOption[]> {
    return this.options;
  }
}

export interface Fakes extends RemotePorts {
  prices: FakePrices;
  discounts: FakeDiscounts;
  stock: FakeStock;
  payments: FakePayments;
  shippingRates: FakeShippingRates;
}

export function createFakes(): Fakes {
  return { prices: new FakePrices(), discounts: new FakeDiscounts(), stock: new FakeStock(), payments: new FakePayments(), shippingRates: new FakeShippingRates() };
}

/** Transient: the saga retries it. */
export const unavailable = (): AppError => new AppError('unavailable', 'participant down');
