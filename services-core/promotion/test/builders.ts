// Shared builders for the promotion tests: a valid promotion or campaign definition to override, a cart, and
// call helpers over the real gRPC client.
import type { AppError } from '@ecommerce/common/errors';
import { unaryCall } from '@ecommerce/common/grpc';
import * as pb from '@ecommerce/proto/promotion/v1/promotion';
import type { Harness } from './harness.js';

export function promotionInput(overrides: Partial<pb.PromotionInput> = {}): pb.PromotionInput {
  return {
    name: 'Ten percent off',
    description: '',
    campaignId: '',
    requiresCode: false,
    discountType: pb.DiscountType.DISCOUNT_TYPE_PERCENTAGE,
    target: pb.DiscountTarget.DISCOUNT_TARGET_ITEMS,
    allocation: pb.Allocation.ALLOCATION_UNSPECIFIED,
    percentageBps: 1000,
    amountMinor: 0,
    currency: '',
    maxQuantity: 0,
    buyQuantity: 0,
    getQuantity: 0,
    minSubtotalMinor: 0,
    productIds: [],
    categoryIds: [],
    brandIds: [],
    customerGroups: [],
    exclusive: false,
    priority: 0,
    usageLimit: 0,
    usageLimitPerCustomer: 0,
    ...overrides,
  };
}

export function campaignInput(overrides: Partial<pb.CampaignInput> = {}): pb.CampaignInput {
  return { name: 'Spring sale', description: '', budgetUses: 0, budgetAmountMinor: 0, currency: '', usesPerCustomer: 0, ...overrides };
}

export function cartLine(lineId: string, unitPriceMinor: number, quantity = 1, overrides: Partial<pb.CartLine> = {}): pb.CartLine {
  return { lineId, sku: `SKU-${lineId}`, productId: `product-${lineId}`, categoryIds: [], brandId: '', quantity, unitPriceMinor, ...overrides };
}

export function cart(overrides: Partial<pb.EvaluateCartRequest> = {}): pb.EvaluateCartRequest {
  return { currency: 'EUR', customerId: '', customerGroups: [], codes: [], lines: [], shippingMinor: 0, ...overrides };
}

export async function rejectionOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    return err as AppError;
  }
  throw new Error('expected the call to fail');
}

/** Typed calls through the real client, as staff unless a token is given. */
export function calls(h: Harness) {
  const staff = { token: h.tokens.staff };
  const c = h.client;
  return {
    createPromotion: (input: pb.PromotionInput, opts = staff) => unaryCall(c.createPromotion.bind(c), { promotion: input }, opts).then((r) => r.promotion!),
    updatePromotion: (id: string, input: pb.PromotionInput) => unaryCall(c.updatePromotion.bind(c), { id, promotion: input }, staff).then((r) => r.promotion!),
    getPromotion: (id: string) => unaryCall(c.getPromotion.bind(c), { id }, staff).then((r) => r.promotion!),
    listPromotions: (req: Partial<pb.ListPromotionsRequest> = {}) => unaryCall(c.listPromotions.bind(c), { page: 0, pageSize: 0, status: 0, campaignId: '', ...req }, staff),
    activatePromotion: (id: string) => unaryCall(c.activatePromotion.bind(c), { id }, staff).then((r) => r.promotion!),
    deactivatePromotion: (id: string) => unaryCall(c.deactivatePromotion.bind(c), { id }, staff).then((r) => r.promotion!),
    /** Created and activated: what most tests need. */
    async activePromotion(input: pb.PromotionInput) {
      const created = await unaryCall(c.createPromotion.bind(c), { promotion: input }, staff);
      return (await unaryCall(c.activatePromotion.bind(c), { id: created.promotion!.id }, staff)).promotion!;
    },
    createCampaign: (input: pb.CampaignInput) => unaryCall(c.createCampaign.bind(c), { campaign: input }, staff).then((r) => r.campaign!),
    updateCampaign: (id: string, input: pb.CampaignInput) => unaryCall(c.updateCampaign.bind(c), { id, campaign: input }, staff).then((r) => r.campaign!),
    getCampaign: (id: string) => unaryCall(c.getCampaign.bind(c), { id }, staff).then((r) => r.campaign!),
    listCampaigns: () => unaryCall(c.listCampaigns.bind(c), { page: 0, pageSize: 0 }, staff),
    activateCampaign: (id: string) => unaryCall(c.activateCampaign.bind(c), { id }, staff).then((r) => r.campaign!),
    deactivateCampaign: (id: string) => unaryCall(c.deactivateCampaign.bind(c), { id }, staff).then((r) => r.campaign!),
    createCode: (promotionId: string, code: string, usageLimit = 0) => unaryCall(c.createCode.bind(c), { promotionId, code, usageLimit }, staff).then((r) => r.code!),
    generateCodes: (promotionId: string, count: number, prefix: string) => unaryCall(c.generateCodes.bind(c), { promotionId, count, prefix }, staff),
    listCodes: (promotionId: string, req: Partial<pb.ListCodesRequest> = {}) => unaryCall(c.listCodes.bind(c), { promotionId, page: 0, pageSize: 0, batchId: '', ...req }, staff),
    getCode: (code: string) => unaryCall(c.getCode.bind(c), { code }, staff).then((r) => r.code!),
    evaluate: (req: pb.EvaluateCartRequest) => unaryCall(c.evaluateCart.bind(c), req),
    reserve: (reference: string, customerId: string, applied: pb.AppliedPromotion[]) => unaryCall(c.reserveUsage.bind(c), { reference, customerId, applied }, staff),
    commit: (reference: string) => unaryCall(c.commitUsage.bind(c), { reference }, staff),
    release: (reference: string) => unaryCall(c.releaseUsage.bind(c), { reference }, staff),
  };
}
