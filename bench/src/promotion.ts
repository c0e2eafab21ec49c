// EvaluateCart over gRPC with 50 active promotions (automatic ones with product, subtotal and shipping conditions,
// and code promotions), through the promotion service's full chain (interceptors, zod validation, three PostgreSQL
// reads, the stacking rules), beside a bare grpc-js server answering the same message from memory.
import { credentials, Metadata, type ServiceError } from '@grpc/grpc-js';
import { migrateUp } from '@ecommerce/common/migrate';
import { createTestJwtIssuer } from '@ecommerce/common/testing';
import {
  Allocation, DiscountTarget, DiscountType, PromotionServiceClient, PromotionServiceService,
  type CreatePromotionRequest, type CreatePromotionResponse, type EvaluateCartRequest, type EvaluateCartResponse, type PromotionInput,
} from '@ecommerce/proto/promotion/v1/promotion';
import { withBenchPostgres } from './bench-postgres.js';
import { formatLoad, formatRatio, runLoad, startBareServerProcess, type UnaryCall, fileRatio } from './grpc-load.js';
import type { Results } from './measure/results.js';
import { startServiceProcess } from './process/grpc-servers.js';
import { repoPath } from './repo-path.js';

const CALLS = Number(process.env.BENCH_GRPC_CALLS ?? 20_000);
const CONCURRENCY = Number(process.env.BENCH_GRPC_CONCURRENCY ?? 50);
const MAX_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_CALLS = 500;
const PROMOTIONS = 50;

/** Every load of this bench: CONCURRENCY calls in flight, up to `count` calls or MAX_SECONDS. */
const load = (call: UnaryCall, count: number) => runLoad(call, { count, concurrency: CONCURRENCY, maxSeconds: MAX_SECONDS });

const unary = <Req, Res>(fn: (req: Req, md: Metadata, cb: (err: ServiceError | null, res: Res) => void) => unknown, req: Req, md: Metadata) =>
  new Promise<Res>((resolve, reject) => fn(req, md, (err, res) => (err ? reject(err) : resolve(res))));

/** Promotion i of the bench set: a spread of types and conditions, five of them behind a code. */
function benchPromotion(i: number): PromotionInput {
  const kind = i % 5;
  return {
    name: `bench ${i}`,
    description: '',
    campaignId: '',
    requiresCode: i >= PROMOTIONS - 5,
    discountType: [DiscountType.DISCOUNT_TYPE_PERCENTAGE, DiscountType.DISCOUNT_TYPE_FIXED, DiscountType.DISCOUNT_TYPE_FREE_SHIPPING, DiscountType.DISCOUNT_TYPE_BUY_X_GET_Y, DiscountType.DISCOUNT_TYPE_PERCENTAGE][kind]!,
    target: kind === 4 ? DiscountTarget.DISCOUNT_TARGET_ORDER : DiscountTarget.DISCOUNT_TARGET_ITEMS,
    allocation: i % 2 === 0 ? Allocation.ALLOCATION_PER_ITEM : Allocation.ALLOCATION_ACROSS,
    percentageBps: 500 + (i % 7) * 100,
    amountMinor: kind === 1 ? 100 + i : 0,
    currency: 'EUR',
    maxQuantity: i % 3,
    buyQuantity: kind === 3 ? 2 : 0,
    getQuantity: kind === 3 ? 1 : 0,
    minSubtotalMinor: (i % 4) * 2_000,
    productIds: i % 2 === 0 ? [`product-${i % 10}`] : [],
    categoryIds: i % 3 === 0 ? [`category-${i % 4}`] : [],
    brandIds: [],
    customerGroups: i % 6 === 0 ? ['vip'] : [],
    exclusive: i % 11 === 0,
    priority: i % 4,
    usageLimit: 0,
    usageLimitPerCustomer: 0,
  };
}

export async function runPromotionBench(results: Results): Promise<void> {
  await withBenchPostgres('promotion_bench', async (databaseUrl) => {
    await migrateUp({ databaseUrl, service: 'promotion', dir: repoPath('migrations/promotion'), out: () => {} });
    const issuer = await createTestJwtIssuer();
    const service = await startServiceProcess('promotion', {
      ...process.env,
      DATABASE_URL: databaseUrl,
      HTTP_PORT: '0',
      GRPC_PORT: '0',
      GRPC_HOST: '127.0.0.1',
      HTTP_HOST: '127.0.0.1',
      JWT_PUBLIC_KEY: issuer.publicKeyPem,
      LOG_LEVEL: 'silent',
    });
    const staff = new Metadata();
    staff.set('authorization', `Bearer ${await issuer.sign({ sub: 'bench', roles: ['staff'] }, { expiresIn: '1h' })}`);
    const anonymous = new Metadata();
    const client = new PromotionServiceClient(service.urls.grpc!, credentials.createInsecure());
    const codes: string[] = [];
    for (let i = 0; i < PROMOTIONS; i += 1) {
      const { promotion } = await unary<CreatePromotionRequest, CreatePromotionResponse>(client.createPromotion.bind(client), { promotion: benchPromotion(i) }, staff);
      await unary(client.activatePromotion.bind(client), { id: promotion!.id }, staff);
      if (promotion!.definition!.requiresCode) {
        codes.push(`BENCH${i}`);
        await unary(client.createCode.bind(client), { promotionId: promotion!.id, code: `BENCH${i}`, usageLimit: 0 }, staff);
      }
    }
    const request: EvaluateCartRequest = {
      currency: 'EUR',
      customerId: 'bench-customer',
      customerGroups: ['vip'],
      codes: [codes[0]!, codes[1]!, 'UNKNOWN'],
      lines: Array.from({ length: 5 }, (_, i) => ({
        lineId: `line-${i}`,
        sku: `SKU-${i}`,
        productId: `product-${i * 2}`,
        categoryIds: [`category-${i % 4}`],
        brandId: '',
        quantity: 1 + (i % 3),
        unitPriceMinor: 1_999 + i * 1_000,
      })),
      shippingMinor: 590,
    };
    const answer = await unary<EvaluateCartRequest, EvaluateCartResponse>(client.evaluateCart.bind(client), request, anonymous);
    const bare = await startBareServerProcess(PromotionServiceService, 'evaluateCart', answer);
    const bareClient = new PromotionServiceClient(bare.address, credentials.createInsecure());
    try {
      const callService: UnaryCall = (done) => client.evaluateCart(request, anonymous, (err) => done(err));
      const callBare: UnaryCall = (done) => bareClient.evaluateCart(request, anonymous, (err) => done(err));
      await load(callService, WARMUP_CALLS);
      await load(callBare, WARMUP_CALLS);
      const measured = await load(callService, CALLS);
      const floor = await load(callBare, CALLS);
      console.log(`EvaluateCart unary, ${PROMOTIONS} active promotions, 5 lines, 3 codes, ${answer.applied.length} applied; ${CONCURRENCY} calls in flight, up to ${CALLS} calls or ${MAX_SECONDS} s each`);
      console.log(formatLoad('promotion service (full chain + PG)', measured));
      console.log(formatLoad('bare grpc-js from memory', floor));
      console.log(formatRatio('service/bare', measured, floor));
      fileRatio(results, 'promotion EvaluateCart', measured, floor);
    } finally {
      client.close();
      bareClient.close();
      await bare.stop();
      await service.stop();
    }
  });
}
