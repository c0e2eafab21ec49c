// Middlewares run as one layer: in order, and an error (passed or thrown) reaches Express's error handling once.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { middlewareChain } from '../../src/http/middleware-chain.js';

const req = {} as Request;
const res = {} as Response;

function run(chain: RequestHandler): unknown[] {
  const calls: unknown[] = [];
  chain(req, res, ((err?: unknown) => calls.push(err ?? 'next')) as NextFunction);
  return calls;
}

describe('middlewareChain', () => {
  it('runs every handler in order, then moves on once', () => {
    const order: number[] = [];
    const mark = (n: number): RequestHandler => (_q, _s, next) => {
      order.push(n);
      next();
    };
    expect(run(middlewareChain(mark(1), mark(2), mark(3)))).toEqual(['next']);
    expect(order).toEqual([1, 2, 3]);
  });

  it('moves on after a handler that continues later', async () => {
    let resume!: () => void;
    const later: RequestHandler = (_q, _s, next) => void (resume = () => next());
    const calls: unknown[] = [];
    middlewareChain(later)(req, res, (() => calls.push('next')) as NextFunction);
    expect(calls).toEqual([]);
    resume();
    expect(calls).toEqual(['next']);
  });

  it('passes an error given to next, skipping the rest', () => {
    const boom = new Error('refused');
    const after = { ran: false };
    const chain = middlewareChain((_q, _s, next) => next(boom), () => void (after.ran = true));
    expect(run(chain)).toEqual([boom]);
    expect(after.ran).toBe(false);
  });

  it('passes an error a handler throws before moving on', () => {
    const boom = new Error('thrown');
    expect(run(middlewareChain(() => {
      throw boom;
    }))).toEqual([boom]);
  });

  it('does not handle twice what is thrown after the chain has moved on', () => {
    const late = new Error('downstream');
    const chain = middlewareChain((_q, _s, next) => next());
    expect(() => chain(req, res, (() => {
      throw late;
    }) as NextFunction)).toThrow(late);
  });
});
