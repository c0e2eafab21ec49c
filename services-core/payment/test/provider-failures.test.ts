// What the service does when the provider refuses or does not answer (the provider is what lies outside the
// system, so these tests give the service a test provider that fails on demand): a definite answer for an
// authorization, a recorded transaction and an unchanged payment for the other operations, and a retry with the
// same key that calls the provider again only when the first call got no answer.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderRefusedError, ProviderUnavailableError, type AuthorizeInput, type CallOptions } from '../src/biz/provider.js';
import { TestPaymentProvider } from '../src/providers/test-provider/test-payment-provider.js';
import { authorizeRequest, rejectionOf, startHarness, testProviderSettings, type Harness } from './harness.js';

/** Fails the next `times` calls of a kind with the given error. */
class FailingTestProvider extends TestPaymentProvider {
  readonly failNext: { authorize?: { error: Error; times: number }; capture?: { error: Error; times: number } } = {};

  override authorize(input: AuthorizeInput, options: CallOptions) {
    return this.fail('authorize') ?? super.authorize(input, options);
  }

  override capture(reference: string, amountMinor: number, options: CallOptions) {
    return this.fail('capture') ?? super.capture(reference, amountMinor, options);
  }

  private fail(kind: 'authorize' | 'capture'): Promise<never> | undefined {
    const failure = this.failNext[kind];
    if (!failure || failure.times <= 0) return undefined;
    failure.times -= 1;
    return Promise.reject(failure.error);
  }
}

const provider = new FailingTestProvider(testProviderSettings());
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ provider });
});
afterAll(() => h?.close());

describe('provider failures', () => {
  it('fails an authorization the provider refuses, with its code, and replays that answer', async () => {
    provider.failNext.authorize = { error: new ProviderRefusedError('test', 'payment_method_unknown'), times: 1 };
    const request = authorizeRequest();

    const payment = await h.authorize(request);

    expect(payment).toMatchObject({ status: 'failed', failureCode: 'payment_method_unknown' });
    expect(payment.transactions).toEqual([expect.objectContaining({ kind: 'authorize', outcome: 'failed' })]);
    expect(await h.authorize(request)).toEqual(payment);
  });

  it('answers UNAVAILABLE for a capture the provider does not answer, records each attempt, and lets the same key retry', async () => {
    const payment = await h.authorize({ amountMinor: 1_000 });
    const key = randomUUID();
    // The gRPC client itself retries UNAVAILABLE (3 attempts in all): the provider stays down for all of them.
    provider.failNext.capture = { error: new ProviderUnavailableError('test', 'provider_unavailable'), times: 3 };

    expect((await rejectionOf(h.capture(payment.id, 400, key))).type).toBe('unavailable');
    expect(await h.get(payment.id)).toMatchObject({ status: 'authorized', capturedMinor: 0 });

    const retried = await h.capture(payment.id, 400, key);

    expect(retried).toMatchObject({ status: 'partially_captured', capturedMinor: 400 });
    expect(retried.transactions.filter((t) => t.kind === 'capture').map((t) => t.outcome)).toEqual(['error', 'error', 'error', 'succeeded']);
  });

  it('survives a provider that fails once: the client\'s automatic retry carries the same key', async () => {
    const payment = await h.authorize({ amountMinor: 1_000 });
    provider.failNext.capture = { error: new ProviderUnavailableError('test', 'provider_unavailable'), times: 1 };

    const captured = await h.capture(payment.id, 1_000);

    expect(captured).toMatchObject({ status: 'captured', capturedMinor: 1_000 });
    expect(captured.transactions.filter((t) => t.kind === 'capture').map((t) => t.outcome)).toEqual(['error', 'succeeded']);
  });

  it('answers FAILED_PRECONDITION for a capture the provider refuses, and the same again for the same key', async () => {
    const payment = await h.authorize({ amountMinor: 1_000 });
    const key = randomUUID();
    provider.failNext.capture = { error: new ProviderRefusedError('test', 'intent_expired'), times: 1 };

    const first = await rejectionOf(h.capture(payment.id, 400, key));
    const again = await rejectionOf(h.capture(payment.id, 400, key));

    expect([first.type, again.type]).toEqual(['failed_precondition', 'failed_precondition']);
    expect(again.message).toContain('intent_expired');
    const stored = await h.get(payment.id);
    expect(stored).toMatchObject({ status: 'authorized', capturedMinor: 0 });
    expect(stored.transactions.filter((t) => t.kind === 'capture')).toEqual([expect.objectContaining({ outcome: 'failed', failureCode: 'intent_expired' })]);
  });
});
