import { describe, expect, it } from 'vitest';
import { assertIdempotencyKey, canonicalJson, requestFingerprint } from './request-fingerprint.js';

describe('request fingerprint', () => {
  it('writes JSON with keys sorted at every depth, so key order does not make another request', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('hashes parts so that moving text between them changes the hash', () => {
    expect(requestFingerprint(['POST', '/orders'])).not.toBe(requestFingerprint(['POST/', 'orders']));
    expect(requestFingerprint(['a', 'b'])).toBe(requestFingerprint(['a', 'b']));
  });

  it('accepts a UUID and refuses an empty, overlong or non-ASCII key, naming the field', () => {
    expect(assertIdempotencyKey('3f0c7a1e-4a7b-4b8e-9c1d-2f7e8a9b0c1d', 'Idempotency-Key')).toBe('3f0c7a1e-4a7b-4b8e-9c1d-2f7e8a9b0c1d');
    for (const bad of ['', 'x'.repeat(256), 'clé', 'a b']) expect(() => assertIdempotencyKey(bad, 'Idempotency-Key')).toThrow(/Idempotency-Key/);
  });
});
