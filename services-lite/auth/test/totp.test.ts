import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, matchTotp, timeStep, totpCode } from '../src/crypto/totp.js';

// RFC 6238 appendix B, SHA-1 column: the secret is the ASCII "12345678901234567890"; codes are the last 6 digits.
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890', 'ascii'));

describe('TOTP', () => {
  it.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1111111111, '050471'],
    [1234567890, '005924'],
    [2000000000, '279037'],
    [20000000000, '353130'],
  ])('matches the RFC 6238 test vector at %i seconds', (seconds, code) => {
    expect(totpCode(RFC_SECRET, timeStep(new Date(seconds * 1000)))).toBe(code);
  });

  it('round-trips base32', () => {
    const bytes = Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255, 7]);
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
  });

  it('accepts a code from the previous step but not from two steps ago', () => {
    const now = new Date(1_700_000_000_000);
    const step = timeStep(now);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step - 1), now)).toBe(step - 1);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step - 2), now)).toBeUndefined();
  });

  it('refuses a code whose step was already used', () => {
    const now = new Date(1_700_000_000_000);
    const step = timeStep(now);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step), now, step)).toBeUndefined();
  });

  it('refuses malformed codes', () => {
    expect(matchTotp(RFC_SECRET, '12345', new Date())).toBeUndefined();
    expect(matchTotp(RFC_SECRET, 'abcdef', new Date())).toBeUndefined();
  });
});
