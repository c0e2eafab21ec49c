// Baseline: node:http + pg running the catalog list's SQL (the page and the count, in parallel, as the catalog's
// repository does) on every request and answering the same envelope: the comparison for the catalog with its
// cache off. Same pool size as the service's default.
import http from 'node:http';
import pg from 'pg';
import { listenLocal } from './listen.js';
import { runServer, serve } from './serve.js';

interface Config {
  databaseUrl: string;
  schema: string;
  poolMax: number;
}

const PAGE_SQL = `SELECT id, sku, slug, name, description, brand_id, category_id, attributes, images, status, created_at, updated_at, deleted_at
  FROM products WHERE deleted_at IS NULL ORDER BY created_at DESC, id ASC LIMIT $1 OFFSET $2`;
const COUNT_SQL = 'SELECT count(*) AS count FROM products WHERE deleted_at IS NULL';

interface Row {
  id: string;
  sku: string;
  slug: string;
  name: string;
  description: string;
  brand_id: string | null;
  category_id: string | null;
  attributes: unknown;
  images: unknown;
  status: string;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
}

runServer(() =>
  serve<Config>(async ({ databaseUrl, schema, poolMax }) => {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: poolMax, options: `-c search_path=${schema},public` });
    const server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const limit = Math.min(100, Math.max(1, Number(url.searchParams.get('limit') ?? 20) || 20));
      const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
      Promise.all([pool.query<Row>(PAGE_SQL, [limit, (page - 1) * limit]), pool.query<{ count: string }>(COUNT_SQL)]).then(
        ([rows, count]) => {
          const body = JSON.stringify({
            success: true,
            data: rows.rows.map(toProduct),
            meta: { page, limit, total: Number(count.rows[0]!.count) },
          });
          res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
          res.end(body);
        },
        (err: unknown) => {
          res.writeHead(500).end(String(err));
        },
      );
    });
    const started = await listenLocal(server);
    return { urls: started.urls, stop: async () => (await started.stop(), await pool.end()) };
  }),
);

function toProduct(row: Row) {
  return {
    id: row.id,
    sku: row.sku,
    slug: row.slug,
    name: row.name,
    description: row.description,
    brandId: row.brand_id,
    categoryId: row.category_id,
    attributes: row.attributes,
    images: row.images,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    deletedAt: row.deleted_at === null ? null : row.deleted_at.toISOString(),
  };
}
