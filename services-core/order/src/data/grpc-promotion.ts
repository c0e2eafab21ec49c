// Discounts port over promotion.v1: EvaluateCart (public) and the usage reservation (internal, by reference).
import type { PromotionServiceClient } from '@ecommerce/proto/promotion/v1/promotion';
import type { AppliedPromotion } from '../biz/cart.js';
import type { DiscountRequest, DiscountResult, Discounts } from '../biz/ports.js';
import { remoteCall, type ServiceToken } from './remote-call.js';

export class GrpcDiscounts implements Discounts {
  constructor(
    private readonly client: PromotionServiceClient,
    private readonly token: ServiceToken,
  ) {}

  async evaluate(request: DiscountRequest): Promise<DiscountResult> {
    const answer = await remoteCall(this.client.evaluateCart.bind(this.client), {
      currency: request.currency,
      customerId: request.customerId,
      customerGroups: [],
      codes: request.codes,
      // The catalog offers no SKU lookup, so product, category and brand are not sent (see README).
      lines: request.lines.map((l) => ({ lineId: l.lineId, sku: l.sku, productId: '', categoryIds: [], brandId: '', quantity: l.quantity, unitPriceMinor: l.unitPriceMinor })),
      shippingMinor: request.shippingMinor,
    });
    return {
      lines: answer.lines.map((l) => ({
        lineId: l.lineId,
        discountMinor: Number(l.discountMinor),
        adjustments: l.adjustments.map((a) => ({ promotionId: a.promotionId, code: a.code, amountMinor: Number(a.amountMinor), label: a.label })),
      })),
      shippingDiscountMinor: Number(answer.shippingDiscountMinor),
      applied: answer.applied.map((a) => ({ promotionId: a.promotionId, code: a.code, amountMinor: Number(a.amountMinor) })),
      refusedCodes: answer.refusedCodes.map((r) => ({ code: r.code, reason: r.reason })),
    };
  }

  async reserveUsage(reference: string, customerId: string, applied: AppliedPromotion[], idempotencyKey: string): Promise<void> {
    await remoteCall(this.client.reserveUsage.bind(this.client), { reference, customerId, applied }, { token: this.token, idempotencyKey });
  }

  async commitUsage(reference: string, idempotencyKey: string): Promise<void> {
    await remoteCall(this.client.commitUsage.bind(this.client), { reference }, { token: this.token, idempotencyKey });
  }

  async releaseUsage(reference: string, idempotencyKey: string): Promise<void> {
    await remoteCall(this.client.releaseUsage.bind(this.client), { reference }, { token: this.token, idempotencyKey });
  }
}
