export * from './cache.js';
export * from './create-cache.js';
export { MemoryCache } from './memory-cache.js';
export { RedisCache } from './redis-cache.js';
