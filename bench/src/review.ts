// The review service over gRPC through its full chain (interceptors, JWT, zod, PostgreSQL), in one run beside a
// bare grpc-js server answering the same message from memory:
// - SubmitReview by 1,000 verified buyers, all on ONE product: every call is auto-approved and moves the same
//   rating row in its transaction (the hot path of the aggregate); after the first 1,000 calls they are edits,
//   which move it by the difference. The run then checks the stored rating against the approved reviews.
// - The same spread over 100 products (buyer i bought product i mod 100), where submissions run side by side.
// - ListProductReviews (public, 20 per page, newest first) of that product, and GetProductRating.
import { randomUUID } from 'node:crypto';
import { credentials, Metadata } from '@grpc/grpc-js';
import { createDatabase } from '@ecommerce/common/db';
import { migrateUp } from '@ecommerce/common/migrate';
import { createTestJwtIssuer } from '@ecommerce/common/testing';
import { ReviewServiceClient, ReviewServiceService, ReviewSort, type SubmitReviewRequest, type SubmitReviewResponse } from '@ecommerce/proto/review/v1/review';
import { withBenchPostgres } from './bench-postgres.js';
import { callsPerSecond, formatLoad, runLoad, startBareServerProcess, type BareServer, type UnaryCall, fileRatio } from './grpc-load.js';
import type { Results } from './measure/results.js';
import { startServiceProcess } from './process/grpc-servers.js';
import { repoPath } from './repo-path.js';

const CALLS = Number(process.env.BENCH_GRPC_CALLS ?? 20_000);
const CONCURRENCY = Number(process.env.BENCH_REVIEW_CONCURRENCY ?? 32);
const MAX_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_CALLS = 300;
const BUYERS = 1_000;
const SPREAD_PRODUCTS = 100;

/** Every load of this bench: CONCURRENCY calls in flight, up to `count` calls or MAX_SECONDS. */
const load = (call: UnaryCall, count: number) => runLoad(call, { count, concurrency: CONCURRENCY, maxSeconds: MAX_SECONDS });

export async function runReviewBench(results: Results): Promise<void> {
  await withBenchPostgres('review_bench', async (databaseUrl) => {
    await migrateUp({ databaseUrl, service: 'review', dir: repoPath('migrations/review'), out: () => {} });
    const issuer = await createTestJwtIssuer();
    const review = await startServiceProcess('review', {
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
    let bare: BareServer | undefined;
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
      const submit: UnaryCall = (done) => client.submitReview(...submission(), (err) => done(err));
      let m = 0;
      const submitSpread: UnaryCall = (done) => {
        m += 1;
        const buyer = m % BUYERS;
        const request = { productId: spreadProducts[buyer % SPREAD_PRODUCTS]!, rating: (m % 5) + 1, title: `Review ${m}`, body: 'Solid, does what it says.', imageUrls: [] };
        client.submitReview(request, buyerMetadata[buyer]!, (err) => done(err));
      };
      const list: UnaryCall = (done) => client.listProductReviews({ productId, page: 1, pageSize: 20, sort: ReviewSort.REVIEW_SORT_NEWEST, rating: 0 }, new Metadata(), (err) => done(err));
      const rating: UnaryCall = (done) => client.getProductRating({ productId }, new Metadata(), (err) => done(err));

      const answer = await new Promise<SubmitReviewResponse>((resolve, reject) => client.submitReview(...submission(), (err, res) => (err ? reject(err) : resolve(res))));
      bare = await startBareServerProcess(ReviewServiceService, 'submitReview', answer);
      bareClient = new ReviewServiceClient(bare.address, credentials.createInsecure());
      const bareCall: UnaryCall = (done) => bareClient!.submitReview(...submission(), (err) => done(err));

      await load(submit, WARMUP_CALLS);
      await load(bareCall, WARMUP_CALLS);
      const submitted = await load(submit, CALLS);
      const spread = await load(submitSpread, CALLS);
      const listed = await load(list, CALLS);
      const rated = await load(rating, CALLS);
      const floor = await load(bareCall, CALLS);

      console.log(`review over gRPC, ${CONCURRENCY} clients, up to ${CALLS} calls or ${MAX_SECONDS} s each, service and floor each in their own process`);
      console.log(formatLoad(`SubmitReview, ${BUYERS} buyers, 1 product`, submitted));
      console.log(formatLoad(`SubmitReview, ${SPREAD_PRODUCTS} products`, spread));
      console.log(formatLoad('ListProductReviews (20 per page)', listed));
      console.log(formatLoad('GetProductRating', rated));
      console.log(formatLoad('bare grpc-js from memory', floor));
      fileRatio(results, 'review SubmitReview, one product', submitted, floor);
      fileRatio(results, 'review SubmitReview, spread products', spread, floor);
      console.log(`ratio submit/bare: throughput ${(callsPerSecond(submitted) / callsPerSecond(floor)).toFixed(3)} (1 product), ${(callsPerSecond(spread) / callsPerSecond(floor)).toFixed(3)} (spread)`);
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
