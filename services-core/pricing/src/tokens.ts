// Inversify identifiers of what main.ts provides to every layer (the layers' own classes are bound by class).
export const TOKENS = {
  Config: Symbol.for('pricing.Config'),
  Logger: Symbol.for('pricing.Logger'),
  Database: Symbol.for('pricing.Database'),
} as const;
