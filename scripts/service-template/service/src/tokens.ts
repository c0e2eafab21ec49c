// Inversify identifiers of what main.ts provides to every layer (the layers' own classes are bound by class).
export const TOKENS = {
  Config: Symbol.for('__name__.Config'),
  Logger: Symbol.for('__name__.Logger'),
  Database: Symbol.for('__name__.Database'),
} as const;
