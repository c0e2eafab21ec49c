// Inversify identifiers of what main.ts provides to every layer (the layers' own classes are bound by class).
export const TOKENS = {
  Config: Symbol.for('loyalty.Config'),
  Logger: Symbol.for('loyalty.Logger'),
  Database: Symbol.for('loyalty.Database'),
} as const;
