// Inversify identifiers of what main.ts provides to every layer (the layers' own classes are bound by class).
export const TOKENS = {
  Config: Symbol.for('notification.Config'),
  Logger: Symbol.for('notification.Logger'),
  Database: Symbol.for('notification.Database'),
} as const;
