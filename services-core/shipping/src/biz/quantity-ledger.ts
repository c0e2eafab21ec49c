// The rule that keeps quantities right: a parcel never holds more of a line than is left of it. For an outbound
// parcel "what is left" is what the order holds minus what live (not canceled) parcels already carry; for a
// return parcel it is what the shipment delivered minus what live return parcels already bring back.
import { FailedPreconditionError, ValidationError } from '@ecommerce/common/errors';
import type { ShipmentLine } from './shipment.js';

/** The lines available (ordered, or delivered) and how much of each live parcels already hold. */
export interface QuantityLedger {
  /** What this ledger is about, for messages: `order 123`, `shipment 9f...`. */
  owner: string;
  available: ShipmentLine[];
  /** Quantity already held per order line id. */
  held: Map<string, number>;
}

export function sumByLine(lines: ShipmentLine[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const line of lines) totals.set(line.orderLineId, (totals.get(line.orderLineId) ?? 0) + line.quantity);
  return totals;
}

/**
 * Throws INVALID_ARGUMENT for a line the owner does not have (or with another SKU), and FAILED_PRECONDITION
 * naming the line when the request asks for more than is left.
 */
export function assertWithinLedger(ledger: QuantityLedger, requested: ShipmentLine[]): void {
  const byId = new Map(ledger.available.map((line) => [line.orderLineId, line]));
  requested.forEach((line, i) => {
    const available = byId.get(line.orderLineId);
    if (!available) throw new ValidationError([{ field: `lines.${i}.order_line_id`, message: `is not a line of ${ledger.owner}` }]);
    if (available.sku !== line.sku) {
      throw new ValidationError([{ field: `lines.${i}.sku`, message: `line ${line.orderLineId} of ${ledger.owner} holds ${available.sku}` }]);
    }
    const left = available.quantity - (ledger.held.get(line.orderLineId) ?? 0);
    if (line.quantity > left) {
      const message = `only ${Math.max(left, 0)} of line ${line.orderLineId} (${line.sku}) of ${ledger.owner} left, ${line.quantity} asked`;
      throw new FailedPreconditionError(message, [{ field: `lines.${i}.quantity`, message }]);
    }
  });
}
