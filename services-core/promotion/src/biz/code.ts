// Coupon codes: how they are written, and how generated single-use codes are made unguessable.
import { randomInt } from 'node:crypto';

export interface PromotionCode {
  code: string;
  promotionId: string;
  /** 0 = only the promotion's limits apply. */
  usageLimit: number;
  uses: number;
  batchId: string | null;
  createdAt: Date;
}

export const CODE_PATTERN = /^[A-Za-z0-9-]{3,40}$/;
export const PREFIX_PATTERN = /^[A-Za-z0-9]{1,20}$/;

/** Codes are case-insensitive: customers type them, so they are compared and stored upper-case. */
export function normalizeCode(code: string): string {
  return code.trim().toUpperCase();
}

// No 0/O or 1/I: generated codes are read off paper and screens.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const RANDOM_PART_LENGTH = 10;

/** `<PREFIX>-XXXXXXXXXX` from a CSPRNG (32^10 ~ 10^15 per prefix, so a batch rarely collides and guessing fails). */
export function randomCode(prefix: string): string {
  let part = '';
  for (let i = 0; i < RANDOM_PART_LENGTH; i += 1) part += ALPHABET[randomInt(ALPHABET.length)];
  return `${normalizeCode(prefix)}-${part}`;
}
