// The test provider's webhook body (README "Webhook format") read into a ProviderEvent; a malformed body is a
// 400 naming the field.
import { ValidationError } from '@ecommerce/common/errors';
import { z } from 'zod';
import type { ProviderEvent } from '../../biz/provider.js';

const KINDS: Record<string, ProviderEvent['kind']> = {
  'payment.authorized': 'authorized',
  'payment.requires_action': 'requires_action',
  'payment.failed': 'failed',
  'payment.canceled': 'canceled',
  'payment.captured': 'captured',
  'payment.refunded': 'refunded',
};

const amount = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const eventSchema = z.object({
  id: z.string().min(1).max(255),
  type: z.string().min(1).max(100),
  data: z.object({
    reference: z.string().min(1).max(255),
    payment_id: z.string().max(100).default(''),
    captured_minor: amount.default(0),
    refunded_minor: amount.default(0),
    failure_code: z.string().max(100).default(''),
    next_action_url: z.string().max(2000).default(''),
  }),
});

export function parseTestProviderEvent(rawBody: Buffer): ProviderEvent {
  let json: unknown;
  try {
    json = JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new ValidationError([{ field: 'body', message: 'malformed JSON' }]);
  }
  const parsed = eventSchema.safeParse(json);
  if (!parsed.success) throw new ValidationError(parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || 'body', message: issue.message })));
  const { id, type, data } = parsed.data;
  return {
    eventId: id,
    type,
    kind: KINDS[type] ?? 'ignored',
    providerReference: data.reference,
    ...(data.payment_id ? { paymentId: data.payment_id } : {}),
    capturedTotalMinor: data.captured_minor,
    refundedTotalMinor: data.refunded_minor,
    ...(data.failure_code ? { failureCode: data.failure_code } : {}),
    ...(data.next_action_url ? { nextActionUrl: data.next_action_url } : {}),
  };
}
