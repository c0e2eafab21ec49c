import { describe, expect, it } from 'vitest';
import { compensationKey, defineSaga, stepKey } from './saga-definition.js';

const noop = { invoke: async () => undefined };

describe('defineSaga', () => {
  it('refuses a saga without steps, a repeated step, or a step name holding the key separator', () => {
    expect(() => defineSaga({ name: 'empty', steps: [] })).toThrow(/has no steps/);
    expect(() => defineSaga({ name: 'dup', steps: [{ name: 'a', ...noop }, { name: 'a', ...noop }] })).toThrow(/step a appears twice/);
    expect(() => defineSaga({ name: 'sep', steps: [{ name: 'a:b', ...noop }] })).toThrow(/step name "a:b"/);
  });

  it('derives the invoke key <saga id>:<step> and a distinct compensation key', () => {
    expect(stepKey('order-1', 'reserve-stock')).toBe('order-1:reserve-stock');
    expect(compensationKey('order-1', 'reserve-stock')).toBe('order-1:reserve-stock:compensate');
  });
});
