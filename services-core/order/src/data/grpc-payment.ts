// Payments port over payment.v1 (internal RPCs). The idempotency key travels in the request (the payment service
// dedupes on it per provider) and in the metadata (the kit's idempotent handler).
import type { Payment, PaymentServiceClient } from '@ecommerce/proto/payment/v1/payment';
import type { AuthorizeRequest, PaymentState, Payments } from '../biz/ports.js';
import { remoteCall, type ServiceToken } from './remote-call.js';

export class GrpcPayments implements Payments {
  constructor(
    private readonly client: PaymentServiceClient,
    private readonly token: ServiceToken,
  ) {}

  async authorize(request: AuthorizeRequest, idempotencyKey: string): Promise<PaymentState> {
    return stateOf(
      await remoteCall(this.client.authorizePayment.bind(this.client), { ...request, idempotencyKey, provider: '' }, { token: this.token, idempotencyKey, deadlineMs: 20_000 }),
    );
  }

  async void(paymentId: string, idempotencyKey: string): Promise<PaymentState> {
    return stateOf(await remoteCall(this.client.voidPayment.bind(this.client), { paymentId, idempotencyKey }, { token: this.token, idempotencyKey }));
  }

  async capture(paymentId: string, amountMinor: number, idempotencyKey: string): Promise<PaymentState> {
    return stateOf(await remoteCall(this.client.capturePayment.bind(this.client), { paymentId, amountMinor, idempotencyKey }, { token: this.token, idempotencyKey }));
  }

  async refund(paymentId: string, amountMinor: number, reason: string, idempotencyKey: string): Promise<PaymentState> {
    return stateOf(await remoteCall(this.client.refundPayment.bind(this.client), { paymentId, amountMinor, idempotencyKey, reason }, { token: this.token, idempotencyKey }));
  }

  async listForOrder(orderId: string): Promise<PaymentState[]> {
    const answer = await remoteCall(this.client.listPayments.bind(this.client), { orderId }, { token: this.token });
    return answer.payments.map(stateOf);
  }
}

function stateOf(payment: Payment): PaymentState {
  return {
    id: payment.id,
    status: payment.status,
    authorizedMinor: Number(payment.authorizedMinor),
    capturedMinor: Number(payment.capturedMinor),
    refundedMinor: Number(payment.refundedMinor),
    failureCode: payment.failureCode,
  };
}
