// Who is calling, as the use cases need to know it: ownership and the staff's wider view.
import type { Review } from './review.js';

export interface Actor {
  id: string;
  staff: boolean;
}

/** Approved reviews are public; any other is seen by its author and by staff only. */
export function canSee(actor: Actor, review: Review): boolean {
  return review.status === 'approved' || actor.staff || review.customerId === actor.id;
}
