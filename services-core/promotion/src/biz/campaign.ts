// The campaign aggregate: a budget (uses and/or amount, overall and per customer) and a window over its promotions.
import type { FieldViolation } from '@ecommerce/common/errors';
import { isKnownCurrency } from './currency.js';
import type { ActivationStatus } from './promotion.js';

export interface CampaignDefinition {
  name: string;
  description: string;
  startsAt: Date | null;
  endsAt: Date | null;
  budgetUses: number;
  budgetAmountMinor: number;
  currency: string | null;
  usesPerCustomer: number;
}

export interface Campaign extends CampaignDefinition {
  id: string;
  status: ActivationStatus;
  uses: number;
  amountUsedMinor: number;
  createdAt: Date;
  updatedAt: Date;
}

export function campaignViolations(d: CampaignDefinition, prefix = ''): FieldViolation[] {
  const v: FieldViolation[] = [];
  if (d.currency !== null && !isKnownCurrency(d.currency)) v.push({ field: `${prefix}currency`, message: 'must be an ISO 4217 currency' });
  if (d.budgetAmountMinor > 0 && d.currency === null) v.push({ field: `${prefix}currency`, message: 'is required with budget_amount_minor' });
  if (d.startsAt && d.endsAt && d.endsAt <= d.startsAt) v.push({ field: `${prefix}end_time`, message: 'must be after start_time' });
  return v;
}
