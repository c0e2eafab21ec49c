// Domain -> proto: the payment with its transactions as the API shows it.
import type * as pb from '@ecommerce/proto/payment/v1/payment';
import type { PaymentWithTransactions } from '../biz/get-payments.js';

export function toProtoPayment({ payment, transactions }: PaymentWithTransactions): pb.Payment {
  return {
    id: payment.id,
    orderId: payment.orderId,
    status: payment.status,
    amountMinor: payment.amountMinor,
    authorizedMinor: payment.authorizedMinor,
    capturedMinor: payment.capturedMinor,
    refundedMinor: payment.refundedMinor,
    currency: payment.currency,
    failureCode: payment.failureCode,
    nextActionUrl: payment.nextActionUrl,
    customerId: payment.customerId,
    provider: payment.provider,
    providerReference: payment.providerReference ?? '',
    createTime: payment.createdAt,
    updateTime: payment.updatedAt,
    transactions: transactions.map((t) => ({
      id: t.id,
      kind: t.kind,
      amountMinor: t.amountMinor,
      outcome: t.outcome,
      providerReference: t.providerReference,
      failureCode: t.failureCode,
      source: t.source,
      createTime: t.createdAt,
    })),
  };
}
