import { describe, expect, it } from 'vitest';
import { CircuitBreaker, CircuitOpenError } from '../src/edge/circuit-breaker.js';

const failing = () => Promise.reject(new Error('down'));
const fine = () => Promise.resolve('ok');
const anyError = ({ error }: { error?: unknown }) => error !== undefined;

function breaker() {
  const clock = { now: 0 };
  const changes: string[] = [];
  return { clock, changes, breaker: new CircuitBreaker('catalog', { failureThreshold: 2, openMs: 1_000 }, () => clock.now, (_u, state) => changes.push(state)) };
}

describe('circuit breaker', () => {
  it('opens after consecutive failures and fails fast without calling the upstream', async () => {
    const { breaker: b } = breaker();
    await expect(b.run(failing, anyError)).rejects.toThrow('down');
    await expect(b.run(failing, anyError)).rejects.toThrow('down');
    let called = false;
    await expect(b.run(() => ((called = true), fine()), anyError)).rejects.toBeInstanceOf(CircuitOpenError);
    expect(called).toBe(false);
    expect(b.state).toBe('open');
  });

  it('does not count outcomes the caller calls healthy, and a success resets the count', async () => {
    const { breaker: b } = breaker();
    await expect(b.run(failing, anyError)).rejects.toThrow();
    await b.run(fine, anyError);
    await expect(b.run(failing, anyError)).rejects.toThrow();
    await expect(b.run(failing, () => false)).rejects.toThrow('down');
    expect(b.state).toBe('closed');
  });

  it('lets one probe through after the open period; others still fail fast while it runs', async () => {
    const { clock, breaker: b } = breaker();
    for (let i = 0; i < 2; i++) await expect(b.run(failing, anyError)).rejects.toThrow();
    clock.now = 1_000;
    let finishProbe: (v: string) => void = () => {};
    const probe = b.run(() => new Promise<string>((r) => (finishProbe = r)), anyError);
    expect(b.state).toBe('half-open');
    await expect(b.run(fine, anyError)).rejects.toBeInstanceOf(CircuitOpenError);
    finishProbe('ok');
    await expect(probe).resolves.toBe('ok');
    expect(b.state).toBe('closed');
  });

  it('opens again for a full period when the probe fails, reporting each change of state once', async () => {
    const { clock, changes, breaker: b } = breaker();
    for (let i = 0; i < 2; i++) await expect(b.run(failing, anyError)).rejects.toThrow();
    clock.now = 1_500;
    await expect(b.run(failing, anyError)).rejects.toThrow('down');
    expect(b.state).toBe('open');
    clock.now = 2_400;
    await expect(b.run(fine, anyError)).rejects.toMatchObject({ retryAfterSeconds: 1 });
    clock.now = 2_500;
    await expect(b.run(fine, anyError)).resolves.toBe('ok');
    expect(changes).toEqual(['open', 'half-open', 'open', 'half-open', 'closed']);
  });
});
