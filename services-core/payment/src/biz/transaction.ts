// A record of one provider call (or of a change a webhook reported): kind, amount, outcome, provider reference.
export type TransactionKind = 'authorize' | 'capture' | 'void' | 'refund';
export type TransactionOutcome = 'succeeded' | 'failed' | 'requires_action' | 'error';

export interface PaymentTransaction {
  id: string;
  paymentId: string;
  provider: string;
  kind: TransactionKind;
  amountMinor: number;
  outcome: TransactionOutcome;
  source: 'api' | 'webhook';
  idempotencyKey: string | null;
  requestHash: string | null;
  providerReference: string;
  failureCode: string;
  reason: string;
  createdAt: Date;
}

export type NewTransaction = Omit<PaymentTransaction, 'id' | 'createdAt'>;
