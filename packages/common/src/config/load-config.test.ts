import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { baseEnv, port } from './fields.js';
import { ConfigError, loadConfig } from './load-config.js';

const schema = baseEnv.extend({ HTTP_PORT: port(8012) });
const valid = { DATABASE_URL: 'postgres://u:p@localhost:5432/db' };

describe('loadConfig', () => {
  it('applies defaults and coerces numbers', () => {
    const config = loadConfig(schema, { ...valid, HTTP_PORT: '9000' });
    expect(config.HTTP_PORT).toBe(9000);
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.DATABASE_POOL_MAX).toBe(10);
  });

  it('fails fast naming a missing variable', () => {
    expect(() => loadConfig(schema, {})).toThrowError(/DATABASE_URL is required/);
  });

  it('fails fast naming a variable with a bad value', () => {
    const attempt = () => loadConfig(schema, { ...valid, HTTP_PORT: 'eighty' });
    expect(attempt).toThrowError(ConfigError);
    expect(attempt).toThrowError(/^invalid configuration: HTTP_PORT is invalid/);
  });

  it('rejects a database URL that is not postgres', () => {
    expect(() => loadConfig(schema, { DATABASE_URL: 'mysql://x' })).toThrowError(/DATABASE_URL is invalid: must be a postgres/);
  });

  it('treats an empty variable as unset so its default applies', () => {
    expect(loadConfig(schema, { ...valid, LOG_LEVEL: '' }).LOG_LEVEL).toBe('info');
  });

  it('names the variable of a nested service-specific field', () => {
    const s = z.object({ KAFKA_BROKERS: z.string().min(1) });
    expect(() => loadConfig(s, {})).toThrowError(/KAFKA_BROKERS/);
  });
});
