export * from './lifecycle.js';
export * from './ports.js';
export * from './run-service.js';
export * from './service-main.js';
export * from './stop-list.js';
export * from './core-servers.js';
