// The ISO 4217 codes points can be earned or redeemed in (active codes; funds and precious metals left out),
// with the number of minor-unit digits each has, so "points per currency unit" means the same for EUR and JPY.
const ISO_4217 = `AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF
CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF
IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT
MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR
SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VED VES VND VUV
WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG`;

const NO_MINOR_UNIT = new Set('BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF'.split(' '));
const THREE_MINOR_DIGITS = new Set('BHD IQD JOD KWD LYD OMR TND'.split(' '));

export const CURRENCIES: ReadonlySet<string> = new Set(ISO_4217.split(/\s+/));

export function isKnownCurrency(code: string): boolean {
  return CURRENCIES.has(code);
}

/** Minor units in one major unit: 100 for EUR, 1 for JPY, 1000 for KWD. */
export function minorUnitsPerMajor(currency: string): bigint {
  if (NO_MINOR_UNIT.has(currency)) return 1n;
  if (THREE_MINOR_DIGITS.has(currency)) return 1000n;
  return 100n;
}
