// helmet's security headers, worked out once: with the kit's settings every value is static, so asking helmet's
// dozen nested middlewares for them on each request repeated the same work on the hottest path.
import type { RequestHandler } from 'express';
import helmet from 'helmet';

type HeaderStep = { set: string; value: string } | { remove: string };

/** Sets exactly the headers helmet() would (and removes what it removes), from a list recorded at start-up. */
export function securityHeaders(): RequestHandler {
  const steps = recordHelmetSteps();
  return (_req, res, next) => {
    for (const step of steps) {
      if ('set' in step) res.setHeader(step.set, step.value);
      else res.removeHeader(step.remove);
    }
    next();
  };
}

/** Runs helmet once against a recording response; refuses a setting that would need the request. */
function recordHelmetSteps(): HeaderStep[] {
  const steps: HeaderStep[] = [];
  const recorder = {
    setHeader(name: string, value: unknown) {
      if (typeof value !== 'string') throw new Error(`helmet set ${name} to a non-string value; record it per request instead`);
      steps.push({ set: name, value });
    },
    removeHeader(name: string) {
      steps.push({ remove: name });
    },
  };
  let continued = false;
  helmet()({ headers: {}, method: 'GET' } as never, recorder as never, (err?: unknown) => {
    if (err) throw err;
    continued = true;
  });
  if (!continued) throw new Error('helmet did not call next synchronously; its headers cannot be recorded once');
  return steps;
}
