// biz objects <-> ts-proto messages; the only place that knows both.
import type * as pb from '@ecommerce/proto/warehouse/v1/warehouse';
import type { Location } from '../biz/location.js';
import type { Reservation } from '../biz/reservation.js';
import type { SkuAvailability } from '../biz/stock-queries.js';
import { availableAt, type Movement, type StockItem, type StockLevel } from '../biz/stock.js';

export function locationToProto(l: Location): pb.Location {
  return { id: l.id, code: l.code, name: l.name, address: l.address, country: l.country, priority: l.priority, active: l.active, createTime: l.createdAt, updateTime: l.updatedAt };
}

export function stockItemToProto(i: StockItem): pb.StockItem {
  return { sku: i.sku, tracked: i.tracked, backorderAllowed: i.backorderAllowed, lowStockThreshold: i.lowStockThreshold, productId: i.productId };
}

export function levelToProto(l: StockLevel): pb.StockLevel {
  return { locationId: l.locationId, locationCode: l.locationCode, onHand: l.onHand, reserved: l.reserved, incoming: l.incoming, available: availableAt(l) };
}

export function movementToProto(m: Movement): pb.Movement {
  return {
    id: m.id,
    sku: m.sku,
    locationId: m.locationId,
    kind: m.kind,
    onHandDelta: m.onHandDelta,
    reservedDelta: m.reservedDelta,
    reason: m.reason,
    actor: m.actor,
    reference: m.reference,
    createTime: m.createdAt,
  };
}

export function reservationToProto(r: Reservation): pb.Reservation {
  return {
    reference: r.reference,
    status: r.status,
    // An unknown reference released by a compensating saga has no time.
    expireTime: r.expiresAt.getTime() === 0 ? undefined : r.expiresAt,
    allocations: r.allocations.map((a) => ({
      sku: a.sku,
      locationId: a.locationId ?? '',
      locationCode: a.locationCode,
      quantity: a.quantity,
      committed: a.committed,
      released: a.released,
    })),
  };
}

export function availabilityToProto(a: SkuAvailability): pb.SkuAvailability {
  return { sku: a.sku, available: a.available, inStock: a.inStock, backorderAllowed: a.backorderAllowed, tracked: a.tracked };
}
