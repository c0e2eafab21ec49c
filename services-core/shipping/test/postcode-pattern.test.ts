// The postcode pattern syntax as a pure rule: what parses, what is refused and why, what matches.
import { describe, expect, it } from 'vitest';
import { parsePostcodePattern, postcodeMatches, type PostcodePattern } from '../src/biz/postcode-pattern.js';

const parsed = (source: string) => parsePostcodePattern(source) as PostcodePattern;

describe('postcode patterns', () => {
  it.each([
    ['SW1A 1AA', { kind: 'exact', value: 'SW1A1AA' }],
    ['sw1*', { kind: 'prefix', prefix: 'SW1' }],
    ['75000..75999', { kind: 'range', from: '75000', to: '75999' }],
    ['00-100', { kind: 'exact', value: '00100' }],
  ])('parses %s', (source, expected) => {
    expect(parsePostcodePattern(source)).toEqual(expected);
  });

  it.each(['', '*', 'AB*C', 'A**', '750..75999', '75999..75000', 'AB..CD', '^75.*$', 'ABCDEFGHIJK', '75%'])('refuses %j', (source) => {
    expect(parsePostcodePattern(source)).toEqual({ error: expect.any(String) });
  });

  it('matches exact postcodes ignoring case, spaces and hyphens', () => {
    expect(postcodeMatches(parsed('SW1A1AA'), 'sw1a 1aa')).toBe(true);
    expect(postcodeMatches(parsed('SW1A1AA'), 'SW1A1AB')).toBe(false);
  });

  it('matches prefixes', () => {
    expect(postcodeMatches(parsed('80*'), '80331')).toBe(true);
    expect(postcodeMatches(parsed('80*'), '08033')).toBe(false);
  });

  it('matches numeric ranges inclusively, only for digit postcodes of the same length', () => {
    const range = parsed('01000..01999');
    expect(postcodeMatches(range, '01000')).toBe(true);
    expect(postcodeMatches(range, '01999')).toBe(true);
    expect(postcodeMatches(range, '02000')).toBe(false);
    expect(postcodeMatches(range, '1500')).toBe(false);
    expect(postcodeMatches(range, '01A00')).toBe(false);
  });
});
