// A checkout's usage reservation: the promotions and codes it counts against their limits, and its state machine
// reserved -> committed | released (both final; committing a released one or releasing a committed one is refused).
import { FailedPreconditionError } from '@ecommerce/common/errors';

export type UsageStatus = 'reserved' | 'committed' | 'released';

export interface UsageLine {
  promotionId: string;
  campaignId: string | null;
  /** Empty for an automatic promotion. */
  code: string;
  amountMinor: number;
}

export interface UsageReservation {
  reference: string;
  customerId: string;
  status: UsageStatus;
  lines: UsageLine[];
}

export function assertCanCommit(r: UsageReservation): void {
  if (r.status === 'released') throw new FailedPreconditionError(`usage ${r.reference} was released and cannot be committed`);
}

export function assertCanRelease(r: UsageReservation): void {
  if (r.status === 'committed') throw new FailedPreconditionError(`usage ${r.reference} was committed and cannot be released`);
}

/** One counter change per row, in one global order (codes, promotions, campaigns), so concurrent checkouts never deadlock. */
export interface CounterChanges {
  codes: string[];
  promotions: string[];
  campaigns: { id: string; uses: number; amountMinor: number }[];
}

export function counterChanges(lines: UsageLine[]): CounterChanges {
  const campaigns = new Map<string, { id: string; uses: number; amountMinor: number }>();
  for (const l of lines) {
    if (!l.campaignId) continue;
    const c = campaigns.get(l.campaignId) ?? { id: l.campaignId, uses: 0, amountMinor: 0 };
    c.uses += 1;
    c.amountMinor += l.amountMinor;
    campaigns.set(l.campaignId, c);
  }
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    codes: lines.map((l) => l.code).filter((c) => c !== '').sort(),
    promotions: lines.map((l) => l.promotionId).sort(),
    campaigns: [...campaigns.values()].sort(byId),
  };
}
