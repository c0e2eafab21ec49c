// The review service over gRPC through its full chain (interceptors, JWT, zod, PostgreSQL), in one run beside a
// bare grpc-js server answering the same message from memory:
// - SubmitReview by 1,000 verified buyers, all on ONE product: every call is auto-approved and moves the same
//   rating row in its transaction (the hot path of the aggregate); after the first 1,000 calls they are edits,
//   which move it by the difference. The run then checks the stored rating against the approved reviews.
// - The same spread over 100 products (buyer i bought product i mod 100), where submissions run side by side.
// - ListProductReviews (public, 20 per page, newest first) of that product, and GetProductRating.
import { randomUUID } from 'node:crypto';
import { credentials, Metadata, Server, ServerCredentials, type sendUnaryData, type ServiceError } from '@grpc/grpc-js';
import { createDatabase } from '@ecommerce/common/db';
import { migrateUp } from '@ecommerce/common/migrate';
import { createTestJwtIssuer } from '@ecommerce/common/testing';
import { ReviewServiceClient, ReviewServiceService, ReviewSort, type SubmitReviewRequest, type SubmitReviewResponse } from '@ecommerce/proto/review/v1/review';
import { startReview } from '@ecommerce/review';
import { withBenchPostgres } from './bench-postgres.js';
import { repoPath } from './repo-path.js';

const CALLS = Number(process.env.BENCH_GRPC_CALLS ?? 20_000);
const CONCURRENCY = Number(process.env.BENCH_REVIEW_CONCURRENCY ?? 32);
const MAX_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_CALLS = 300;
const BUYERS = 1_000;
const SPREAD_PRODUCTS = 100;

interface LoadResult {
  calls: number;
  failures: number;
  seconds: number;
  p50Ms: number;
  p99Ms: number;
}

type Call = (done: (err: ServiceError | null) => void) => void;

export async function runReviewBench(): Promise<void> {
  await withBenchPostgres('review_bench', async (databaseUrl) => {
    await migrateUp({ databaseUrl, service: 'review', dir: repoPath('migrations/review'), out: () => {} });
    const issuer = await createTestJwtIssuer();
    const review = await startReview({
      ...process.env,
      DATABASE_URL: databaseUrl,
      HTTP_PORT: '0',
      GRPC_PORT: '0',
      GRPC_HOST: '127.0.0.1',
      HTTP_HOST: '127.0.0.1',
      JWT_PUBLIC_KEY: issuer.publicKeyPem,
      LOG_LEVEL: 'silent',
      DATABASE_POOL_MAX: String(CONCURRENCY),
    });
    const db = createDatabase({ url: databaseUrl, schema: 'review', poolMax: 1 });
    const client = new ReviewServiceClient(review.urls.grpc!, credentials.createInsecure());
    let bare: { address: string; stop(): Promise<void> } | undefined;
    let bareClient: ReviewServiceClient | undefined;
    try {
      // What the order, shipping and catalog events would have recorded: 1,000 customers received the product.
      const productId = randomUUID();
      const spreadProducts = Array.from({ length: SPREAD_PRODUCTS }, () => randomUUID());
      const buyers = Array.from({ length: BUYERS }, () => randomUUID());
      await db('product_skus').insert([productId, ...spreadProducts].map((id, i) => ({ product_id: id, sku: `BENCH-SKU-${i}` })));
      await db('purchases').insert(buyers.map((customerId) => ({ customer_id: customerId, sku: 'BENCH-SKU-0' })));
      await db('purchases').insert(buyers.map((customerId, i) => ({ customer_id: customerId, sku: `BENCH-SKU-${(i % SPREAD_PRODUCTS) + 1}` })));
      const buyerMetadata = await Promise.all(
        buyers.map(async (sub) => {
          const md = new Metadata();
          md.set('authorization', `Bearer ${await issuer.sign({ sub, roles: ['customer'] }, { expiresIn: '1h' })}`);
          return md;
        }),
      );
      let n = 0;
      const submission = (): [SubmitReviewRequest, Metadata] => {
        n += 1;
        return [{ productId, rating: (n % 5) + 1, title: `Review ${n}`, body: 'Solid, does what it says.', imageUrls: [] }, buyerMetadata[n % BUYERS]!];
      };
      const submit: Call = (done) => client.submitReview(...submission(), (err) => done(err));
      let m = 0;
      const submitSpread: Call = (done) => {
        m += 1;
        const buyer = m % BUYERS;
        const request = { productId: spreadProducts[buyer % SPREAD_PRODUCTS]!, rating: (m % 5) + 1, title: `Review ${m}`, body: 'Solid, does what it says.', imageUrls: [] };
        client.submitReview(request, buyerMetadata[buyer]!, (err) => done(err));
      };
      const list: Call = (done) => client.listProductReviews({ productId, page: 1, pageSize: 20, sort: ReviewSort.REVIEW_SORT_NEWEST, rating: 0 }, new Metadata(), (err) => done(err));
      const rating: Call = (done) => client.getProductRating({ productId }, new Metadata(), (err) => done(err));

      const answer = await new Promise<SubmitReviewResponse>((resolve, reject) => client.submitReview(...submission(), (err, res) => (err ? reject(err) : resolve(res))));
      bare = await startBareServer(answer);
      bareClient = new ReviewServiceClient(bare.address, credentials.createInsecure());
      const bareCall: Call = (done) => bareClient!.submitReview(...submission(), (err) => done(err));

      await load(submit, WARMUP_CALLS);
      await load(bareCall, WARMUP_CALLS);
      const submitted = await load(submit, CALLS);
      const spread = await load(submitSpread, CALLS);
      const listed = await load(list, CALLS);
      const rated = await load(rating, CALLS);
      const floor = await load(bareCall, CALLS);

      console.log(`review over gRPC, ${CONCURRENCY} clients, up to ${CALLS} calls or ${MAX_SECONDS} s each, client in the same process`);
      console.log(format(`SubmitReview, ${BUYERS} buyers, 1 product`, submitted));
      console.log(format(`SubmitReview, ${SPREAD_PRODUCTS} products`, spread));
      console.log(format('ListProductReviews (20 per page)', listed));
      console.log(format('GetProductRating', rated));
      console.log(format('bare grpc-js from memory', floor));
      console.log(`ratio submit/bare: throughput ${(rate(submitted) / rate(floor)).toFixed(3)} (1 product), ${(rate(spread) / rate(floor)).toFixed(3)} (spread)`);
      // Never double-counted: every rating row equals the approved reviews it summarises.
      const check = (await db.raw(
        `SELECT (SELECT count(*) FROM reviews WHERE status = 'approved')::int AS approved,
                (SELECT count(*) FROM product_ratings r
                   LEFT JOIN (SELECT product_id, count(*) AS c, sum(rating) AS s FROM reviews WHERE status = 'approved' GROUP BY product_id) a USING (product_id)
                   WHERE r.review_count <> coalesce(a.c, 0) OR r.rating_sum <> coalesce(a.s, 0))::int AS drift`,
      )).rows[0] as { approved: number; drift: number };
      console.log(`check: ${check.approved} approved reviews, ${check.drift} rating rows off their reviews${check.drift === 0 ? ' (ok)' : ' (MISMATCH)'}`);
    } finally {
      client.close();
      bareClient?.close();
      await bare?.stop();
      await db.destroy();
      await review.stop();
    }
  });
}

