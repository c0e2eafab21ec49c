// Provider webhooks over real HTTP on the service's port: signed events are applied once, in any order, even
// when one arrives before the synchronous answer; a bad signature or an old timestamp is a 401 that changes nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KnexWebhookEventRepository } from '../src/data/knex-webhook-event-repository.js';
import { signWebhook } from '../src/providers/webhook-signature.js';
import { authorizeRequest, countRows, eventually, outboxTypes, startHarness, TEST_CARD, WEBHOOK_SECRET, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ webhookMode: 'manual' });
});
afterEach(() => {
  h.provider.webhooks.mode = 'manual';
  h.provider.beforeAnswer = undefined;
  h.provider.webhooks.takeQueued();
});
afterAll(() => h?.close());

/** A 3-D Secure payment the customer has just completed: the provider's `payment.authorized` event is queued. */
async function completedThreeDSecure() {
  const payment = await h.authorize({ paymentMethod: TEST_CARD.threeDSecure });
  h.provider.completeAction(payment.providerReference, 'succeed');
  const [requiresAction, authorized] = h.provider.webhooks.takeQueued();
  return { payment, requiresAction: requiresAction!, authorized: authorized! };
}

const postRaw = (body: string, headers: Record<string, string>, provider = 'test') =>
  fetch(h.webhookUrl.replace(/test$/, provider), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('provider webhooks', () => {
  it('applies an event delivered twice once', async () => {
    const { payment, authorized } = await completedThreeDSecure();

    expect(await h.provider.webhooks.deliver(authorized)).toBe(200);
    expect(await h.provider.webhooks.deliver(authorized)).toBe(200);

    expect(await h.get(payment.id)).toMatchObject({ status: 'authorized', authorizedMinor: payment.amountMinor });
    expect(await outboxTypes(h.db, payment.id)).toEqual(['payment.payment.authorized']);
    expect(await countRows(h.db, 'payment_transactions', { payment_id: payment.id, source: 'webhook' })).toBe(1);
    expect(await countRows(h.db, 'payment_webhook_events', { event_id: authorized.id })).toBe(1);
  });

  it('keeps the later state when events arrive out of order', async () => {
    const { payment, requiresAction, authorized } = await completedThreeDSecure();

    await h.provider.webhooks.deliver(authorized);
    await h.provider.webhooks.deliver(requiresAction);

    expect(await h.get(payment.id)).toMatchObject({ status: 'authorized', nextActionUrl: '' });
    expect(await outboxTypes(h.db, payment.id)).toEqual(['payment.payment.authorized']);
  });

  it('counts captures reported by webhook from running totals, so a stale total changes nothing', async () => {
    const payment = await h.authorize({ amountMinor: 1_000 });
    h.provider.webhooks.takeQueued();
    // Captures made at the provider directly (its dashboard), known to the service only by webhook.
    const call = () => ({ idempotencyKey: randomUUID(), signal: new AbortController().signal });
    await h.provider.capture(payment.providerReference, 300, call());
    await h.provider.capture(payment.providerReference, 200, call());
    const [first, second] = h.provider.webhooks.takeQueued();

    await h.provider.webhooks.deliver(second!);
    await h.provider.webhooks.deliver(first!);

    expect(await h.get(payment.id)).toMatchObject({ status: 'partially_captured', capturedMinor: 500 });
    const captured = await h.db('outbox_events').where({ event_key: payment.id, event_type: 'payment.payment.captured' }).select('envelope');
    expect(captured.map((row: { envelope: { data: { amountMinor: unknown } } }) => Number(row.envelope.data.amountMinor))).toEqual([500]);
  });

  it('leaves one consistent payment when the webhook arrives before the synchronous answer', async () => {
    h.provider.webhooks.mode = 'immediate';
    // The provider holds its answer until the webhook it sent is inside the service, waiting for the payment's row lock.
    h.provider.beforeAnswer = async () => {
      await eventually(async () => {
        const waiting = await h.db.raw<{ rows: { n: number }[] }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
        return waiting.rows[0]!.n > 0;
      });
    };
    const request = authorizeRequest();

    const payment = await h.authorize(request);

    await eventually(async () => (await countRows(h.db, 'payment_webhook_events', { payment_id: payment.id })) === 1);
    expect(await h.get(payment.id)).toMatchObject({ status: 'authorized', authorizedMinor: request.amountMinor });
    expect(await countRows(h.db, 'payment_transactions', { payment_id: payment.id })).toBe(1);
    expect(await outboxTypes(h.db, payment.id)).toEqual(['payment.payment.authorized']);
  });

  it('refuses a bad signature, an old timestamp and a missing header with 401, changing nothing', async () => {
    const { payment, authorized } = await completedThreeDSecure();
    const body = JSON.stringify(authorized);
    const now = Math.floor(Date.now() / 1000);

    expect(await h.provider.webhooks.deliver(authorized, { secret: 'tp_whsec_someone_else' })).toBe(401);
    expect(await h.provider.webhooks.deliver(authorized, { timestampSeconds: now - 301 })).toBe(401);
    expect((await postRaw(body, {})).status).toBe(401);
    const tampered = await postRaw(body.replace(/"amount_minor":\d+/, '"amount_minor":1'), { 'test-provider-signature': signWebhook(WEBHOOK_SECRET, body, now) });
    expect(tampered.status).toBe(401);
    expect((await tampered.json()) as unknown).toMatchObject({ success: false, error: { code: 'UNAUTHENTICATED' } });

    expect(await h.get(payment.id)).toMatchObject({ status: 'requires_action' });
    expect(await countRows(h.db, 'payment_webhook_events', { event_id: authorized.id })).toBe(0);
  });

  it('answers 400 for a malformed event, an unknown provider and a body that is not JSON', async () => {
    const body = JSON.stringify({ id: 'evt_1', type: 'payment.authorized', data: {} });
    const signed = { 'test-provider-signature': signWebhook(WEBHOOK_SECRET, body, Math.floor(Date.now() / 1000)) };

    const malformed = await postRaw(body, signed);
    expect(malformed.status).toBe(400);
    expect((await malformed.json()) as unknown).toMatchObject({ error: { details: [expect.objectContaining({ field: 'data.reference' })] } });
    expect((await postRaw(body, signed, 'paypal')).status).toBe(400);
    expect((await postRaw(body, signed, 'stripe')).status).toBe(400);
    expect((await postRaw('{not json', signed)).status).toBe(400);
    expect((await fetch(h.webhookUrl, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' })).status).toBe(400);
  });

  it('documents the webhook route in /openapi.json with the statuses it answers', async () => {
    const document = (await (await fetch(`${h.service.urls.http}/openapi.json`)).json()) as { paths: Record<string, { post: { responses: Record<string, unknown> } }> };

    expect(Object.keys(document.paths['/api/v1/payments/webhooks/{provider}']!.post.responses)).toEqual(expect.arrayContaining(['200', '400', '401']));
  });
});

describe('webhook event ids', () => {
  it('are forgotten after the retention by housekeeping, and only then', async () => {
    const repository = new KnexWebhookEventRepository(h.db);
    await h.db('payment_webhook_events').insert([
      { provider: 'test', event_id: 'evt_old', event_type: 'payment.authorized', received_at: new Date(Date.now() - 31 * 24 * 3_600_000) },
      { provider: 'test', event_id: 'evt_recent', event_type: 'payment.authorized', received_at: new Date(Date.now() - 29 * 24 * 3_600_000) },
    ]);

    expect(await repository.prune()).toBe(1);
    expect(await countRows(h.db, 'payment_webhook_events', { event_id: 'evt_old' })).toBe(0);
    expect(await countRows(h.db, 'payment_webhook_events', { event_id: 'evt_recent' })).toBe(1);
  });
});
