// Inversify identifiers of what main.ts provides to every layer (the layers' own classes are bound by class).
export const TOKENS = {
  Config: Symbol.for('user.Config'),
  Logger: Symbol.for('user.Logger'),
  Database: Symbol.for('user.Database'),
  Metrics: Symbol.for('user.Metrics'),
  JwtVerifier: Symbol.for('user.JwtVerifier'),
} as const;
