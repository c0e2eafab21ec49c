// Opaque secrets handed to clients (refresh, reset, verification, invitation, challenge tokens, recovery codes).
// Only their SHA-256 is stored: they carry 256 bits of randomness, so a slow hash would add nothing, and a
// lookup by hash never compares the secret itself byte by byte.
import { createHash, randomBytes } from 'node:crypto';

export function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
