// A raw PostgreSQL error that reaches a transport's one error mapper leaves as the client error it stands for,
// with the field named: the HTTP envelope and the gRPC status with its field violations.
import { Writable } from 'node:stream';
import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUS_DETAILS_KEY, decodeFieldViolations } from '../../src/grpc/status-details.js';
import { toGrpcFailure } from '../../src/grpc/error-mapper.js';
import { createServiceApp, finishServiceApp, startHttpServer, type HttpServerHandle } from '../../src/http/index.js';
import { createLogger } from '../../src/logger/index.js';
import { createMetrics } from '../../src/observability/index.js';
import { openPgErrorLab, type PgErrorLab } from './support/pg-errors.js';

const logLines: string[] = [];
const logger = createLogger({ service: 'db-errors-test', destination: new Writable({ write(chunk, _e, cb) { logLines.push(String(chunk)); cb(); } }) });

let lab: PgErrorLab;
let server: HttpServerHandle;
const raised: Record<string, Error> = {};

beforeAll(async () => {
  lab = await openPgErrorLab();
  raised.duplicateSku = await lab.errorOf(`INSERT INTO products (sku) VALUES ('MUG-1')`);
  raised.unknownBrand = await lab.errorOf('INSERT INTO products (sku, brand_id) VALUES ($1, 999)', ['MUG-9']);
  raised.missingTable = await lab.errorOf('SELECT * FROM no_such_table');
  const app = createServiceApp({ service: 'db-errors-test', logger, metrics: createMetrics('db-errors-test', { defaultMetrics: false }), readiness: async () => true });
  app.get('/raise/:name', (req) => {
    throw raised[req.params.name];
  });
  finishServiceApp(app);
  server = await startHttpServer(app, { port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await server?.close();
  await lab?.close();
});

describe('the HTTP error mapper', () => {
  it('answers 409 ALREADY_EXISTS naming the field for a unique violation', async () => {
    const res = await fetch(`${server.url}/raise/duplicateSku`);

    expect(res.status).toBe(409);
    expect((await res.json()).error).toEqual({
      code: 'ALREADY_EXISTS',
      message: 'a record with this sku already exists',
      details: [{ field: 'sku', message: 'a record with this sku already exists' }],
    });
  });

  it('answers 400 INVALID_ARGUMENT naming the field for a foreign key to nothing', async () => {
    const res = await fetch(`${server.url}/raise/unknownBrand`);

    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'INVALID_ARGUMENT', details: [{ field: 'brandId', message: 'no such brands' }] });
  });

  it('still answers 500 with no internals for a database error no client caused', async () => {
    const res = await fetch(`${server.url}/raise/missingTable`);

    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toContain('no_such_table');
  });
});

describe('the gRPC error mapper', () => {
  it('gives ALREADY_EXISTS with the field violation in the status details', () => {
    const failure = toGrpcFailure(raised.duplicateSku, logger);

    expect(failure.code).toBe(status.ALREADY_EXISTS);
    expect(failure.details).toBe('a record with this sku already exists');
    const bytes = failure.metadata.get(STATUS_DETAILS_KEY)[0] as Buffer;
    expect(decodeFieldViolations(bytes)).toEqual([{ field: 'sku', message: 'a record with this sku already exists' }]);
  });

  it('gives INVALID_ARGUMENT naming the field for a foreign key to nothing', () => {
    const failure = toGrpcFailure(raised.unknownBrand, logger);

    expect(failure.code).toBe(status.INVALID_ARGUMENT);
    expect(decodeFieldViolations(failure.metadata.get(STATUS_DETAILS_KEY)[0] as Buffer)).toEqual([{ field: 'brandId', message: 'no such brands' }]);
  });

  it('still gives INTERNAL with a generic message for a database error no client caused', () => {
    const failure = toGrpcFailure(raised.missingTable, logger);

    expect(failure).toMatchObject({ code: status.INTERNAL, details: 'internal error' });
  });
});
