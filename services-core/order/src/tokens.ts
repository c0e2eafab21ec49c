// Inversify identifiers of what main.ts provides to every layer (the layers' own classes are bound by class).
export const TOKENS = {
  Config: Symbol.for('order.Config'),
  Logger: Symbol.for('order.Logger'),
  Database: Symbol.for('order.Database'),
  Verifier: Symbol.for('order.Verifier'),
} as const;
