// The shared database-error mapping, fed errors the test database really raised.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, databaseErrorToAppError, withConstraintErrors } from '../../src/db/index.js';
import { AlreadyExistsError, AppError, FailedPreconditionError, ValidationError } from '../../src/errors/app-error.js';
import { openPgErrorLab, type PgErrorLab } from './support/pg-errors.js';

let lab: PgErrorLab;
beforeAll(async () => {
  lab = await openPgErrorLab();
});
afterAll(() => lab?.close());

const mapped = async (sql: string, params: unknown[] = []) => {
  const err = await lab.errorOf(sql, params);
  return { err, app: databaseErrorToAppError(err) };
};

describe('unique violation (23505)', () => {
  it('is AlreadyExists naming the key column from the detail, keeping the pg error as its cause', async () => {
    const { err, app } = await mapped(`INSERT INTO products (sku) VALUES ('MUG-1')`);

    expect(app).toBeInstanceOf(AlreadyExistsError);
    expect(app).toMatchObject({ type: 'already_exists', message: 'a record with this sku already exists', details: [{ field: 'sku' }] });
    expect(app!.cause).toBe(err);
  });

  it('names the column inside an expression index such as lower(email)', async () => {
    const { app } = await mapped(`INSERT INTO staff (email) VALUES ('ANN@example.com')`);

    expect(app).toMatchObject({ type: 'already_exists', details: [{ field: 'email' }] });
  });

  it('names every column of a composite key, in camelCase', async () => {
    const { app } = await mapped(`INSERT INTO variants (product_id, colour) VALUES (1, 'blue')`);

    expect(app).toMatchObject({ type: 'already_exists', details: [{ field: 'productId' }, { field: 'colour' }] });
  });

  it('falls back to the constraint name when PostgreSQL withholds the detail (no SELECT right on the column)', async () => {
    const role = `insert_only_${Date.now()}`;
    await lab.run(`CREATE ROLE ${role}; GRANT INSERT ON products TO ${role}; GRANT USAGE ON SEQUENCE products_id_seq TO ${role}`);
    try {
      const { err, app } = await mapped(`SET ROLE ${role}; INSERT INTO products (sku) VALUES ('MUG-1')`);

      expect((err as { detail?: string }).detail).toBeUndefined();
      expect(app).toMatchObject({ type: 'already_exists', details: [{ field: 'sku' }] });
    } finally {
      await lab.run(`RESET ROLE; DROP OWNED BY ${role}; DROP ROLE ${role}`);
    }
  });

  it('names no field for an index on a constant, such as "one active row"', async () => {
    const { app } = await mapped('INSERT INTO signing_keys DEFAULT VALUES');

    expect(app).toMatchObject({ type: 'already_exists', message: 'a record with this value already exists', details: [] });
  });
});

describe('foreign key violation (23503) and restrict (23001)', () => {
  it('is INVALID_ARGUMENT naming the field when the row refers to nothing', async () => {
    const { app } = await mapped('INSERT INTO products (sku, brand_id) VALUES ($1, 999)', ['MUG-2']);

    expect(app).toBeInstanceOf(ValidationError);
    expect(app!.details).toEqual([{ field: 'brandId', message: 'no such brands' }]);
  });

  it('is FAILED_PRECONDITION naming the key when another table still refers to the row', async () => {
    const { app } = await mapped('DELETE FROM brands WHERE id = 1');

    expect(app).toBeInstanceOf(FailedPreconditionError);
    expect(app).toMatchObject({ message: 'the record is still referenced from products', details: [{ field: 'id', message: 'still referenced from products' }] });
  });

  it('is FAILED_PRECONDITION for an ON DELETE RESTRICT key too', async () => {
    const { err, app } = await mapped('DELETE FROM products WHERE id = 1');

    expect((err as { code?: string }).code).toBe('23001');
    expect(app).toMatchObject({ type: 'failed_precondition', details: [{ field: 'id', message: 'still referenced from variants' }] });
  });
});

