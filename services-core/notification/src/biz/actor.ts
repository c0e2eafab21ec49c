// Who is calling, as the use cases need to know it: ownership of preferences and the staff's wider view.
import { PermissionDeniedError } from '@ecommerce/common/errors';

export interface Actor {
  id: string;
  staff: boolean;
}

/** A customer reads only their own preferences; staff read anyone's. */
export function assertMayRead(actor: Actor, customerId: string): void {
  if (!actor.staff && actor.id !== customerId) throw new PermissionDeniedError('you may read only your own preferences');
}

/** Preferences are the customer's own choice: nobody changes another's, staff included. */
export function assertMayChange(actor: Actor, customerId: string): void {
  if (actor.id !== customerId) throw new PermissionDeniedError('you may change only your own preferences');
}
