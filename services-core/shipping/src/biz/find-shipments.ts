// Reading shipments: one by id, or every parcel of an order (outbound and returns).
import { inject, injectable } from 'inversify';
import { SHIPMENT_REPOSITORY, type ShipmentRepository } from './ports.js';
import type { Shipment } from './shipment.js';

@injectable()
export class FindShipmentsUseCase {
  constructor(@inject(SHIPMENT_REPOSITORY) private readonly shipments: ShipmentRepository) {}

  get(id: string): Promise<Shipment> {
    return this.shipments.get(id);
  }

  listByOrder(orderId: string): Promise<Shipment[]> {
    return this.shipments.listByOrder(orderId);
  }
}
