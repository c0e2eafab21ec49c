// An RMA: a return parcel bringing back some units of a delivered outbound shipment. Under the shipment's lock,
// live return parcels never bring back more of a line than the shipment delivered. The parcel then goes through
// the same lifecycle (label, carrier scans); its arrival at the warehouse credits the shipment (see transitions).
import { inject, injectable } from 'inversify';
import { FailedPreconditionError } from '@ecommerce/common/errors';
import { CLOCK, SHIPMENT_REPOSITORY, UNIT_OF_WORK, type Clock, type ShipmentRepository, type ShippingUnitOfWork } from './ports.js';
import { assertWithinLedger } from './quantity-ledger.js';
import type { Shipment, ShipmentLine } from './shipment.js';

/** Where return parcels go: the service knows no warehouse addresses, so the label names the returns desk. */
const RETURNS_DESK = { country: '', province: '', postcode: '', city: '', line1: '', name: 'returns desk' };

@injectable()
export class CreateReturnUseCase {
  constructor(
    @inject(SHIPMENT_REPOSITORY) private readonly shipments: ShipmentRepository,
    @inject(UNIT_OF_WORK) private readonly uow: ShippingUnitOfWork,
    @inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(input: { shipmentId: string; lines: ShipmentLine[]; reason: string }): Promise<Shipment> {
    return this.uow.run(async (tx) => {
      const original = await this.shipments.get(input.shipmentId, tx);
      if (original.direction !== 'outbound') throw new FailedPreconditionError(`shipment ${original.id} is a return parcel itself`);
      if (original.status !== 'delivered') throw new FailedPreconditionError(`shipment ${original.id} is ${original.status}; only a delivered shipment can be returned`);
      const held = await this.shipments.heldByLiveReturns(tx, original.id);
      assertWithinLedger({ owner: `shipment ${original.id}`, available: original.lines, held }, input.lines);
      return this.shipments.create(
        tx,
        {
          orderId: original.orderId,
          direction: 'return',
          returnOf: original.id,
          optionId: undefined,
          destination: RETURNS_DESK,
          lines: input.lines,
          weightGrams: 0,
          reason: input.reason,
          reference: undefined,
        },
        this.clock.now(),
      );
    });
  }
}
