// Inversify identifiers of everything the gateway's app is built from.
export const TOKENS = {
  Config: Symbol.for('gateway.Config'),
  Logger: Symbol.for('gateway.Logger'),
  Metrics: Symbol.for('gateway.Metrics'),
  JwtVerifier: Symbol.for('gateway.JwtVerifier'),
  Clock: Symbol.for('gateway.Clock'),
  Registry: Symbol.for('gateway.Registry'),
  Bindings: Symbol.for('gateway.Bindings'),
  Upstreams: Symbol.for('gateway.Upstreams'),
  Invoker: Symbol.for('gateway.Invoker'),
  Breakers: Symbol.for('gateway.Breakers'),
  RateLimiter: Symbol.for('gateway.RateLimiter'),
  OpenApi: Symbol.for('gateway.OpenApi'),
} as const;

/** Milliseconds since the epoch; tests bind a clock they move by hand (circuit breaker timing). */
export type Clock = () => number;
