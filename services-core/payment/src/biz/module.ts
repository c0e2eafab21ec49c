// The use cases; they depend only on the ports bound by the data and providers modules.
import { ContainerModule } from 'inversify';
import { AuthorizePaymentUseCase } from './authorize-payment.js';
import { CapturePaymentUseCase } from './capture-payment.js';
import { GetPaymentsUseCase } from './get-payments.js';
import { HandleProviderWebhookUseCase } from './handle-provider-webhook.js';
import { ProviderOperationRunner } from './provider-operation.js';
import { RefundPaymentUseCase } from './refund-payment.js';
import { VoidPaymentUseCase } from './void-payment.js';

export const bizModule = new ContainerModule(({ bind }) => {
  bind(AuthorizePaymentUseCase).toSelf().inSingletonScope();
  bind(ProviderOperationRunner).toSelf().inSingletonScope();
  bind(CapturePaymentUseCase).toSelf().inSingletonScope();
  bind(VoidPaymentUseCase).toSelf().inSingletonScope();
  bind(RefundPaymentUseCase).toSelf().inSingletonScope();
  bind(GetPaymentsUseCase).toSelf().inSingletonScope();
  bind(HandleProviderWebhookUseCase).toSelf().inSingletonScope();
});
