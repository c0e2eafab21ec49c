// The points account and its ledger as the domain sees them: no storage, no transport.
export const ENTRY_KINDS = ['earn', 'redeem', 'expire', 'reverse', 'adjust'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export interface Account {
  customerId: string;
  balance: number;
  referralCode: string;
  referredBy: string | undefined;
  createdAt: Date;
}

export interface LedgerEntry {
  id: string;
  customerId: string;
  kind: EntryKind;
  /** Signed change of the balance. */
  points: number;
  balanceAfter: number;
  orderId: string | undefined;
  reason: string;
  reversesEntryId: string | undefined;
  createdAt: Date;
}

export interface NewLedgerEntry {
  customerId: string;
  kind: EntryKind;
  points: number;
  balanceAfter: number;
  /** Unique per account: the same cause never writes twice. */
  dedupeKey?: string;
  orderId?: string;
  reason?: string;
  reversesEntryId?: string;
  createdAt: Date;
}

export type RedemptionStatus = 'reserved' | 'committed' | 'released';

export interface Redemption {
  reference: string;
  /** Empty (as are the amounts) for a reference released before it reserved anything. */
  customerId: string;
  points: number;
  amountMinor: number;
  currency: string;
  status: RedemptionStatus;
  redeemEntryId: string;
}

/** The redemption of a reference that was released before anything was reserved under it. */
export function releasedBeforeReserved(reference: string): Redemption {
  return { reference, customerId: '', points: 0, amountMinor: 0, currency: '', status: 'released', redeemEntryId: '' };
}

/** Dedupe keys: what makes an entry unique within an account. */
export const dedupeKeys = {
  orderEarn: (orderId: string) => `order:${orderId}:earn`,
  orderReverse: (orderId: string, refundId: string) => `order:${orderId}:reverse:${refundId}`,
  signup: () => 'signup',
  referralReward: (refereeId: string) => `referral:${refereeId}`,
  review: (reviewId: string) => `review:${reviewId}`,
  redeem: (reference: string) => `redeem:${reference}`,
  release: (reference: string) => `release:${reference}`,
};

export const REFERRAL_CODE_LENGTH = 10;
const REFERRAL_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A code without look-alike characters (0/O, 1/I), from the random bytes given. */
export function referralCodeFrom(bytes: Uint8Array): string {
  let code = '';
  for (let i = 0; i < REFERRAL_CODE_LENGTH; i += 1) code += REFERRAL_ALPHABET[bytes[i]! % REFERRAL_ALPHABET.length];
  return code;
}
