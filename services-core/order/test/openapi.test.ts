// The OpenAPI fragment the service serves for the gateway: every RPC with who may call it and the constraints its
// handler enforces, so the platform document (and the fuzzer reading it) describes the API as it behaves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const method = (name: string) => `/ecommerce.order.v1.OrderService/${name}`;
const fragment = async () => (await (await fetch(`${h.service.urls.http}/openapi.json`)).json()) as { 'x-rpcs': Record<string, { access: unknown; request?: any }> };

describe('openapi fragment', () => {
  it('names the access of every RPC', async () => {
    const rpcs = (await fragment())['x-rpcs'];
    const cart = ['CreateCart', 'GetCart', 'AddCartLine', 'UpdateCartLine', 'RemoveCartLine', 'ApplyCoupon', 'RemoveCoupon', 'SetShippingAddress', 'SelectShippingOption', 'Checkout'];
    expect(Object.fromEntries(Object.entries(rpcs).map(([path, rpc]) => [path, rpc.access]))).toEqual({
      ...Object.fromEntries(cart.map((name) => [method(name), 'public'])),
      [method('MergeCart')]: 'authenticated',
      [method('GetOrder')]: 'authenticated',
      [method('ListOrders')]: 'authenticated',
      [method('CancelOrder')]: 'authenticated',
      [method('ReturnOrderLines')]: ['staff', 'admin'],
    });
  });

  it('describes the request constraints: quantities, currency, the idempotency key, ids', async () => {
    const rpcs = (await fragment())['x-rpcs'];
    expect(rpcs[method('AddCartLine')]!.request.properties).toMatchObject({ quantity: { minimum: 1, maximum: 999 }, sku: { maxLength: 64 }, cartId: { format: 'uuid' } });
    expect(rpcs[method('CreateCart')]!.request.properties.currency).toMatchObject({ pattern: expect.any(String) });
    expect(rpcs[method('Checkout')]!.request.properties.idempotencyKey).toMatchObject({ pattern: expect.stringContaining('64') });
    expect(rpcs[method('ListOrders')]!.request.properties.pageSize).toMatchObject({ maximum: 100 });
  });
});
