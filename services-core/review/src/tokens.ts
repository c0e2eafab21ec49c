// Inversify identifiers of what main.ts provides to every layer (the layers' own classes are bound by class).
export const TOKENS = {
  Config: Symbol.for('review.Config'),
  Logger: Symbol.for('review.Logger'),
  Database: Symbol.for('review.Database'),
} as const;
