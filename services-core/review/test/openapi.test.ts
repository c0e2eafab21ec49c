// The OpenAPI fragment the service serves for the gateway: every RPC with who may call it and the constraints its
// handler enforces, so the platform document (and the fuzzer reading it) describes the API as it behaves.
import { describe, expect, it } from 'vitest';
import { useHarness } from './harness.js';

const h = useHarness();
const method = (name: string) => `/ecommerce.review.v1.ReviewService/${name}`;

describe('openapi fragment', () => {
  it('names the access of every RPC', async () => {
    const fragment = (await (await fetch(`${h.service.urls.http}/openapi.json`)).json()) as { 'x-rpcs': Record<string, { access: unknown; request?: any }> };

    expect(Object.fromEntries(Object.entries(fragment['x-rpcs']).map(([path, rpc]) => [path, rpc.access]))).toEqual({
      [method('SubmitReview')]: ['customer'],
      [method('GetReview')]: 'authenticated',
      [method('ListProductReviews')]: 'public',
      [method('GetProductRating')]: 'public',
      [method('ModerateReview')]: ['staff', 'admin'],
      [method('ReplyToReview')]: ['staff', 'admin'],
      [method('VoteHelpful')]: ['customer'],
      [method('ListReviewsForModeration')]: ['staff', 'admin'],
      [method('DeleteReview')]: 'authenticated',
    });
  });

  it('describes the submission constraints: rating bounds, lengths, image URL count and format', async () => {
    const fragment = (await (await fetch(`${h.service.urls.http}/openapi.json`)).json()) as { 'x-rpcs': Record<string, { request: any }> };
    const { properties } = fragment['x-rpcs'][method('SubmitReview')]!.request;

    expect(properties.rating).toMatchObject({ minimum: 1, maximum: 5 });
    expect(properties.title).toMatchObject({ maxLength: 150 });
    expect(properties.body).toMatchObject({ maxLength: 5000 });
    expect(properties.imageUrls).toMatchObject({ maxItems: 6, items: { format: 'uri', maxLength: 2048 } });
    expect(properties.productId).toMatchObject({ format: 'uuid' });
  });
});
