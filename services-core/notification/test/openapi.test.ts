// The OpenAPI fragment the service serves for the gateway: every RPC with who may call it and the constraints its
// handler enforces, so the platform document (and the fuzzer reading it) describes the API as it behaves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const method = (name: string) => `/ecommerce.notification.v1.NotificationService/${name}`;

describe('openapi fragment', () => {
  it('names the access of every RPC and describes the request constraints', async () => {
    const response = await fetch(`${h.service.urls.http}/openapi.json`);
    expect(response.status).toBe(200);
    const fragment = (await response.json()) as { 'x-rpcs': Record<string, { access: unknown; request?: any }> };

    expect(Object.fromEntries(Object.entries(fragment['x-rpcs']).map(([path, rpc]) => [path, rpc.access]))).toEqual({
      [method('GetPreferences')]: 'authenticated',
      [method('UpdatePreferences')]: 'authenticated',
      [method('ListNotifications')]: ['staff', 'admin'],
      [method('GetNotification')]: ['staff', 'admin'],
      [method('ResendNotification')]: ['staff', 'admin'],
      [method('PreviewTemplate')]: ['staff', 'admin'],
    });
    const list = fragment['x-rpcs'][method('ListNotifications')]!.request;
    expect(list.properties.pageSize).toMatchObject({ maximum: 100 });
    expect(list.properties.template.anyOf).toContainEqual(expect.objectContaining({ enum: expect.arrayContaining(['password_reset', 'order_placed']) }));
    const preview = fragment['x-rpcs'][method('PreviewTemplate')]!.request.properties;
    expect(preview.template).toMatchObject({ enum: expect.arrayContaining(['review_request']) });
    expect(preview.dataJson).toMatchObject({ type: 'string', maxLength: 100_000 });
  });

  it("documents 403 on the preference RPCs, the answer for another customer's preferences", async () => {
    const fragment = (await (await fetch(`${h.service.urls.http}/openapi.json`)).json()) as { 'x-rpcs': Record<string, { errors?: number[] }> };
    expect(fragment['x-rpcs'][method('GetPreferences')]!.errors).toContain(403);
    expect(fragment['x-rpcs'][method('UpdatePreferences')]!.errors).toContain(403);
  });
});
