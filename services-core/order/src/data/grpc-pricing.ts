// Prices port over pricing.v1 CalculatePrices (public).
import type { PricingServiceClient } from '@ecommerce/proto/pricing/v1/pricing';
import type { PriceQuote, PriceRequest, Prices } from '../biz/ports.js';
import { remoteCall } from './remote-call.js';

export class GrpcPrices implements Prices {
  constructor(private readonly client: PricingServiceClient) {}

  async calculate(request: PriceRequest): Promise<PriceQuote> {
    const answer = await remoteCall(this.client.calculatePrices.bind(this.client), {
      currency: request.currency,
      country: request.country,
      province: request.province,
      customerGroups: [],
      channel: 'web',
      lines: request.lines,
    });
    return {
      taxInclusive: answer.taxInclusive,
      lines: answer.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unitPriceMinor: Number(l.unitPriceMinor), subtotalMinor: Number(l.subtotalMinor), taxMinor: Number(l.taxMinor), totalMinor: Number(l.totalMinor) })),
    };
  }
}
