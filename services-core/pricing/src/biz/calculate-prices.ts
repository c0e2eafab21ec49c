// Prices a whole cart in one call: selection per line (price-selection.ts), then tax per region (tax.ts).
import { AppError } from '@ecommerce/common/errors';
import { inject, injectable } from 'inversify';
import { isLive, targetingScore, type Buyer } from './price-list.js';
import { selectPrice, type ListCandidate, type SelectedPrice } from './price-selection.js';
import { CART_PRICING_READER, CLOCK, type CartPricingData, type CartPricingReader, type Clock } from './ports.js';
import { DEFAULT_TAX_CLASS, regionFor, taxLinesOf, type TaxAmount, type TaxedLine } from './tax.js';

export interface CartInput extends Buyer {
  currency: string;
  province: string;
  lines: Array<{ sku: string; quantity: number }>;
}

export interface PricedLine extends SelectedPrice, TaxedLine {
  sku: string;
  quantity: number;
}

export interface PricedCart {
  currency: string;
  taxInclusive: boolean;
  lines: PricedLine[];
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
  taxLines: TaxAmount[];
}

@injectable()
export class CalculatePricesUseCase {
  constructor(
    @inject(CART_PRICING_READER) private readonly reader: CartPricingReader,
    @inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(cart: CartInput): Promise<PricedCart> {
    const skus = [...new Set(cart.lines.map((l) => l.sku))];
    const data = await this.reader.read(skus, cart.currency, cart.country);
    const now = this.clock.now();
    const selected = cart.lines.map((line) => (data.unsellableSkus.has(line.sku) ? undefined : selectPrice(...this.candidatesFor(data, cart, line, now))));
    const missing = cart.lines.flatMap((line, i) => (selected[i] ? [] : [{ field: `lines.${i}.sku`, message: `no price for sku ${line.sku} in ${cart.currency}` }]));
    if (missing.length > 0) {
      // Archived products and unpriced SKUs look the same to a buyer: the SKU cannot be bought in this currency.
      const names = [...new Set(cart.lines.filter((_, i) => !selected[i]).map((l) => l.sku))].join(', ');
      throw new AppError('not_found', `no price for sku ${names} in ${cart.currency}`, missing);
    }
    const region = regionFor(data.regions, cart.country, cart.province);
    const taxed = taxLinesOf(
      region,
      cart.lines.map((line, i) => ({ quantity: line.quantity, unitPriceMinor: selected[i]!.unitPriceMinor, taxClass: data.taxClassBySku.get(line.sku) ?? DEFAULT_TAX_CLASS })),
    );
    const lines = cart.lines.map((line, i) => ({ sku: line.sku, quantity: line.quantity, ...selected[i]!, ...taxed[i]! }));
    return {
      currency: cart.currency,
      taxInclusive: region?.pricesIncludeTax ?? false,
      lines,
      subtotalMinor: sum(lines.map((l) => l.subtotalMinor)),
      taxMinor: sum(lines.map((l) => l.taxMinor)),
      totalMinor: sum(lines.map((l) => l.totalMinor)),
      taxLines: cartTaxLines(lines),
    };
  }

  /** The line's base tier amount and every live, eligible list price whose tier covers the quantity. */
  private candidatesFor(data: CartPricingData, buyer: Buyer, line: { sku: string; quantity: number }, now: Date): [number | undefined, ListCandidate[]] {
    const covering = data.prices.filter(
      (p) => p.sku === line.sku && p.minQuantity <= line.quantity && (p.maxQuantity === undefined || line.quantity <= p.maxQuantity),
    );
    const base = covering.find((p) => p.priceListId === undefined)?.amountMinor;
    const candidates: ListCandidate[] = [];
    for (const price of covering) {
      const list = price.priceListId === undefined ? undefined : data.lists.get(price.priceListId);
      if (!list || !isLive(list, now)) continue;
      const score = targetingScore(list, buyer);
      if (score !== undefined) candidates.push({ priceListId: list.id, type: list.type, score, amountMinor: price.amountMinor });
    }
    return [base, candidates];
  }
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** The cart's tax per rate (name and rate), in the order rates first appear. */
function cartTaxLines(lines: readonly TaxedLine[]): TaxAmount[] {
  const byRate = new Map<string, TaxAmount>();
  for (const t of lines.flatMap((l) => l.taxLines)) {
    const key = `${t.name}\u0000${t.rateBps}`;
    const entry = byRate.get(key) ?? { name: t.name, rateBps: t.rateBps, amountMinor: 0 };
    entry.amountMinor += t.amountMinor;
    byRate.set(key, entry);
  }
  return [...byRate.values()];
}
