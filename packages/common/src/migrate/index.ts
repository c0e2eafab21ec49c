export * from './commands.js';
export * from './parser.js';
export * from './source.js';
export * from './planner.js';
export * from './version-store.js';
export * from './create.js';
export * from './errors.js';
export * from './format.js';
export { findRepoRoot } from './repo-root.js';
