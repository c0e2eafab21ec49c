// Integer money arithmetic (minor units). No floats: a share is computed in BigInt and rounded half away from zero.

/** round(value * numerator / denominator), half away from zero; denominator > 0. */
export function proportion(value: number, numerator: number, denominator: number): number {
  if (denominator <= 0) throw new Error('proportion: denominator must be positive');
  const product = BigInt(value) * BigInt(numerator);
  const d = BigInt(denominator);
  const negative = product < 0n;
  const magnitude = negative ? -product : product;
  let quotient = magnitude / d;
  // Half away from zero: a remainder of at least half the denominator rounds the magnitude up.
  if ((magnitude % d) * 2n >= d) quotient += 1n;
  return Number(negative ? -quotient : quotient);
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0);
}
