// Prices a cart's contents from scratch: pricing (unit prices, tax), shipping (options for the address),
// promotion (discounts for the codes). Run on every change and again at checkout, so a snapshot is never stale
// by more than one change. Tax follows the discount: a line's tax is scaled by (subtotal - discount) / subtotal,
// rounded half away from zero in integer arithmetic.
import { inject, injectable } from 'inversify';
import type { Address, AppliedPromotion, CartLine, RefusedCode, ShippingOption } from './cart.js';
import { proportion } from './money.js';
import { DISCOUNTS, PRICES, SHIPPING_RATES, type Discounts, type Prices, type ShippingRates } from './ports.js';

export interface CartContents {
  currency: string;
  country: string;
  customerId: string | null;
  lines: Array<{ sku: string; quantity: number }>;
  couponCodes: string[];
  shippingAddress: Address | null;
  shippingOptionId: string | null;
}

export interface PricedCart {
  lines: Array<Omit<CartLine, 'id'>>;
  couponCodes: string[];
  refusedCodes: RefusedCode[];
  appliedPromotions: AppliedPromotion[];
  shippingAddress: Address | null;
  shippingOptions: ShippingOption[];
  shippingOptionId: string | null;
  shippingMinor: number;
  shippingDiscountMinor: number;
  taxInclusive: boolean;
}

@injectable()
export class CartPricer {
  constructor(
    @inject(PRICES) private readonly prices: Prices,
    @inject(DISCOUNTS) private readonly discounts: Discounts,
    @inject(SHIPPING_RATES) private readonly rates: ShippingRates,
  ) {}

  async price(contents: CartContents): Promise<PricedCart> {
    const empty: PricedCart = {
      lines: [],
      couponCodes: contents.couponCodes,
      refusedCodes: [],
      appliedPromotions: [],
      shippingAddress: contents.shippingAddress,
      shippingOptions: [],
      shippingOptionId: null,
      shippingMinor: 0,
      shippingDiscountMinor: 0,
      taxInclusive: false,
    };
    if (contents.lines.length === 0) return empty;

    const quote = await this.prices.calculate({
      currency: contents.currency,
      country: contents.shippingAddress?.country ?? contents.country,
      province: contents.shippingAddress?.province ?? '',
      lines: contents.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })),
    });
    const priced = new Map(quote.lines.map((l) => [l.sku, l]));
    const subtotalMinor = quote.lines.reduce((n, l) => n + l.subtotalMinor, 0);

    let shippingOptions: ShippingOption[] = [];
    let shippingOptionId: string | null = null;
    let shippingMinor = 0;
    if (contents.shippingAddress) {
      // Weight is not known to the order service (the catalog has none); carriers quote by destination and value.
      shippingOptions = await this.rates.quote({ destination: contents.shippingAddress, weightGrams: 0, subtotalMinor, currency: contents.currency });
      const chosen = shippingOptions.find((o) => o.optionId === contents.shippingOptionId);
      if (chosen) {
        shippingOptionId = chosen.optionId;
        shippingMinor = chosen.amountMinor;
      }
    }

    // The SKU is the line id promotion sees: unique within a cart and known before the line is stored.
    const evaluation = await this.discounts.evaluate({
      currency: contents.currency,
      customerId: contents.customerId ?? '',
      codes: contents.couponCodes,
      lines: contents.lines.map((l) => ({ lineId: l.sku, sku: l.sku, quantity: l.quantity, unitPriceMinor: priced.get(l.sku)?.unitPriceMinor ?? 0 })),
      shippingMinor,
    });
    const discountOf = new Map(evaluation.lines.map((d) => [d.lineId, d]));

    const lines = contents.lines.map((l) => {
      const price = priced.get(l.sku);
      const unitPriceMinor = price?.unitPriceMinor ?? 0;
      const lineSubtotal = price?.subtotalMinor ?? unitPriceMinor * l.quantity;
      const discount = discountOf.get(l.sku);
      const discountMinor = Math.min(Math.max(discount?.discountMinor ?? 0, 0), lineSubtotal);
      const net = lineSubtotal - discountMinor;
      const taxMinor = lineSubtotal === 0 ? 0 : proportion(price?.taxMinor ?? 0, net, lineSubtotal);
      return {
        sku: l.sku,
        quantity: l.quantity,
        unitPriceMinor,
        subtotalMinor: lineSubtotal,
        discountMinor,
        taxMinor,
        totalMinor: quote.taxInclusive ? net : net + taxMinor,
        adjustments: discount?.adjustments ?? [],
      };
    });

    return {
      lines,
      couponCodes: contents.couponCodes,
      refusedCodes: evaluation.refusedCodes,
      appliedPromotions: evaluation.applied,
      shippingAddress: contents.shippingAddress,
      shippingOptions,
      shippingOptionId,
      shippingMinor,
      shippingDiscountMinor: Math.min(Math.max(evaluation.shippingDiscountMinor, 0), shippingMinor),
      taxInclusive: quote.taxInclusive,
    };
  }
}