/** Keeps CONCURRENCY calls in flight until `count` have completed or MAX_SECONDS have passed. */
function load(call: Call, count: number): Promise<LoadResult> {
  const latencies = new Float64Array(count);
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(MAX_SECONDS) * 1_000_000_000n;
  let issued = 0;
  let completed = 0;
  let failures = 0;
  return new Promise((resolve) => {
    const finish = () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const sorted = latencies.subarray(0, completed).sort();
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
      resolve({ calls: completed, failures, seconds, p50Ms: at(0.5), p99Ms: at(0.99) });
    };
    const next = () => {
      if (issued >= count || process.hrtime.bigint() > deadline) {
        if (completed === issued) finish();
        return;
      }
      issued += 1;
      const t0 = process.hrtime.bigint();
      call((err) => {
        latencies[completed] = Number(process.hrtime.bigint() - t0) / 1e6;
        completed += 1;
        if (err) failures += 1;
        next();
      });
    };
    for (let i = 0; i < Math.min(CONCURRENCY, count); i += 1) next();
  });
}

async function startBareServer(answer: SubmitReviewResponse): Promise<{ address: string; stop(): Promise<void> }> {
  const server = new Server();
  const unimplemented = () => {
    throw new Error('the bench calls SubmitReview only');
  };
  const handlers = Object.fromEntries(Object.keys(ReviewServiceService).map((k) => [k, unimplemented]));
  server.addService(ReviewServiceService, { ...handlers, submitReview: (_call: unknown, callback: sendUnaryData<SubmitReviewResponse>) => callback(null, answer) });
  const port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))));
  return { address: `127.0.0.1:${port}`, stop: () => new Promise<void>((r) => server.tryShutdown(() => r())) };
}

const rate = (r: LoadResult) => r.calls / r.seconds;

function format(label: string, r: LoadResult): string {
  return `${label.padEnd(36)} ${rate(r).toFixed(0).padStart(8)} calls/s   p50 ${r.p50Ms.toFixed(2).padStart(6)} ms   p99 ${r.p99Ms.toFixed(2).padStart(6)} ms   (${r.calls} calls, ${r.failures} failed)`;
}
