// Stock port over warehouse.v1: GetAvailability (public), Reserve / ReleaseReservation / CommitReservation
// (internal, idempotent by reference = order id).
import type { WarehouseServiceClient } from '@ecommerce/proto/warehouse/v1/warehouse';
import type { SkuAvailability, Stock, StockLine } from '../biz/ports.js';
import { remoteCall, type ServiceToken } from './remote-call.js';

export class GrpcStock implements Stock {
  constructor(
    private readonly client: WarehouseServiceClient,
    private readonly token: ServiceToken,
    /** How long an order's reservation holds before the warehouse frees it; shipment or cancellation ends it sooner. */
    private readonly reservationTtlSeconds: number,
  ) {}

  async availability(skus: string[]): Promise<SkuAvailability[]> {
    const answer = await remoteCall(this.client.getAvailability.bind(this.client), { skus });
    return answer.items.map((i) => ({ sku: i.sku, available: Number(i.available), inStock: i.inStock, backorderAllowed: i.backorderAllowed, tracked: i.tracked }));
  }

  async reserve(reference: string, lines: StockLine[], country: string, idempotencyKey: string): Promise<void> {
    await remoteCall(this.client.reserve.bind(this.client), { reference, lines, ttlSeconds: this.reservationTtlSeconds, country }, { token: this.token, idempotencyKey });
  }

  async release(reference: string, idempotencyKey: string): Promise<void> {
    await remoteCall(this.client.releaseReservation.bind(this.client), { reference }, { token: this.token, idempotencyKey });
  }

  async commit(reference: string, lines: StockLine[], idempotencyKey: string): Promise<void> {
    await remoteCall(this.client.commitReservation.bind(this.client), { reference, lines }, { token: this.token, idempotencyKey });
  }

  /** Back to the locations the reservation took them from (the first allocation of each SKU). */
  async restock(reference: string, lines: StockLine[], idempotencyKey: string): Promise<void> {
    const reservation = await remoteCall(this.client.getReservation.bind(this.client), { reference }, { token: this.token });
    const byLocation = new Map<string, StockLine[]>();
    for (const line of lines) {
      const allocation = reservation.allocations.find((a) => a.sku === line.sku);
      // An untracked SKU has no location: nothing was counted, so nothing goes back.
      if (!allocation?.locationId) continue;
      byLocation.set(allocation.locationId, [...(byLocation.get(allocation.locationId) ?? []), line]);
    }
    for (const [locationId, stockLines] of [...byLocation].sort(([a], [b]) => a.localeCompare(b))) {
      await remoteCall(this.client.returnStock.bind(this.client), { locationId, lines: stockLines, reference }, { token: this.token, idempotencyKey: `${idempotencyKey}:${locationId}` });
    }
  }
}
