// A parcel for some of an order's lines. Under the order's lock: the first parcel records what the order holds,
// every parcel is checked against what live parcels already carry, so concurrent parcels for the last units
// cannot both pass; a retried request with the same reference answers the parcel it created.
import { inject, injectable } from 'inversify';
import { AlreadyExistsError, ValidationError } from '@ecommerce/common/errors';
import { CLOCK, SHIPMENT_REPOSITORY, UNIT_OF_WORK, ZONE_REPOSITORY, type Clock, type ShipmentRepository, type ShippingUnitOfWork, type ZoneRepository } from './ports.js';
import { assertWithinLedger } from './quantity-ledger.js';
import type { Address, Shipment, ShipmentLine } from './shipment.js';
import { recordShipmentStatus } from './shipment-events.js';

export interface CreateShipmentInput {
  orderId: string;
  lines: ShipmentLine[];
  ordered: ShipmentLine[];
  destination: Address;
  optionId: string | undefined;
  weightGrams: number;
  reference: string | undefined;
}

@injectable()
export class CreateShipmentUseCase {
  constructor(
    @inject(SHIPMENT_REPOSITORY) private readonly shipments: ShipmentRepository,
    @inject(ZONE_REPOSITORY) private readonly zones: ZoneRepository,
    @inject(UNIT_OF_WORK) private readonly uow: ShippingUnitOfWork,
    @inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(input: CreateShipmentInput): Promise<Shipment> {
    return this.uow.run(async (tx, events) => {
      await this.shipments.lockOrder(tx, input.orderId);
      if (input.reference) {
        const earlier = await this.shipments.findByReference(tx, input.reference);
        if (earlier && earlier.orderId !== input.orderId) throw new AlreadyExistsError('the reference belongs to a shipment of another order', 'reference');
        if (earlier) return earlier;
      }
      if (input.optionId) await this.zones.getOption(input.optionId, tx);

      let ordered = await this.shipments.orderedLines(tx, input.orderId);
      if (ordered.length === 0 && input.ordered.length === 0) {
        throw new ValidationError([{ field: 'ordered', message: "the order's first shipment must say what the order holds per line" }]);
      }
      if (input.ordered.some((line) => !ordered.some((known) => known.orderLineId === line.orderLineId))) {
        await this.shipments.recordOrderedLines(tx, input.orderId, input.ordered);
        ordered = await this.shipments.orderedLines(tx, input.orderId);
      }
      const held = await this.shipments.heldByLiveOutbound(tx, input.orderId);
      assertWithinLedger({ owner: `order ${input.orderId}`, available: ordered, held }, input.lines);

      const at = this.clock.now();
      const shipment = await this.shipments.create(tx, { ...input, direction: 'outbound', returnOf: undefined, reason: '' }, at);
      recordShipmentStatus(events, shipment, 'pending', at);
      return shipment;
    });
  }
}
