// biz objects <-> ts-proto messages; the only place that knows both.
import type * as pb from '@ecommerce/proto/loyalty/v1/loyalty';
import type { LedgerEntry, Redemption } from '../biz/account.js';
import type { AccountView } from '../biz/read-account.js';
import type { Tier } from '../biz/rules.js';

function tierToProto(tier: Tier, currency: string): pb.Tier {
  return { name: tier.name, earnMultiplierPercent: tier.earnMultiplierPercent, minSpendMinor: tier.minSpendMinor, currency };
}

export function accountToProto(view: AccountView, tierCurrency: string): pb.Account {
  return {
    customerId: view.account.customerId,
    balance: view.account.balance,
    tier: tierToProto(view.tier, tierCurrency),
    rollingSpendMinor: view.rollingSpendMinor,
    ...(view.nextTier ? { nextTier: tierToProto(view.nextTier, tierCurrency) } : {}),
    expiringSoonPoints: view.expiringSoonPoints,
    ...(view.nextExpiresAt ? { nextExpireTime: view.nextExpiresAt } : {}),
    referralCode: view.account.referralCode,
    createTime: view.account.createdAt,
  };
}

export function entryToProto(entry: LedgerEntry): pb.LedgerEntry {
  return {
    id: entry.id,
    kind: entry.kind,
    points: entry.points,
    balanceAfter: entry.balanceAfter,
    orderId: entry.orderId ?? '',
    reason: entry.reason,
    reversesEntryId: entry.reversesEntryId ?? '',
    createTime: entry.createdAt,
  };
}

export function redemptionToProto(redemption: Redemption): pb.Redemption {
  const { reference, customerId, points, amountMinor, currency, status } = redemption;
  return { reference, customerId, points, amountMinor, currency, status };
}
