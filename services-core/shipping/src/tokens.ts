// Inversify identifiers of what main.ts provides to every layer (the layers' own classes are bound by class).
export const TOKENS = {
  Config: Symbol.for('shipping.Config'),
  Logger: Symbol.for('shipping.Logger'),
  Database: Symbol.for('shipping.Database'),
} as const;