describe('check (23514) and not-null (23502) violations', () => {
  it('names the column of a column check constraint', async () => {
    const { app } = await mapped(`INSERT INTO products (sku, price_amount) VALUES ('MUG-3', -1)`);

    expect(app).toMatchObject({ type: 'invalid_argument', details: [{ field: 'priceAmount', message: 'is not an allowed value' }] });
  });

  it('names the rule of a table check constraint', async () => {
    const { app } = await mapped(`INSERT INTO products (sku, status) VALUES ('MUG-4', 'active')`);

    expect(app).toMatchObject({ type: 'invalid_argument', message: 'the values break the rule products_active_needs_brand', details: [] });
  });

  it('names the missing column as required', async () => {
    const { app } = await mapped('INSERT INTO products (sku) VALUES (NULL)');

    expect(app).toMatchObject({ type: 'invalid_argument', details: [{ field: 'sku', message: 'is required' }] });
  });
});

describe('values the column cannot hold', () => {
  it.each([
    ['22P02', `SELECT 'not-a-uuid'::uuid`, [], 'a value is not a valid uuid'],
    ['22001', `INSERT INTO products (sku, code) VALUES ('MUG-5', 'TOO-LONG')`, [], 'a value is too long (at most 5 characters)'],
    ['22021', 'INSERT INTO products (sku) VALUES ($1)', ['nul\u0000'], 'a value holds a character that cannot be stored (such as U+0000)'],
    ['22P05', `SELECT '"\\u0000"'::jsonb`, [], 'a value holds a character that cannot be stored (such as U+0000)'],
    ['22003', 'SELECT 99999999999::integer', [], 'a number is out of range'],
  ])('%s is INVALID_ARGUMENT', async (code, sql, params, message) => {
    const { err, app } = await mapped(sql, params);

    expect((err as { code?: string }).code).toBe(code);
    expect(app).toMatchObject({ type: 'invalid_argument', message });
  });
});

describe('what is not a client error', () => {
  it('leaves other database errors and non-database errors alone', async () => {
    const { app } = await mapped('SELECT * FROM no_such_table');

    expect(app).toBeUndefined();
    expect(databaseErrorToAppError(new Error('socket hang up'))).toBeUndefined();
    expect(databaseErrorToAppError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBeUndefined();
  });
});

describe('through Knex', () => {
  it('maps the error Knex rethrows (its message prefixed with the SQL) the same way', async () => {
    const db = createDatabase({ url: lab.url, schema: 'public', poolMax: 1 });
    try {
      const err = await db('products').insert({ sku: 'MUG-1' }).catch((e: unknown) => e);

      expect(databaseErrorToAppError(err)).toMatchObject({ type: 'already_exists', details: [{ field: 'sku' }] });
    } finally {
      await db.destroy();
    }
  });
});

describe('withConstraintErrors', () => {
  it("uses the call's own wording for a constraint it knows", async () => {
    const known = { products_brand_id_fkey: () => new FailedPreconditionError('the brand still has products') };

    await expect(withConstraintErrors(known, () => lab.errorOf('DELETE FROM brands WHERE id = 1').then((e) => Promise.reject(e)))).rejects.toMatchObject({
      type: 'failed_precondition',
      message: 'the brand still has products',
    });
  });

  it('falls back to the shared mapping for the others, and lets non-database errors through unchanged', async () => {
    const duplicate = lab.errorOf(`INSERT INTO products (sku) VALUES ('MUG-1')`).then((e) => Promise.reject(e));
    const other = new Error('boom');

    await expect(withConstraintErrors({}, () => duplicate)).rejects.toBeInstanceOf(AlreadyExistsError);
    await expect(withConstraintErrors({}, () => Promise.reject(other))).rejects.toBe(other);
    await expect(withConstraintErrors({}, () => Promise.reject(new AppError('not_found', 'x')))).rejects.toMatchObject({ type: 'not_found' });
  });
});

describe('retryable failures', () => {
  it('maps a deadlock (40P01) and a serialization failure (40001) to ABORTED', async () => {
    for (const code of ['40P01', '40001']) {
      const { app } = await mapped(`DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = '${code}'; END $$`);
      expect(app).toMatchObject({ type: 'aborted' });
    }
  });

  it('maps a connection pool that stays exhausted past its acquire timeout to UNAVAILABLE', async () => {
    const { default: knex } = await import('knex');
    const db = knex({ client: 'pg', connection: lab.url, pool: { min: 0, max: 1 }, acquireConnectionTimeout: 200 });
    try {
      await db.transaction(async () => {
        const err = await db.raw('SELECT 1').then(() => undefined, (e: unknown) => e);
        expect(databaseErrorToAppError(err)).toMatchObject({ type: 'unavailable' });
      });
    } finally {
      await db.destroy();
    }
  });
});
