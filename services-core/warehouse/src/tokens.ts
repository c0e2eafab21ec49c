// Inversify identifiers of what main.ts provides to every layer (the layers' own classes are bound by class).
export const TOKENS = {
  Config: Symbol.for('warehouse.Config'),
  Logger: Symbol.for('warehouse.Logger'),
  Database: Symbol.for('warehouse.Database'),
} as const;
