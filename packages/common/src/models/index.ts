export * from './envelope.js';
export * from './pagination.js';
