// Integer money arithmetic for discounts (BigInt minor units, no floats). Rounding is half away from zero; every
// amount here is non-negative, so that is half up.
export const BPS_WHOLE = 10_000n;

/** `amount * bps / 10000`, rounded half away from zero; never more than `amount` for bps <= 10000. */
export function percentageOf(amount: bigint, bps: number): bigint {
  return (amount * BigInt(bps) + BPS_WHOLE / 2n) / BPS_WHOLE;
}

/**
 * Splits `total` over `weights` proportionally: each share is floor(total * weight / sum), and the cents left over
 * go one each to the largest weights (ties: the earlier index). Shares sum to `total` exactly and, with
 * total <= sum(weights), no share exceeds its weight.
 */
export function allocateProportionally(total: bigint, weights: readonly bigint[]): bigint[] {
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum === 0n || total === 0n) return weights.map(() => 0n);
  const shares = weights.map((w) => (total * w) / sum);
  let left = total - shares.reduce((a, b) => a + b, 0n);
  const byWeight = weights.map((w, i) => ({ w, i })).sort((a, b) => (a.w === b.w ? a.i - b.i : a.w > b.w ? -1 : 1));
  for (let k = 0; left > 0n; k = (k + 1) % byWeight.length) {
    const { i, w } = byWeight[k]!;
    if (shares[i]! < w) {
      shares[i] = shares[i]! + 1n;
      left -= 1n;
    }
  }
  return shares;
}

export const minBig = (a: bigint, b: bigint): bigint => (a < b ? a : b);
