// What the use cases need: storage behind interfaces, the carrier, the clock, and the unit of work in which a
// use case's writes and the events it decides commit together. data/ implements the storage; tests may bind others.
import type { EmittableBy, EventRecorder, Transaction, UnitOfWork } from '@ecommerce/common/events';
import type { EventCatalog } from '@ecommerce/proto/event-catalog';
import type { NewShipment, Shipment, ShipmentLine, ShipmentStatus } from './shipment.js';
import type { NewOption, NewZone, OptionChanges, ShippingOption, Zone, ZoneChanges } from './zone.js';

export interface Clock {
  now(): Date;
}

export interface ZoneRepository {
  create(tx: Transaction, zone: NewZone): Promise<Zone>;
  /** Throws NotFoundError. */
  update(tx: Transaction, id: string, changes: ZoneChanges): Promise<Zone>;
  /** Throws NotFoundError. */
  get(id: string, tx?: Transaction): Promise<Zone>;
  /** Every zone with every option, oldest first. */
  list(): Promise<Zone[]>;
  /** Active zones listing the country, with their options: the candidates for a quote. */
  listActiveForCountry(country: string): Promise<Zone[]>;
  createOption(tx: Transaction, option: NewOption): Promise<ShippingOption>;
  /** Throws NotFoundError. With `lock` the row stays locked (FOR UPDATE) until the transaction ends. */
  getOption(id: string, tx?: Transaction, options?: { lock: boolean }): Promise<ShippingOption>;
  updateOption(tx: Transaction, id: string, changes: OptionChanges): Promise<ShippingOption>;
}

export interface ShipmentRepository {
  /**
   * Locks the order's row (creating it the first time) until the transaction ends: every change to the order's
   * quantities happens under this lock, one after the other.
   */
  lockOrder(tx: Transaction, orderId: string): Promise<void>;
  /** What the order holds per line (empty before its first shipment). */
  orderedLines(tx: Transaction, orderId: string): Promise<ShipmentLine[]>;
  /** Records the lines not recorded yet; recorded ones keep their quantity. */
  recordOrderedLines(tx: Transaction, orderId: string, lines: ShipmentLine[]): Promise<void>;
  /** Quantity per order line carried by the order's outbound parcels that are not canceled. */
  heldByLiveOutbound(tx: Transaction, orderId: string): Promise<Map<string, number>>;
  /** Quantity per order line brought back by the shipment's return parcels that are not canceled. */
  heldByLiveReturns(tx: Transaction, shipmentId: string): Promise<Map<string, number>>;
  /** Quantity per order line received back: return parcels that reached the warehouse. */
  receivedReturns(tx: Transaction, shipmentId: string): Promise<Map<string, number>>;
  findByReference(tx: Transaction, reference: string): Promise<Shipment | undefined>;
  create(tx: Transaction, shipment: NewShipment, at: Date): Promise<Shipment>;
  /** Throws NotFoundError. With a transaction the row stays locked (FOR UPDATE) until it ends. */
  get(id: string, tx?: Transaction): Promise<Shipment>;
  listByOrder(orderId: string): Promise<Shipment[]>;
  /** Ids of parcels a carrier still moves (label_created, shipped, in_transit), oldest label first. */
  listTracked(limit: number): Promise<string[]>;
  setLabel(tx: Transaction, id: string, label: { carrier: string; trackingNumber: string; labelUrl: string; at: Date }): Promise<void>;
  /** Sets the status and appends it to the history. */
  setStatus(tx: Transaction, id: string, status: ShipmentStatus, at: Date, description: string): Promise<void>;
}

/** The service may emit its own event types only (`shipping.*`). */
export type ShippingEventType = EmittableBy<EventCatalog, 'shipping'>;
export type ShippingUnitOfWork = UnitOfWork<EventCatalog, ShippingEventType>;
export type ShippingEvents = EventRecorder<EventCatalog, ShippingEventType>;

export const ZONE_REPOSITORY = Symbol.for('shipping.ZoneRepository');
export const SHIPMENT_REPOSITORY = Symbol.for('shipping.ShipmentRepository');
export const UNIT_OF_WORK = Symbol.for('shipping.UnitOfWork');
export const CARRIER = Symbol.for('shipping.Carrier');
export const CLOCK = Symbol.for('shipping.Clock');
