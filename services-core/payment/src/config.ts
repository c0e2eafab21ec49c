// The payment service's environment, validated at start-up (one line naming a bad variable).
import { z } from 'zod';
import { baseEnv, booleanFlag, port } from '@ecommerce/common/config';
import { eventsEnv } from '@ecommerce/common/events';

export const paymentEnv = baseEnv.extend(eventsEnv.shape).extend({
  HTTP_PORT: port(8005),
  GRPC_PORT: port(9005),
  GRPC_HOST: z.string().default('0.0.0.0'),
  /** How long in-flight calls may finish after SIGTERM. */
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  /** The provider of an AuthorizePayment that names none. */
  PAYMENT_DEFAULT_PROVIDER: z.enum(['test', 'stripe']).default('test'),
  /** How long a provider call may take before the service stops waiting (the payment then fails with provider_timeout). */
  PAYMENT_PROVIDER_TIMEOUT_MS: z.coerce.number().int().min(50).max(120_000).default(10_000),
  /** How far a webhook's signed timestamp may be from now. */
  PAYMENT_WEBHOOK_TOLERANCE_SECONDS: z.coerce.number().int().min(1).max(3_600).default(300),
  /** The built-in test provider (never a real bank); turn it off in production. */
  TEST_PROVIDER_ENABLED: booleanFlag(true),
  /** Signs the test provider's webhooks; a development value by default, as the provider itself is for tests. */
  TEST_PROVIDER_WEBHOOK_SECRET: z.string().min(16).default('tp_whsec_development_only'),
  /** Where the test provider POSTs its webhooks; default this service's own webhook route. */
  TEST_PROVIDER_WEBHOOK_URL: z.string().url().optional(),
  /** immediate | manual (queued until released, for tests) | off */
  TEST_PROVIDER_WEBHOOKS: z.enum(['immediate', 'manual', 'off']).default('immediate'),
  /** The Stripe adapter is enabled when a secret key is set. */
  STRIPE_SECRET_KEY: z.string().min(1).optional(),
  STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
  /** Another Stripe API base, e.g. stripe-mock at http://127.0.0.1:12111. */
  STRIPE_API_URL: z.string().url().optional(),
});

export type PaymentConfig = z.infer<typeof paymentEnv>;
