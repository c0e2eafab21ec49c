export * from './envelope.js';
export * from './pagination.js';
export * from './timestamp.js';
