// What the wire can carry that a JS number cannot: an int64 amount beyond 2^53 must be refused as bad input,
// never answered with INTERNAL (the gateway would turn that into a 500).
import { unaryCall } from '@ecommerce/common/grpc';
import { SetBasePriceRequest } from '@ecommerce/proto/pricing/v1/pricing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejectionOf, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

type Callback = (err: any, res: Buffer) => void;

describe('wire limits', () => {
  it('refuses an int64 amount beyond a safe integer with INVALID_ARGUMENT', async () => {
    const bytes = Buffer.from(SetBasePriceRequest.encode({ sku: 'WIRE-1', currency: 'EUR', tiers: [{ minQuantity: 1, maxQuantity: 0, amountMinor: 2 ** 62 }] }).finish());
    const raw = (request: Buffer, metadata: unknown, options: unknown, callback: Callback) =>
      h.client.makeUnaryRequest('/ecommerce.pricing.v1.PricingService/SetBasePrice', (b: Buffer) => b, (b: Buffer) => b, request, metadata as never, options as never, callback as never);

    const err = await rejectionOf(unaryCall(raw as never, bytes as never, { token: h.tokens.staff }));

    expect(err.type).toBe('invalid_argument');
    expect(err.details).toEqual([expect.objectContaining({ field: 'request' })]);
  });
});
