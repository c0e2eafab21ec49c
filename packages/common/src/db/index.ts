export * from './knex-factory.js';
export * from './embedded-postgres.js';
export * from './service-schemas.js';
export * from './database-errors.js';
export * from './constraint-errors.js';
