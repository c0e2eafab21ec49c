// POST /api/v1/payments/webhooks/:provider on the HTTP port (the gateway passes it through unchanged; public, the
// signature authenticates): the exact raw bytes go to the provider's verification, then to the use case.
import type { RawBodyRequest } from '@ecommerce/common/http';
import { ValidationError } from '@ecommerce/common/errors';
import { ok } from '@ecommerce/common/models';
import type { CoreServersSettings } from '@ecommerce/common/lifecycle';
import type { HandleProviderWebhookUseCase } from '../biz/handle-provider-webhook.js';

/** The kit's Express app (this package does not depend on express itself). */
type HttpApp = Parameters<NonNullable<CoreServersSettings['httpRoutes']>>[0];

export const WEBHOOK_PATH = '/api/v1/payments/webhooks/:provider';

export function mountWebhookRoutes(app: HttpApp, webhooks: HandleProviderWebhookUseCase): void {
  app.post(WEBHOOK_PATH, async (req, res, next) => {
    try {
      const rawBody = (req as RawBodyRequest).rawBody;
      if (!rawBody || rawBody.length === 0) throw new ValidationError([{ field: 'body', message: 'must be a JSON event sent as application/json' }]);
      const { applied } = await webhooks.execute(String(req.params.provider), { headers: req.headers, rawBody });
      res.status(200).json(ok({ received: true, applied }));
    } catch (err) {
      next(err);
    }
  });
}
