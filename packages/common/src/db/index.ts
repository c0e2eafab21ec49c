export * from './knex-factory.js';
export * from './embedded-postgres.js';
export * from './service-schemas.js';
