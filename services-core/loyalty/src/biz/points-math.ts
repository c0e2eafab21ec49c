// Integer arithmetic of points and money (no floats): every division rounds half away from zero.
import { minorUnitsPerMajor } from './currency.js';

/** numerator / denominator rounded half away from zero; denominator > 0. */
export function divideRoundHalfAway(numerator: bigint, denominator: bigint): bigint {
  const sign = numerator < 0n ? -1n : 1n;
  const magnitude = numerator * sign;
  return sign * ((magnitude * 2n + denominator) / (denominator * 2n));
}

/**
 * Points an order total earns: `pointsPerUnit` per major unit of its currency, times the multiplier (percent).
 * 12.34 EUR at 1 point per EUR and x1.5 earns round(1234 * 1 * 150 / (100 * 100)) = round(18.51) = 19 points.
 */
export function pointsForSpend(amountMinor: number, currency: string, pointsPerUnit: number, multiplierPercent: number): number {
  const numerator = BigInt(amountMinor) * BigInt(pointsPerUnit) * BigInt(multiplierPercent);
  return Number(divideRoundHalfAway(numerator, minorUnitsPerMajor(currency) * 100n));
}

/** What `points` are worth at `pointsPerUnit` points per major unit: 250 points at 100 per EUR = 250 cents. */
export function pointsToMinor(points: number, currency: string, pointsPerUnit: number): number {
  return Number(divideRoundHalfAway(BigInt(points) * minorUnitsPerMajor(currency), BigInt(pointsPerUnit)));
}

/** The share of `earned` a refund of `refundedMinor` out of `totalMinor` takes back (at most all of it). */
export function proportionalPoints(earned: number, refundedMinor: number, totalMinor: number): number {
  if (totalMinor <= 0 || refundedMinor >= totalMinor) return earned;
  return Number(divideRoundHalfAway(BigInt(earned) * BigInt(refundedMinor), BigInt(totalMinor)));
}
