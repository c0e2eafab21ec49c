export * from './lifecycle.js';
export * from './ports.js';
