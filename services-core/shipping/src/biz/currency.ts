// Money input rules: the currency codes the service accepts (the ISO 4217 codes the runtime's ICU data knows,
// about 160) and the bound of every amount.
const KNOWN_CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

export function isKnownCurrency(code: string): boolean {
  return KNOWN_CURRENCIES.has(code);
}

/** Upper bound of every money amount in minor units: far above any real price, inside JS safe integers. */
export const MAX_AMOUNT_MINOR = 1_000_000_000_000;
