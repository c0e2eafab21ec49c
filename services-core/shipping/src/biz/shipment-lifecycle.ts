// Staff moving a parcel by hand: getting its label from the carrier, handing it over, canceling it. Each runs
// with the shipment's row locked, so a concurrent tracking poll or second click sees the new status.
import { inject, injectable } from 'inversify';
import { CARRIER, CLOCK, SHIPMENT_REPOSITORY, UNIT_OF_WORK, type Clock, type ShipmentRepository, type ShippingUnitOfWork } from './ports.js';
import type { Carrier } from './carrier.js';
import { assertTransition, type Shipment } from './shipment.js';
import { ShipmentTransitions } from './shipment-transitions.js';

@injectable()
export class ShipmentLifecycleUseCase {
  constructor(
    @inject(SHIPMENT_REPOSITORY) private readonly shipments: ShipmentRepository,
    @inject(UNIT_OF_WORK) private readonly uow: ShippingUnitOfWork,
    @inject(CARRIER) private readonly carrier: Carrier,
    @inject(CLOCK) private readonly clock: Clock,
    @inject(ShipmentTransitions) private readonly transitions: ShipmentTransitions,
  ) {}

  /**
   * pending -> label_created. The carrier is asked inside the transaction: its labels are idempotent per
   * shipment id, so a rollback after the call only leaves a label that the retry gets again.
   */
  createLabel(id: string): Promise<Shipment> {
    return this.uow.run(async (tx, events) => {
      const shipment = await this.shipments.get(id, tx);
      assertTransition(shipment, 'label_created');
      const label = await this.carrier.createLabel({ shipmentId: id, direction: shipment.direction, destination: shipment.destination, weightGrams: shipment.weightGrams });
      const at = this.clock.now();
      await this.shipments.setLabel(tx, id, { carrier: this.carrier.name, ...label, at });
      const labelled = { ...shipment, carrier: this.carrier.name, trackingNumber: label.trackingNumber, labelUrl: label.labelUrl, labelCreatedAt: at };
      await this.transitions.apply(tx, events, labelled, 'label_created', at, `label ${label.trackingNumber} from ${this.carrier.name}`);
      return this.shipments.get(id, tx);
    });
  }

  /** label_created -> shipped: handed over at the counter before the carrier's own pick-up scan. */
  markShipped(id: string): Promise<Shipment> {
    return this.move(id, 'shipped', 'handed to the carrier');
  }

  /** pending or label_created -> canceled; the quantities it held are free again. */
  cancel(id: string, reason: string): Promise<Shipment> {
    return this.move(id, 'canceled', reason);
  }

  private move(id: string, to: 'shipped' | 'canceled', description: string): Promise<Shipment> {
    return this.uow.run(async (tx, events) => {
      const shipment = await this.shipments.get(id, tx);
      await this.transitions.apply(tx, events, shipment, to, this.clock.now(), description);
      return this.shipments.get(id, tx);
    });
  }
}
