// Several middlewares run as one router layer: Express's router matches a path and walks its stack for every
// layer on every request, which for the kit's always-on middleware is work with a known answer.
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Runs `handlers` in order; an error passed to next skips the rest and goes to Express, as does an error a handler
 * throws before moving on. Once a handler has moved on, what is thrown further down is not this chain's to handle.
 */
export function middlewareChain(...handlers: RequestHandler[]): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    let index = 0;
    let handedOff = false;
    const step = (err?: unknown): void => {
      if (err !== undefined && err !== null) {
        handedOff = true;
        next(err);
        return;
      }
      const handler = handlers[index++];
      if (!handler) {
        handedOff = true;
        next();
        return;
      }
      const position = index;
      try {
        handler(req, res, step);
      } catch (thrown) {
        if (handedOff || index !== position) throw thrown;
        handedOff = true;
        next(thrown);
      }
    };
    step();
  };
}
