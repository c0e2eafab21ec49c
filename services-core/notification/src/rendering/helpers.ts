// The few formatting helpers templates may use; registered on the library's own Handlebars environment.
import type { HelperDelegate } from 'handlebars';

/** Fraction digits of an ISO 4217 currency (JPY 0, EUR 2, ...); unknown codes get 2. */
function fractionDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** `{{money order.totalMinor order.currency}}` -> `12.34 EUR`, in integer arithmetic (no float rounding). */
export const money: HelperDelegate = (minor: unknown, currency: unknown) => {
  const amount = BigInt(typeof minor === 'number' || typeof minor === 'string' ? minor : 0);
  const code = typeof currency === 'string' ? currency : '';
  const digits = fractionDigits(code);
  const scale = 10n ** BigInt(digits);
  const sign = amount < 0n ? '-' : '';
  const abs = amount < 0n ? -amount : amount;
  const fraction = digits > 0 ? `.${(abs % scale).toString().padStart(digits, '0')}` : '';
  return `${sign}${abs / scale}${fraction} ${code}`.trim();
};

/** `{{date payment.updateTime}}` -> `2026-12-02 17:40 UTC` (time is UTC everywhere); empty when absent. */
export const date: HelperDelegate = (value: unknown) => {
  if (typeof value !== 'string' && !(value instanceof Date)) return '';
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? '' : `${time.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
};
