// The signature of the test provider's webhooks, in the scheme Stripe uses: header `t=<unix seconds>,v1=<hex>`
// where v1 = HMAC-SHA256(secret, "<t>.<raw body>"). A timestamp further than the tolerance from now is refused,
// so a captured request cannot be replayed later.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookSignatureError } from '../biz/provider.js';

export const TEST_PROVIDER_SIGNATURE_HEADER = 'test-provider-signature';

export function signWebhook(secret: string, rawBody: string | Buffer, timestampSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${timestampSeconds}.`).update(rawBody).digest('hex');
  return `t=${timestampSeconds},v1=${mac}`;
}

export function verifyWebhookSignature(settings: { secret: string; header: string | undefined; rawBody: Buffer; now: Date; toleranceSeconds: number }): void {
  if (!settings.header) throw new WebhookSignatureError('missing signature header');
  const parts = new Map<string, string[]>();
  for (const item of settings.header.split(',')) {
    const [key, ...rest] = item.trim().split('=');
    if (key && rest.length) parts.set(key, [...(parts.get(key) ?? []), rest.join('=')]);
  }
  const timestamp = Number(parts.get('t')?.[0]);
  if (!Number.isSafeInteger(timestamp)) throw new WebhookSignatureError('signature header has no timestamp');
  if (Math.abs(settings.now.getTime() / 1000 - timestamp) > settings.toleranceSeconds) {
    throw new WebhookSignatureError('signature timestamp is outside the tolerance');
  }
  const expected = Buffer.from(signWebhook(settings.secret, settings.rawBody, timestamp).split('v1=')[1]!, 'hex');
  const matches = (parts.get('v1') ?? []).some((candidate) => {
    const given = Buffer.from(candidate, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) throw new WebhookSignatureError('signature does not match');
}
