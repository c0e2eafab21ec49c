// ShippingRates port over shipping.v1 QuoteRates (public).
import type { ShippingServiceClient } from '@ecommerce/proto/shipping/v1/shipping';
import type { ShippingOption } from '../biz/cart.js';
import type { RateRequest, ShippingRates } from '../biz/ports.js';
import { remoteCall } from './remote-call.js';

export class GrpcShippingRates implements ShippingRates {
  constructor(private readonly client: ShippingServiceClient) {}

  async quote(request: RateRequest): Promise<ShippingOption[]> {
    const answer = await remoteCall(this.client.quoteRates.bind(this.client), request);
    return answer.options.map((o) => ({ optionId: o.optionId, name: o.name, amountMinor: Number(o.amountMinor), minDays: o.minDays, maxDays: o.maxDays }));
  }
}
