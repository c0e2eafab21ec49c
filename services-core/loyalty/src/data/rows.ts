// Database rows and their mapping to the domain types (ids are bigserial numbers there, strings here).
import { releasedBeforeReserved, type Account, type EntryKind, type LedgerEntry, type Redemption, type RedemptionStatus } from '../biz/account.js';

export interface AccountRow {
  customer_id: string;
  balance: number;
  referral_code: string;
  referred_by: string | null;
  created_at: Date;
}

export interface LedgerEntryRow {
  id: number;
  customer_id: string;
  kind: EntryKind;
  points: number;
  balance_after: number;
  order_id: string | null;
  reason: string;
  reverses_entry_id: number | null;
  created_at: Date;
}

/** The nullable columns are null together, in the tombstone of a reference released before it reserved anything. */
export interface RedemptionRow {
  reference: string;
  customer_id: string | null;
  points: number | null;
  amount_minor: number | null;
  currency: string | null;
  status: RedemptionStatus;
  redeem_entry_id: number | null;
}

export function toAccount(row: AccountRow): Account {
  return {
    customerId: row.customer_id,
    balance: row.balance,
    referralCode: row.referral_code,
    referredBy: row.referred_by ?? undefined,
    createdAt: row.created_at,
  };
}

export function toLedgerEntry(row: LedgerEntryRow): LedgerEntry {
  return {
    id: String(row.id),
    customerId: row.customer_id,
    kind: row.kind,
    points: row.points,
    balanceAfter: row.balance_after,
    orderId: row.order_id ?? undefined,
    reason: row.reason,
    reversesEntryId: row.reverses_entry_id === null ? undefined : String(row.reverses_entry_id),
    createdAt: row.created_at,
  };
}

export function toRedemption(row: RedemptionRow): Redemption {
  if (row.customer_id === null) return releasedBeforeReserved(row.reference);
  return {
    reference: row.reference,
    customerId: row.customer_id,
    points: row.points!,
    amountMinor: row.amount_minor!,
    currency: row.currency!,
    status: row.status,
    redeemEntryId: String(row.redeem_entry_id),
  };
}
