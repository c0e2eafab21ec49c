// Inversify identifiers of what main.ts provides to every layer (the layers' own classes are bound by class).
export const TOKENS = {
  Config: Symbol.for('payment.Config'),
  Logger: Symbol.for('payment.Logger'),
  Database: Symbol.for('payment.Database'),
} as const;
