// biz objects <-> ts-proto messages; the only place that knows both.
import * as pb from '@ecommerce/proto/promotion/v1/promotion';
import type { Campaign, CampaignDefinition } from '../biz/campaign.js';
import type { PromotionCode } from '../biz/code.js';
import type { ActivationStatus, Allocation, DiscountTarget, DiscountType, Promotion, PromotionDefinition } from '../biz/promotion.js';
import type { CampaignInputRequest, PromotionInputRequest } from './request-schemas.js';

const TYPES: [DiscountType, pb.DiscountType][] = [
  ['percentage', pb.DiscountType.DISCOUNT_TYPE_PERCENTAGE],
  ['fixed', pb.DiscountType.DISCOUNT_TYPE_FIXED],
  ['free_shipping', pb.DiscountType.DISCOUNT_TYPE_FREE_SHIPPING],
  ['buy_x_get_y', pb.DiscountType.DISCOUNT_TYPE_BUY_X_GET_Y],
];
const TARGETS: [DiscountTarget, pb.DiscountTarget][] = [
  ['items', pb.DiscountTarget.DISCOUNT_TARGET_ITEMS],
  ['shipping', pb.DiscountTarget.DISCOUNT_TARGET_SHIPPING],
  ['order', pb.DiscountTarget.DISCOUNT_TARGET_ORDER],
];
const ALLOCATIONS: [Allocation, pb.Allocation][] = [
  ['per_item', pb.Allocation.ALLOCATION_PER_ITEM],
  ['across', pb.Allocation.ALLOCATION_ACROSS],
];
const toDomain = <D, P>(pairs: [D, P][], value: P, fallback: D): D => pairs.find(([, p]) => p === value)?.[0] ?? fallback;
const toProto = <D, P>(pairs: [D, P][], value: D): P => pairs.find(([d]) => d === value)![1];

/** Unspecified target = items, unspecified allocation = per item (validation already limited the values). */
export function promotionDefinitionFromProto(p: PromotionInputRequest): PromotionDefinition {
  return {
    name: p.name,
    description: p.description,
    campaignId: p.campaignId || null,
    requiresCode: p.requiresCode,
    discountType: toDomain(TYPES, p.discountType as pb.DiscountType, 'percentage'),
    target: toDomain(TARGETS, p.target as pb.DiscountTarget, 'items'),
    allocation: toDomain(ALLOCATIONS, p.allocation as pb.Allocation, 'per_item'),
    percentageBps: p.percentageBps,
    amountMinor: p.amountMinor,
    currency: p.currency || null,
    maxQuantity: p.maxQuantity,
    buyQuantity: p.buyQuantity,
    getQuantity: p.getQuantity,
    minSubtotalMinor: p.minSubtotalMinor,
    productIds: p.productIds,
    categoryIds: p.categoryIds,
    brandIds: p.brandIds,
    customerGroups: p.customerGroups,
    startsAt: p.startTime ?? null,
    endsAt: p.endTime ?? null,
    exclusive: p.exclusive,
    priority: p.priority,
    usageLimit: p.usageLimit,
    usageLimitPerCustomer: p.usageLimitPerCustomer,
  };
}

export function promotionToProto(p: Promotion): pb.Promotion {
  return {
    id: p.id,
    definition: {
      name: p.name,
      description: p.description,
      campaignId: p.campaignId ?? '',
      requiresCode: p.requiresCode,
      discountType: toProto(TYPES, p.discountType),
      target: toProto(TARGETS, p.target),
      allocation: toProto(ALLOCATIONS, p.allocation),
      percentageBps: p.percentageBps,
      amountMinor: p.amountMinor,
      currency: p.currency ?? '',
      maxQuantity: p.maxQuantity,
      buyQuantity: p.buyQuantity,
      getQuantity: p.getQuantity,
      minSubtotalMinor: p.minSubtotalMinor,
      productIds: p.productIds,
      categoryIds: p.categoryIds,
      brandIds: p.brandIds,
      customerGroups: p.customerGroups,
      startTime: p.startsAt ?? undefined,
      endTime: p.endsAt ?? undefined,
      exclusive: p.exclusive,
      priority: p.priority,
      usageLimit: p.usageLimit,
      usageLimitPerCustomer: p.usageLimitPerCustomer,
    },
    status: p.status === 'active' ? pb.PromotionStatus.PROMOTION_STATUS_ACTIVE : pb.PromotionStatus.PROMOTION_STATUS_INACTIVE,
    uses: p.uses,
    createTime: p.createdAt,
    updateTime: p.updatedAt,
  };
}

export function promotionStatusFromProto(status: pb.PromotionStatus): ActivationStatus | undefined {
  if (status === pb.PromotionStatus.PROMOTION_STATUS_ACTIVE) return 'active';
  if (status === pb.PromotionStatus.PROMOTION_STATUS_INACTIVE) return 'inactive';
  return undefined;
}

export function campaignDefinitionFromProto(c: CampaignInputRequest): CampaignDefinition {
  return {
    name: c.name,
    description: c.description,
    startsAt: c.startTime ?? null,
    endsAt: c.endTime ?? null,
    budgetUses: c.budgetUses,
    budgetAmountMinor: c.budgetAmountMinor,
    currency: c.currency || null,
    usesPerCustomer: c.usesPerCustomer,
  };
}

export function campaignToProto(c: Campaign): pb.Campaign {
  return {
    id: c.id,
    definition: {
      name: c.name,
      description: c.description,
      startTime: c.startsAt ?? undefined,
      endTime: c.endsAt ?? undefined,
      budgetUses: c.budgetUses,
      budgetAmountMinor: c.budgetAmountMinor,
      currency: c.currency ?? '',
      usesPerCustomer: c.usesPerCustomer,
    },
    status: c.status === 'active' ? pb.CampaignStatus.CAMPAIGN_STATUS_ACTIVE : pb.CampaignStatus.CAMPAIGN_STATUS_INACTIVE,
    uses: c.uses,
    amountUsedMinor: c.amountUsedMinor,
    createTime: c.createdAt,
    updateTime: c.updatedAt,
  };
}

export function codeToProto(c: PromotionCode): pb.Code {
  return { code: c.code, promotionId: c.promotionId, usageLimit: c.usageLimit, uses: c.uses, batchId: c.batchId ?? '', createTime: c.createdAt };
}
