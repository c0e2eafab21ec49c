// Runs the dispatcher every NOTIFY_DISPATCH_INTERVAL_MS, one round at a time; stop() waits for the round in
// flight, so a mail being handed to the server is recorded before the database closes.
import type { Logger } from '@ecommerce/common/logger';
import type { DispatchNotificationsUseCase } from '../biz/dispatch-notifications.js';

export interface DispatcherLoop {
  /** Runs a round now (after the one in flight, if any); resolves with how many were attempted. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

export function startDispatcherLoop(dispatcher: DispatchNotificationsUseCase, intervalMs: number, logger: Logger): DispatcherLoop {
  let running: Promise<number> = Promise.resolve(0);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const runOnce = (): Promise<number> => {
    running = running.then(
      () => dispatcher.dispatchDue(),
      () => dispatcher.dispatchDue(),
    );
    return running;
  };
  const tick = async () => {
    try {
      await runOnce();
    } catch (err) {
      logger.error({ err }, 'notification dispatch round failed; trying again next round');
    }
    if (!stopped) timer = setTimeout(tick, intervalMs);
  };
  timer = setTimeout(tick, 0);

  return {
    runOnce,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running.catch(() => undefined);
    },
  };
}
