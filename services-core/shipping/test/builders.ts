// Test data builders and calls through the real gRPC client: unique values per call so tests never collide.
import { randomUUID } from 'node:crypto';
import { unaryCall } from '@ecommerce/common/grpc';
import type * as pb from '@ecommerce/proto/shipping/v1/shipping';
import type { Harness } from './harness.js';

export function anAddress(overrides: Partial<pb.Address> = {}): pb.Address {
  return { country: 'FR', province: '', postcode: '75001', city: 'Paris', line1: '1 rue de Rivoli', name: 'Ada', ...overrides };
}

export function anOrderId(): string {
  return `order-${randomUUID()}`;
}

/** Every RPC as a function taking the request and, by default, the staff token. */
export function calls(h: Harness) {
  const c = h.client;
  const staff = (token?: string) => ({ token: token ?? h.tokens.staff });
  return {
    quoteRates: (r: Partial<pb.QuoteRatesRequest>, token?: string) =>
      unaryCall(c.quoteRates.bind(c), { destination: anAddress(), weightGrams: 500, subtotalMinor: 1000, currency: 'EUR', ...r }, token ? { token } : {}),
    createZone: (r: Partial<pb.CreateZoneRequest>, token?: string) =>
      unaryCall(c.createZone.bind(c), { name: `Zone ${randomUUID().slice(0, 6)}`, countries: ['FR'], provinces: [], postcodePatterns: [], ...r }, staff(token)),
    updateZone: (r: Partial<pb.UpdateZoneRequest> & { id: string }, token?: string) =>
      unaryCall(c.updateZone.bind(c), { replaceCountries: false, countries: [], replaceProvinces: false, provinces: [], replacePostcodePatterns: false, postcodePatterns: [], ...r }, staff(token)),
    listZones: (token?: string) => unaryCall(c.listZones.bind(c), {}, staff(token)),
    createOption: (r: Partial<pb.CreateOptionRequest> & { zoneId: string }, token?: string) =>
      unaryCall(
        c.createOption.bind(c),
        { name: 'Standard', kind: 'flat', currency: 'EUR', amountMinor: 590, weightTiers: [], freeOverMinor: 0, minDays: 2, maxDays: 4, ...r },
        staff(token),
      ),
    updateOption: (r: Partial<pb.UpdateOptionRequest> & { id: string }, token?: string) =>
      unaryCall(c.updateOption.bind(c), { replaceWeightTiers: false, weightTiers: [], ...r }, staff(token)),
    createShipment: (r: Partial<pb.CreateShipmentRequest> & { orderId: string }, token?: string) =>
      unaryCall(c.createShipment.bind(c), { lines: [], ordered: [], destination: anAddress(), optionId: '', weightGrams: 500, reference: '', ...r }, staff(token)),
    getShipment: (id: string, token?: string) => unaryCall(c.getShipment.bind(c), { id }, staff(token)),
    listShipments: (orderId: string) => unaryCall(c.listShipments.bind(c), { orderId }, staff()),
    createLabel: (id: string) => unaryCall(c.createLabel.bind(c), { id }, staff()),
    markShipped: (id: string) => unaryCall(c.markShipped.bind(c), { id }, staff()),
    cancelShipment: (id: string, reason = '') => unaryCall(c.cancelShipment.bind(c), { id, reason }, staff()),
    advanceTracking: () => unaryCall(c.advanceTracking.bind(c), {}, staff()),
    createReturn: (r: Partial<pb.CreateReturnRequest> & { shipmentId: string }) =>
      unaryCall(c.createReturn.bind(c), { lines: [], reason: 'does not fit', ...r }, staff()),
  };
}
