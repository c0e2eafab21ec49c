// Shared test data through the real API: a location, a stock item with stock received at locations.
import { randomUUID } from 'node:crypto';
import type { Location } from '@ecommerce/proto/warehouse/v1/warehouse';
import type { Harness } from './harness.js';

let next = 0;
/** A SKU no other test of the file uses. */
export const uniqueSku = (prefix = 'SKU') => `${prefix}-${process.pid}-${(next += 1)}-${randomUUID().slice(0, 6)}`;

export async function createLocation(h: Harness, overrides: Partial<{ code: string; country: string; priority: number; active: boolean }> = {}): Promise<Location> {
  const code = overrides.code ?? `LOC-${randomUUID().slice(0, 8).toUpperCase()}`;
  const { location } = await h.call('createLocation', {
    code,
    name: `Location ${code}`,
    address: '1 Dock Road',
    country: overrides.country ?? 'DE',
    priority: overrides.priority ?? 10,
    active: overrides.active ?? true,
  });
  return location!;
}

/** A tracked SKU (unless told otherwise) with `stock` received at each given location. */
export async function stockedSku(
  h: Harness,
  stock: Array<{ location: Location; quantity: number }>,
  settings: Partial<{ tracked: boolean; backorderAllowed: boolean; lowStockThreshold: number }> = {},
): Promise<string> {
  const sku = uniqueSku();
  await h.call('setStockItem', { sku, tracked: settings.tracked ?? true, backorderAllowed: settings.backorderAllowed ?? false, lowStockThreshold: settings.lowStockThreshold ?? 0 });
  for (const { location, quantity } of stock) {
    if (quantity > 0) await h.call('receiveStock', { locationId: location.id, lines: [{ sku, quantity }], reference: 'PO-1' });
  }
  return sku;
}

export async function availableOf(h: Harness, sku: string): Promise<number> {
  const { items } = await h.call('getAvailability', { skus: [sku] }, null);
  return items[0]!.available;
}

/** The SKU's level at one location. */
export async function levelAt(h: Harness, sku: string, location: Location): Promise<{ onHand: number; reserved: number; available: number; incoming: number }> {
  const { levels } = await h.call('getStockItem', { sku });
  const level = levels.find((l) => l.locationId === location.id);
  return level ?? { onHand: 0, reserved: 0, available: 0, incoming: 0 };
}
