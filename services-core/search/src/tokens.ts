// Inversify identifiers of what main.ts provides to every layer (the layers' own classes are bound by class).
export const TOKENS = {
  Config: Symbol.for('search.Config'),
  Logger: Symbol.for('search.Logger'),
  Database: Symbol.for('search.Database'),
} as const;
