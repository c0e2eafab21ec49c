// Inversify identifiers of what main.ts provides to every layer (the layers' own classes are bound by class).
export const TOKENS = {
  Config: Symbol.for('promotion.Config'),
  Logger: Symbol.for('promotion.Logger'),
  Database: Symbol.for('promotion.Database'),
} as const;
