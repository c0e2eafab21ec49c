// Which lots a debit takes from: oldest first (by the order given), so expiry and redemption always consume
// the points earned longest ago.
export interface OpenLot {
  id: string;
  remaining: number;
  earnedAt: Date;
  expiresAt: Date;
}

export interface LotTake {
  lotId: string;
  points: number;
}

/** Takes `points` from `lots` in order; takes what there is when they hold less (the caller checks the balance). */
export function takeOldestFirst(lots: readonly OpenLot[], points: number): LotTake[] {
  const takes: LotTake[] = [];
  let left = points;
  for (const lot of lots) {
    if (left === 0) break;
    const taken = Math.min(lot.remaining, left);
    if (taken > 0) takes.push({ lotId: lot.id, points: taken });
    left -= taken;
  }
  return takes;
}
