// Resources in the order they were opened, closed in reverse; a failing close is logged and the rest still run.
import type { Logger } from 'pino';

export class StopList {
  private readonly closes: Array<() => Promise<unknown> | unknown> = [];
  private closing: Promise<void> | undefined;

  constructor(private readonly logger?: Logger) {}

  add(close: () => Promise<unknown> | unknown): void {
    if (this.closing) throw new Error('cannot register a resource while stopping');
    this.closes.push(close);
  }

  /** Idempotent: a second call waits for the first. */
  closeAll(): Promise<void> {
    this.closing ??= (async () => {
      let firstError: unknown;
      for (const close of this.closes.splice(0).reverse()) {
        try {
          await close();
        } catch (err) {
          this.logger?.error({ err }, 'closing a resource failed');
          firstError ??= err;
        }
      }
      if (firstError) throw firstError;
    })();
    return this.closing;
  }
}
