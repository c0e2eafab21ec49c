// Which locations a reservation takes a SKU from. The strategy, documented in the README:
//   1. only active locations are candidates;
//   2. they are tried by priority (lower first), then those in the customer's country before the others,
//      then by code (so the choice is deterministic);
//   3. each location gives what it has available (on hand - reserved) until the quantity is covered, so a
//      reservation splits over locations only when the first cannot cover it alone;
//   4. what is still missing is a backorder when the SKU allows it: it goes on the first candidate (same order)
//      where the SKU is stocked (has a level), else on the first candidate at all; otherwise the whole
//      reservation fails.
import { availableAt, type StockLevel } from './stock.js';

export interface PlannedAllocation {
  sku: string;
  locationId: string;
  locationCode: string;
  quantity: number;
}

export type AllocationResult =
  | { ok: true; allocations: PlannedAllocation[] }
  | { ok: false; available: number };

export type Candidate = Pick<StockLevel, 'locationId' | 'locationCode' | 'locationCountry' | 'locationPriority' | 'onHand' | 'reserved'> & {
  /** false for an active location that never had this SKU (a backorder lands there only as a last resort). */
  stocked: boolean;
};

export function allocationOrder<C extends Candidate>(candidates: readonly C[], country: string): C[] {
  const local = (c: C) => (country !== '' && c.locationCountry === country ? 0 : 1);
  return [...candidates].sort(
    (a, b) =>
      a.locationPriority - b.locationPriority ||
      local(a) - local(b) ||
      (a.locationCode < b.locationCode ? -1 : a.locationCode > b.locationCode ? 1 : 0),
  );
}

/** `candidates`: the SKU's levels at active locations (a location without a level row counts with zero). */
export function allocate(sku: string, quantity: number, candidates: readonly Candidate[], country: string, backorderAllowed: boolean): AllocationResult {
  const ordered = allocationOrder(candidates, country);
  const allocations: PlannedAllocation[] = [];
  let missing = quantity;
  for (const level of ordered) {
    if (missing === 0) break;
    const take = Math.min(missing, Math.max(0, availableAt(level)));
    if (take === 0) continue;
    allocations.push({ sku, locationId: level.locationId, locationCode: level.locationCode, quantity: take });
    missing -= take;
  }
  if (missing === 0) return { ok: true, allocations };
  const first = ordered.find((c) => c.stocked) ?? ordered[0];
  if (backorderAllowed && first) {
    const onFirst = allocations.find((a) => a.locationId === first.locationId);
    if (onFirst) onFirst.quantity += missing;
    else allocations.unshift({ sku, locationId: first.locationId, locationCode: first.locationCode, quantity: missing });
    return { ok: true, allocations };
  }
  return { ok: false, available: ordered.reduce((sum, level) => sum + Math.max(0, availableAt(level)), 0) };
}
