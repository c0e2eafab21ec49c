// Honours the client's deadline and cancellation: the handler's signal aborts, and the call fails with
// DEADLINE_EXCEEDED at once instead of finishing work nobody waits for.
import { AppError } from '../errors/app-error.js';
import type { UnaryInterceptor } from './interceptor.js';

export function deadlineInterceptor(): UnaryInterceptor {
  return async (call, next) => {
    const deadline = call.ctx.deadline;
    const remaining = deadline ? deadline.getTime() - Date.now() : Infinity;
    if (remaining <= 0) throw new AppError('deadline_exceeded', 'deadline exceeded before the call started');
    let timer: NodeJS.Timeout | undefined;
    const stopped = new Promise<never>((_resolve, reject) => {
      const { signal } = call.abort;
      const fail = () => reject(signal.reason instanceof AppError ? signal.reason : new AppError('aborted', 'call cancelled'));
      if (Number.isFinite(remaining)) {
        timer = setTimeout(() => call.abort.abort(new AppError('deadline_exceeded', 'deadline exceeded')), remaining);
      }
      if (signal.aborted) fail();
      else signal.addEventListener('abort', fail, { once: true });
    });
    try {
      return await Promise.race([next(), stopped]);
    } finally {
      clearTimeout(timer);
    }
  };
}
