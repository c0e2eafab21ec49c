// A failed login must take as long for an unknown email as for a known one, or its timing tells which addresses have accounts.
import { describe, expect, it } from 'vitest';
import { anEmail, registeredCustomer, useAuthHarness } from './auth-harness.js';

// No lockout during the test: a locked account skips recording the failure, which would change what is measured.
const h = useAuthHarness({ LOCKOUT_THRESHOLD: '10000' });

const ROUNDS = 9;
/** Each median must be at least this share of the other: argon2 costs tens of ms, a bare miss about one. */
const MIN_SHARE = 0.5;

async function failedLoginMs(email: string): Promise<number> {
  const started = performance.now();
  const res = await h.api.post('/auth/login', { email, password: 'not the password' });
  const elapsed = performance.now() - started;
  expect(res.status).toBe(401);
  return elapsed;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

describe('login timing', () => {
  it('spends as long refusing an unknown email as refusing a wrong password for a known one', async () => {
    const { email } = await registeredCustomer(h);
    // Warm both paths: the first unknown email also builds the dummy hash it verifies against.
    await failedLoginMs(email);
    await failedLoginMs(anEmail());

    const known: number[] = [];
    const unknown: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Interleaved, alternating which goes first, so load from elsewhere falls on both sides alike.
      if (round % 2 === 0) {
        known.push(await failedLoginMs(email));
        unknown.push(await failedLoginMs(anEmail()));
      } else {
        unknown.push(await failedLoginMs(anEmail()));
        known.push(await failedLoginMs(email));
      }
    }

    const [knownMs, unknownMs] = [median(known), median(unknown)];
    const summary = `median known ${knownMs.toFixed(1)} ms, unknown ${unknownMs.toFixed(1)} ms`;
    expect(unknownMs, summary).toBeGreaterThanOrEqual(MIN_SHARE * knownMs);
    expect(knownMs, summary).toBeGreaterThanOrEqual(MIN_SHARE * unknownMs);
  });
});
