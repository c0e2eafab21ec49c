// The staff calls the redemption tests make, against the harness the file's beforeAll starts (hence the getter).
import { randomUUID } from 'node:crypto';
import { unaryCall, type Harness } from './harness.js';

export function redemptionCalls(harness: () => Harness) {
  const staff = () => ({ token: harness().tokens.staff });
  const client = () => harness().client;
  return {
    staff,
    credit: (customerId: string, points: number) => unaryCall(client().adjustPoints.bind(client()), { customerId, points, reason: 'test credit' }, staff()),
    debit: (customerId: string, points: number) => unaryCall(client().adjustPoints.bind(client()), { customerId, points: -points, reason: 'test debit' }, staff()),
    reserve: (customerId: string, points: number, reference: string = randomUUID(), currency = 'EUR') =>
      unaryCall(client().reserveRedemption.bind(client()), { reference, customerId, points, currency }, staff()),
    commit: (reference: string) => unaryCall(client().commitRedemption.bind(client()), { reference }, staff()),
    release: (reference: string) => unaryCall(client().releaseRedemption.bind(client()), { reference }, staff()),
    balanceOf: async (customerId: string) => (await unaryCall(client().getAccount.bind(client()), { customerId }, staff())).account!.balance,
  };
}
