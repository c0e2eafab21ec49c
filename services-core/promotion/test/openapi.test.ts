// The OpenAPI fragment the gateway lays over the REST routes: every RPC is described with its access rule and the
// constraints its handler enforces (the CI fuzzer generates requests from this document).
import { PromotionServiceService } from '@ecommerce/proto/promotion/v1/promotion';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe('openapi fragment', () => {
  it('describes every RPC with its access and request constraints', async () => {
    interface Schema {
      properties?: Record<string, Schema>;
      [keyword: string]: unknown;
    }
    const doc = (await (await fetch(`${h.service.urls.http}/openapi.json`)).json()) as { 'x-rpcs': Record<string, { access: unknown; request: Schema }> };
    const rpcs = doc['x-rpcs'];

    for (const method of Object.values(PromotionServiceService)) expect(rpcs[method.path], method.path).toMatchObject({ access: expect.anything(), request: expect.any(Object) });
    expect(rpcs['/ecommerce.promotion.v1.PromotionService/EvaluateCart']!.access).toBe('public');
    expect(rpcs['/ecommerce.promotion.v1.PromotionService/ReserveUsage']!.access).toEqual(['staff', 'admin']);
    const promotion = rpcs['/ecommerce.promotion.v1.PromotionService/CreatePromotion']!.request.properties!.promotion!.properties!;
    expect(promotion.percentageBps).toMatchObject({ minimum: 0, maximum: 10_000 });
    expect(promotion.discountType).toMatchObject({ enum: [1, 2, 3, 4] });
  });

  it('documents 404 where the unknown resource is named in the body (committing an unknown usage reservation)', async () => {
    const doc = (await (await fetch(`${h.service.urls.http}/openapi.json`)).json()) as { 'x-rpcs': Record<string, { errors?: number[] }> };
    expect(doc['x-rpcs']['/ecommerce.promotion.v1.PromotionService/CommitUsage']!.errors).toEqual([404]);
  });
});
