export * from './app-error.js';
export * from './http-status.js';
export * from './zod.js';
export * from './nul-characters.js';
export * from './parse-input.js';
