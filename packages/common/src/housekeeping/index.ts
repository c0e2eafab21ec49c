export * from './housekeeping.js';
export * from './prune-tasks.js';
