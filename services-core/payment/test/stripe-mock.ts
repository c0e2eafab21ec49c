// stripe-mock (github.com/stripe/stripe-mock) for the Stripe adapter's test: it validates every request against
// Stripe's OpenAPI spec and answers fixtures. It is stateless: it checks the shape of requests, not the outcome of
// a sequence (a captured intent is not remembered). The test runs only when STRIPE_MOCK_URL names a running one:
//   GOBIN=/tmp/gobin go install github.com/stripe/stripe-mock@v0.203.0
//   /tmp/gobin/stripe-mock -http-port 12111 &
//   STRIPE_MOCK_URL=http://127.0.0.1:12111 npx pnpm exec vitest run services-core/payment/test/stripe-adapter.test.ts

export const STRIPE_MOCK_URL = process.env.STRIPE_MOCK_URL;

/** stripe-mock loads its spec for a few seconds after start: wait until it answers (polling, with a deadline). */
export async function waitForStripeMock(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(`${url}/v1/balance`, { headers: { authorization: 'Bearer sk_test_123' } });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`stripe-mock did not answer at ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
