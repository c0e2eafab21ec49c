// The running service sweeps by itself: its housekeeping scheduler expires a reservation whose time ran out, on the
// real clock (a 1 s interval here; the expiry rules themselves are tested with a chosen time in reservations.test).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { availableOf, createLocation, stockedSku } from './builders.js';
import { useHarness } from './harness.js';
import { expectLedgerInvariant } from './ledger-invariant.js';

const h = useHarness({ RESERVATION_SWEEP_INTERVAL_MS: '1000' });
afterEach(() => expectLedgerInvariant(h.db));

describe('the service sweeper', () => {
  it('expires a one-second reservation without being asked', async () => {
    const location = await createLocation(h);
    const sku = await stockedSku(h, [{ location, quantity: 3 }]);
    const reference = `auto-${sku}`;
    await h.call('reserve', { reference, lines: [{ sku, quantity: 3 }], ttlSeconds: 1, country: '' });
    expect(await availableOf(h, sku)).toBe(0);

    await vi.waitFor(async () => expect((await h.call('getReservation', { reference })).status).toBe('expired'), { timeout: 15_000, interval: 200 });

    expect(await availableOf(h, sku)).toBe(3);
  });
});
