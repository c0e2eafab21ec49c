// The test provider's simulated 3-D Secure page, on the payment service's HTTP port beside the webhook route (not
// behind the gateway, not in the OpenAPI document): POST <next_action_url>?outcome=succeed|fail stands for the
// customer passing or failing the bank's check. Mounted only when the test provider is enabled; the outcome
// reaches the payment by webhook, as with a real provider.
import { ValidationError } from '@ecommerce/common/errors';
import type { CoreServersSettings } from '@ecommerce/common/lifecycle';
import { ok } from '@ecommerce/common/models';
import type { TestPaymentProvider } from './test-payment-provider.js';

type HttpApp = Parameters<NonNullable<CoreServersSettings['httpRoutes']>>[0];

export const TEST_ACTION_PATH = '/test-provider/3ds';

export function mountTestActionRoutes(app: HttpApp, provider: TestPaymentProvider): void {
  app.post(`${TEST_ACTION_PATH}/:reference`, (req, res, next) => {
    try {
      const outcome = req.query.outcome ?? 'succeed';
      if (outcome !== 'succeed' && outcome !== 'fail') throw new ValidationError([{ field: 'outcome', message: 'must be succeed or fail' }]);
      provider.completeAction(String(req.params.reference), outcome);
      res.json(ok({ reference: req.params.reference, outcome }));
    } catch (err) {
      next(err);
    }
  });
}
