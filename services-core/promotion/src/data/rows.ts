// Table rows <-> domain objects: the only place that knows column names.
import type { Campaign, CampaignDefinition } from '../biz/campaign.js';
import type { PromotionCode } from '../biz/code.js';
import type { Promotion, PromotionDefinition } from '../biz/promotion.js';

export interface PromotionRow {
  id: string;
  campaign_id: string | null;
  name: string;
  description: string;
  status: Promotion['status'];
  requires_code: boolean;
  discount_type: Promotion['discountType'];
  target: Promotion['target'];
  allocation: Promotion['allocation'];
  percentage_bps: number;
  amount_minor: number;
  currency: string | null;
  max_quantity: number;
  buy_quantity: number;
  get_quantity: number;
  min_subtotal_minor: number;
  product_ids: string[];
  category_ids: string[];
  brand_ids: string[];
  customer_groups: string[];
  starts_at: Date | null;
  ends_at: Date | null;
  exclusive: boolean;
  priority: number;
  usage_limit: number;
  usage_limit_per_customer: number;
  uses: number;
  created_at: Date;
  updated_at: Date;
}

export function promotionColumns(d: PromotionDefinition): Omit<PromotionRow, 'id' | 'status' | 'uses' | 'created_at' | 'updated_at'> {
  return {
    campaign_id: d.campaignId,
    name: d.name,
    description: d.description,
    requires_code: d.requiresCode,
    discount_type: d.discountType,
    target: d.target,
    allocation: d.allocation,
    percentage_bps: d.percentageBps,
    amount_minor: d.amountMinor,
    currency: d.currency,
    max_quantity: d.maxQuantity,
    buy_quantity: d.buyQuantity,
    get_quantity: d.getQuantity,
    min_subtotal_minor: d.minSubtotalMinor,
    product_ids: d.productIds,
    category_ids: d.categoryIds,
    brand_ids: d.brandIds,
    customer_groups: d.customerGroups,
    starts_at: d.startsAt,
    ends_at: d.endsAt,
    exclusive: d.exclusive,
    priority: d.priority,
    usage_limit: d.usageLimit,
    usage_limit_per_customer: d.usageLimitPerCustomer,
  };
}

export function toPromotion(r: PromotionRow): Promotion {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    name: r.name,
    description: r.description,
    status: r.status,
    requiresCode: r.requires_code,
    discountType: r.discount_type,
    target: r.target,
    allocation: r.allocation,
    percentageBps: r.percentage_bps,
    amountMinor: r.amount_minor,
    currency: r.currency,
    maxQuantity: r.max_quantity,
    buyQuantity: r.buy_quantity,
    getQuantity: r.get_quantity,
    minSubtotalMinor: r.min_subtotal_minor,
    productIds: r.product_ids,
    categoryIds: r.category_ids,
    brandIds: r.brand_ids,
    customerGroups: r.customer_groups,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    exclusive: r.exclusive,
    priority: r.priority,
    usageLimit: r.usage_limit,
    usageLimitPerCustomer: r.usage_limit_per_customer,
    uses: r.uses,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export interface CampaignRow {
  id: string;
  name: string;
  description: string;
  status: Campaign['status'];
  starts_at: Date | null;
  ends_at: Date | null;
  budget_uses: number;
  budget_amount_minor: number;
  currency: string | null;
  uses_per_customer: number;
  uses: number;
  amount_used_minor: number;
  created_at: Date;
  updated_at: Date;
}

export function campaignColumns(d: CampaignDefinition): Omit<CampaignRow, 'id' | 'status' | 'uses' | 'amount_used_minor' | 'created_at' | 'updated_at'> {
  return {
    name: d.name,
    description: d.description,
    starts_at: d.startsAt,
    ends_at: d.endsAt,
    budget_uses: d.budgetUses,
    budget_amount_minor: d.budgetAmountMinor,
    currency: d.currency,
    uses_per_customer: d.usesPerCustomer,
  };
}

export function toCampaign(r: CampaignRow): Campaign {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    status: r.status,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    budgetUses: r.budget_uses,
    budgetAmountMinor: r.budget_amount_minor,
    currency: r.currency,
    usesPerCustomer: r.uses_per_customer,
    uses: r.uses,
    amountUsedMinor: r.amount_used_minor,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export interface CodeRow {
  code: string;
  promotion_id: string;
  usage_limit: number;
  uses: number;
  batch_id: string | null;
  created_at: Date;
}

export function toCode(r: CodeRow): PromotionCode {
  return { code: r.code, promotionId: r.promotion_id, usageLimit: r.usage_limit, uses: r.uses, batchId: r.batch_id, createdAt: r.created_at };
}
