// Real PostgreSQL errors for the database-error tests: a fresh database with one table per kind of constraint,
// and a helper that returns what a statement raised.
import pg from 'pg';
import { createTestDatabase, postgresAdminUrl, type TestDatabase } from '../../../src/testing/index.js';

const SCHEMA_SQL = `
  CREATE TABLE brands (id serial PRIMARY KEY, slug text NOT NULL, CONSTRAINT brands_slug_key UNIQUE (slug));
  CREATE TABLE products (
    id           serial PRIMARY KEY,
    sku          text NOT NULL,
    brand_id     integer REFERENCES brands (id),
    price_amount integer NOT NULL DEFAULT 0 CHECK (price_amount >= 0),
    code         varchar(5),
    status       text NOT NULL DEFAULT 'draft',
    CONSTRAINT products_sku_key UNIQUE (sku),
    CONSTRAINT products_active_needs_brand CHECK (status <> 'active' OR brand_id IS NOT NULL)
  );
  CREATE TABLE staff (id serial PRIMARY KEY, email text NOT NULL);
  CREATE UNIQUE INDEX staff_email_key ON staff (lower(email));
  CREATE TABLE variants (
    product_id integer NOT NULL REFERENCES products (id) ON DELETE RESTRICT,
    colour     text NOT NULL,
    PRIMARY KEY (product_id, colour)
  );
  CREATE TABLE signing_keys (id serial PRIMARY KEY, retired boolean NOT NULL DEFAULT false);
  CREATE UNIQUE INDEX signing_keys_one_active_idx ON signing_keys ((true)) WHERE NOT retired;
  INSERT INTO signing_keys DEFAULT VALUES;
  INSERT INTO brands (slug) VALUES ('acme');
  INSERT INTO products (sku, brand_id) VALUES ('MUG-1', 1);
  INSERT INTO staff (email) VALUES ('ann@example.com');
  INSERT INTO variants (product_id, colour) VALUES (1, 'blue');
`;

export interface PgErrorLab {
  url: string;
  /** Runs `sql` on the lab's one connection. */
  run(sql: string): Promise<void>;
  /** What `sql` raised; fails the test if it succeeded. */
  errorOf(sql: string, params?: unknown[]): Promise<Error>;
  close(): Promise<void>;
}

export async function openPgErrorLab(): Promise<PgErrorLab> {
  const db: TestDatabase = await createTestDatabase(postgresAdminUrl(), 'pg_errors');
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  await client.query(SCHEMA_SQL);
  return {
    url: db.url,
    async run(sql) {
      await client.query(sql);
    },
    async errorOf(sql, params = []) {
      try {
        await client.query(sql, params);
      } catch (err) {
        return err as Error;
      }
      throw new Error(`expected ${sql} to fail`);
    },
    async close() {
      await client.end();
      await db.drop();
    },
  };
}
