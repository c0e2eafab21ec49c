export { freePort } from '../lifecycle/ports.js';
export * from './test-database.js';
export * from './vitest-context.js';
export * from './jwt-issuer.js';
export * from './migrated-database.js';
export * from './redis-server.js';
export * from './api-client.js';
export * from './core-service-env.js';
