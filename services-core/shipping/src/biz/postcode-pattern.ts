// The postcode pattern syntax of shipping zones: small enough to validate completely, never a regular
// expression supplied by staff (no ReDoS, no surprises). Postcodes and patterns are compared normalized:
// upper case, without spaces or hyphens (`sw1a 1aa` = `SW1A1AA`, `75-001` = `75001`).
//   SW1A1AA        exact postcode
//   SW1*           prefix: every postcode starting with SW1 (one trailing `*`, at least one character before it)
//   75000..75999   numeric range, inclusive: digit-only postcodes of the same length between the bounds

const EXACT_OR_PREFIX = /^([A-Z0-9]{1,10})(\*?)$/;
const RANGE = /^([0-9]{1,10})\.\.([0-9]{1,10})$/;

export type PostcodePattern =
  | { kind: 'exact'; value: string }
  | { kind: 'prefix'; prefix: string }
  | { kind: 'range'; from: string; to: string };

export function normalizePostcode(postcode: string): string {
  return postcode.toUpperCase().replace(/[\s-]/g, '');
}

/** The parsed pattern, or the reason it is malformed (a message for the field that holds it). */
export function parsePostcodePattern(source: string): PostcodePattern | { error: string } {
  const text = normalizePostcode(source);
  const range = RANGE.exec(text);
  if (range) {
    const [, from, to] = range as unknown as [string, string, string];
    if (from.length !== to.length) return { error: 'a range needs bounds of the same length, e.g. 75000..75999' };
    if (from > to) return { error: 'a range must go from the lower to the higher bound' };
    return { kind: 'range', from, to };
  }
  const match = EXACT_OR_PREFIX.exec(text);
  if (!match) {
    return { error: 'must be a postcode (letters and digits, up to 10), a prefix ending in * (SW1*) or a range (75000..75999)' };
  }
  const [, body, star] = match as unknown as [string, string, string];
  return star ? { kind: 'prefix', prefix: body } : { kind: 'exact', value: body };
}

export function postcodeMatches(pattern: PostcodePattern, postcode: string): boolean {
  const code = normalizePostcode(postcode);
  switch (pattern.kind) {
    case 'exact':
      return code === pattern.value;
    case 'prefix':
      return code.startsWith(pattern.prefix);
    case 'range':
      // Same length and digits only, so string order is numeric order (leading zeros keep their meaning).
      return /^[0-9]+$/.test(code) && code.length === pattern.from.length && code >= pattern.from && code <= pattern.to;
  }
}

/** For patterns that were validated when stored. */
export function compilePostcodePattern(source: string): PostcodePattern {
  const parsed = parsePostcodePattern(source);
  if ('error' in parsed) throw new Error(`stored postcode pattern ${source} is malformed: ${parsed.error}`);
  return parsed;
}
