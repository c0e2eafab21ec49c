// Rows of shipments, their lines and status history, and their mapping to the domain type.
import type { Address, Shipment, ShipmentDirection, ShipmentLine, ShipmentStatus, TrackingEntry } from '../biz/shipment.js';

export interface ShipmentRow {
  id: string;
  order_id: string;
  direction: ShipmentDirection;
  return_of: string | null;
  status: ShipmentStatus;
  option_id: string | null;
  destination: Address;
  // bigint arrives as a string from pg.
  weight_grams: string;
  reason: string;
  reference: string | null;
  carrier: string;
  tracking_number: string | null;
  label_url: string | null;
  label_created_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface LineRow {
  shipment_id: string;
  order_line_id: string;
  sku: string;
  quantity: number;
}

export interface HistoryRow {
  shipment_id: string;
  status: ShipmentStatus;
  occurred_at: Date;
  description: string;
}

export function toLine(row: Pick<LineRow, 'order_line_id' | 'sku' | 'quantity'>): ShipmentLine {
  return { orderLineId: row.order_line_id, sku: row.sku, quantity: row.quantity };
}

export function toShipment(row: ShipmentRow, lines: LineRow[], history: HistoryRow[]): Shipment {
  return {
    id: row.id,
    orderId: row.order_id,
    direction: row.direction,
    returnOf: row.return_of ?? undefined,
    status: row.status,
    optionId: row.option_id ?? undefined,
    destination: row.destination,
    lines: lines.filter((l) => l.shipment_id === row.id).map(toLine),
    weightGrams: Number(row.weight_grams),
    reason: row.reason,
    reference: row.reference ?? undefined,
    carrier: row.carrier,
    trackingNumber: row.tracking_number ?? undefined,
    labelUrl: row.label_url ?? undefined,
    labelCreatedAt: row.label_created_at ?? undefined,
    history: history
      .filter((h) => h.shipment_id === row.id)
      .map((h): TrackingEntry => ({ status: h.status, occurredAt: h.occurred_at, description: h.description })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
