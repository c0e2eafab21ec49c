// The providers the configuration enables: the test provider (unless turned off) and Stripe (when a key is set).
import type { Logger } from '@ecommerce/common/logger';
import type { PaymentConfig } from '../config.js';
import { PaymentProviderRegistry } from './payment-provider-registry.js';
import { StripePaymentProvider } from './stripe/stripe-payment-provider.js';
import { TestPaymentProvider } from './test-provider/test-payment-provider.js';

export function createTestProvider(config: PaymentConfig, logger: Logger): TestPaymentProvider {
  return new TestPaymentProvider({
    webhookSecret: config.TEST_PROVIDER_WEBHOOK_SECRET,
    webhookMode: config.TEST_PROVIDER_WEBHOOKS,
    toleranceSeconds: config.PAYMENT_WEBHOOK_TOLERANCE_SECONDS,
    onDeliveryError: (err, event) => logger.warn({ err, eventId: event.id }, 'test provider could not deliver a webhook'),
  });
}

export function createProviderRegistry(config: PaymentConfig, testProvider: TestPaymentProvider | undefined): PaymentProviderRegistry {
  const providers = [];
  if (testProvider) providers.push(testProvider);
  if (config.STRIPE_SECRET_KEY) {
    providers.push(
      new StripePaymentProvider({
        secretKey: config.STRIPE_SECRET_KEY,
        webhookSecret: config.STRIPE_WEBHOOK_SECRET ?? '',
        toleranceSeconds: config.PAYMENT_WEBHOOK_TOLERANCE_SECONDS,
        timeoutMs: config.PAYMENT_PROVIDER_TIMEOUT_MS,
        ...(config.STRIPE_API_URL ? { apiUrl: config.STRIPE_API_URL } : {}),
      }),
    );
  }
  return new PaymentProviderRegistry(providers, config.PAYMENT_DEFAULT_PROVIDER, config.PAYMENT_PROVIDER_TIMEOUT_MS);
}
