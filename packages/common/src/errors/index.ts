export * from './app-error.js';
export * from './http-status.js';
export * from './zod.js';
