// Guest cart tokens: 256 random bits shown once to the guest; only their sha256 is stored, compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newCartToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashCartToken(token) };
}

export function hashCartToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function cartTokenMatches(token: string, storedHash: string): boolean {
  const given = Buffer.from(hashCartToken(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
