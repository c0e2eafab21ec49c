// Verified purchases from the events other services publish (fed here through the in-process transport, as in
// `make dev`): a review is verified only when its author's order with the product was delivered, a later
// delivery verifies (and the rules then approve) an existing review, and an event delivered twice counts once.
import { randomUUID } from 'node:crypto';
import { ReviewStatus } from '@ecommerce/proto/review/v1/review';
import { describe, expect, it } from 'vitest';
import { aBuyerOf, aReview, rowCount } from './builders.js';
import { useHarness } from './harness.js';

const h = useHarness();

const skuOf = (productId: string) => `SKU-${productId.slice(0, 8)}`;

describe('verified purchase', () => {
  it('does not verify a customer who never received the product, though someone else did', async () => {
    const productId = randomUUID();
    await aBuyerOf(h, productId);
    const stranger = await h.newCustomer();

    const { review } = await h.call('submitReview', aReview({ productId }), stranger.token);

    expect(review).toMatchObject({ verifiedPurchase: false, status: ReviewStatus.REVIEW_STATUS_PENDING });
  });

  it('does not verify a customer whose order was placed but not delivered', async () => {
    const productId = randomUUID();
    const customer = await h.newCustomer();
    await h.events.processed(await h.events.productCreated({ productId, sku: skuOf(productId) }));
    await h.events.processed(await h.events.orderPlaced({ orderId: randomUUID(), customerId: customer.id, skus: [skuOf(productId)] }));

    const { review } = await h.call('submitReview', aReview({ productId }), customer.token);

    expect(review!.verifiedPurchase).toBe(false);
  });

  it('verifies an existing pending review when the delivery arrives later, and the rules approve it into the rating', async () => {
    const productId = randomUUID();
    const customer = await h.newCustomer();
    const { review } = await h.call('submitReview', aReview({ productId, rating: 5 }), customer.token);
    const orderId = randomUUID();
    await h.events.processed(await h.events.productCreated({ productId, sku: skuOf(productId) }));
    await h.events.processed(await h.events.orderPlaced({ orderId, customerId: customer.id, skus: [skuOf(productId), 'OTHER-SKU'] }));
    expect((await h.call('getReview', { id: review!.id }, customer.token)).review!.verifiedPurchase).toBe(false);

    await h.events.processed(await h.events.shipmentDelivered({ orderId, skus: [skuOf(productId)] }));

    expect((await h.call('getReview', { id: review!.id }, customer.token)).review).toMatchObject({ verifiedPurchase: true, status: ReviewStatus.REVIEW_STATUS_APPROVED });
    expect((await h.call('getProductRating', { productId })).rating).toMatchObject({ count: 1, average: 5 });
    expect(await h.outbox('review.review.verified', review!.id)).toHaveLength(1);
  });

  it('completes the purchase whichever comes first: the delivery before the order, the SKU last', async () => {
    const productId = randomUUID();
    const customer = await h.newCustomer();
    const { review } = await h.call('submitReview', aReview({ productId }), customer.token);
    const orderId = randomUUID();

    await h.events.processed(await h.events.shipmentDelivered({ orderId, skus: [skuOf(productId)] }));
    await h.events.processed(await h.events.orderPlaced({ orderId, customerId: customer.id, skus: [skuOf(productId)] }));
    expect((await h.call('getReview', { id: review!.id }, customer.token)).review!.verifiedPurchase).toBe(false);
    await h.events.processed(await h.events.productCreated({ productId, sku: skuOf(productId) }));

    expect((await h.call('getReview', { id: review!.id }, customer.token)).review!.verifiedPurchase).toBe(true);
  });

  it('leaves a moderator\'s rejection alone when a delivery verifies the review', async () => {
    const productId = randomUUID();
    const customer = await h.newCustomer();
    const { review } = await h.call('submitReview', aReview({ productId }), customer.token);
    await h.call('moderateReview', { id: review!.id, status: ReviewStatus.REVIEW_STATUS_REJECTED, reason: 'about the courier' }, h.staffToken);
    const orderId = randomUUID();
    await h.events.processed(await h.events.productCreated({ productId, sku: skuOf(productId) }));
    await h.events.processed(await h.events.orderPlaced({ orderId, customerId: customer.id, skus: [skuOf(productId)] }));

    await h.events.processed(await h.events.shipmentDelivered({ orderId, skus: [skuOf(productId)] }));

    expect((await h.call('getReview', { id: review!.id }, customer.token)).review).toMatchObject({ verifiedPurchase: true, status: ReviewStatus.REVIEW_STATUS_REJECTED });
  });

  it('applies a delivery event delivered twice once', async () => {
    const productId = randomUUID();
    const customer = await h.newCustomer();
    const { review } = await h.call('submitReview', aReview({ productId, rating: 4 }), customer.token);
    const orderId = randomUUID();
    await h.events.processed(await h.events.productCreated({ productId, sku: skuOf(productId) }));
    await h.events.processed(await h.events.orderPlaced({ orderId, customerId: customer.id, skus: [skuOf(productId)] }));
    const eventId = randomUUID();

    await h.events.shipmentDelivered({ orderId, skus: [skuOf(productId)] }, eventId);
    await h.events.shipmentDelivered({ orderId, skus: [skuOf(productId)] }, eventId);
    // Same topic, one partition: once this later event is processed, both copies before it were handled.
    await h.events.processed(await h.events.shipmentDelivered({ orderId: randomUUID(), skus: ['UNRELATED'] }));

    expect(await rowCount(h, 'inbox_events', { event_id: eventId })).toBe(1);
    expect(await rowCount(h, 'purchases', { customer_id: customer.id })).toBe(1);
    expect(await h.outbox('review.review.verified', review!.id)).toHaveLength(1);
    expect(await h.outbox('review.review.approved', review!.id)).toHaveLength(1);
    expect((await h.call('getProductRating', { productId })).rating).toMatchObject({ count: 1, ratingSum: 4 });
  });

  it('verifies reviews submitted at the same moment as their deliveries are recorded, every time', async () => {
    const cases = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const productId = randomUUID();
        const customer = await h.newCustomer();
        const orderId = randomUUID();
        await h.events.processed(await h.events.productCreated({ productId, sku: skuOf(productId) }));
        await h.events.processed(await h.events.orderPlaced({ orderId, customerId: customer.id, skus: [skuOf(productId)] }));
        return { productId, customer, orderId };
      }),
    );

    const raced = await Promise.all(
      cases.map(async ({ productId, customer, orderId }) => {
        const [eventId, { review }] = await Promise.all([
          h.events.shipmentDelivered({ orderId, skus: [skuOf(productId)] }),
          h.call('submitReview', aReview({ productId }), customer.token),
        ]);
        await h.events.processed(eventId);
        return { id: review!.id, token: customer.token };
      }),
    );

    for (const { id, token } of raced) {
      expect((await h.call('getReview', { id }, token)).review).toMatchObject({ verifiedPurchase: true, status: ReviewStatus.REVIEW_STATUS_APPROVED });
    }
  });

  it('ignores a guest order, which has no customer to verify', async () => {
    const orderId = randomUUID();

    await h.events.processed(await h.events.orderPlaced({ orderId, customerId: '', skus: ['GUEST-SKU'] }));

    expect(await rowCount(h, 'order_customers', { order_id: orderId })).toBe(0);
  });
});
