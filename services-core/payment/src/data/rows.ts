// Rows of the payment tables and their mapping to the domain types (bigint columns arrive as strings).
import type { Payment, PaymentStatus } from '../biz/payment.js';
import type { PaymentTransaction, TransactionKind, TransactionOutcome } from '../biz/transaction.js';

export interface PaymentRow {
  id: string;
  order_id: string;
  customer_id: string;
  provider: string;
  idempotency_key: string;
  request_hash: string;
  status: PaymentStatus;
  currency: string;
  amount_minor: string;
  authorized_minor: string;
  captured_minor: string;
  refunded_minor: string;
  provider_reference: string | null;
  failure_code: string;
  next_action_url: string;
  created_at: Date;
  updated_at: Date;
}

export interface TransactionRow {
  id: string;
  payment_id: string;
  provider: string;
  kind: TransactionKind;
  amount_minor: string;
  outcome: TransactionOutcome;
  source: 'api' | 'webhook';
  idempotency_key: string | null;
  request_hash: string | null;
  provider_reference: string;
  failure_code: string;
  reason: string;
  created_at: Date;
}

export function toPayment(row: PaymentRow): Payment {
  return {
    id: row.id,
    orderId: row.order_id,
    customerId: row.customer_id,
    provider: row.provider,
    idempotencyKey: row.idempotency_key,
    requestHash: row.request_hash,
    status: row.status,
    currency: row.currency,
    amountMinor: Number(row.amount_minor),
    authorizedMinor: Number(row.authorized_minor),
    capturedMinor: Number(row.captured_minor),
    refundedMinor: Number(row.refunded_minor),
    providerReference: row.provider_reference,
    failureCode: row.failure_code,
    nextActionUrl: row.next_action_url,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toTransaction(row: TransactionRow): PaymentTransaction {
  return {
    id: row.id,
    paymentId: row.payment_id,
    provider: row.provider,
    kind: row.kind,
    amountMinor: Number(row.amount_minor),
    outcome: row.outcome,
    source: row.source,
    idempotencyKey: row.idempotency_key,
    requestHash: row.request_hash,
    providerReference: row.provider_reference,
    failureCode: row.failure_code,
    reason: row.reason,
    createdAt: row.created_at,
  };
}
