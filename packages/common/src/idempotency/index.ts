export * from './idempotency-store.js';
export * from './request-fingerprint.js';
