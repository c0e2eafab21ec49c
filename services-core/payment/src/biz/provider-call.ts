// One provider call with the client's idempotency key and a deadline: a provider that has not answered by then is
// treated as unavailable (outcome unknown), whether or not it honours the abort signal.
import type { CallOptions } from './provider.js';
import { ProviderUnavailableError } from './provider.js';

export async function callProvider<T>(
  providerName: string,
  settings: { idempotencyKey: string; timeoutMs: number },
  call: (options: CallOptions) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new ProviderUnavailableError(providerName, 'provider_timeout'));
    }, settings.timeoutMs);
  });
  try {
    return await Promise.race([call({ idempotencyKey: settings.idempotencyKey, signal: controller.signal }), deadline]);
  } catch (err) {
    if (controller.signal.aborted && !(err instanceof ProviderUnavailableError)) throw new ProviderUnavailableError(providerName, 'provider_timeout', { cause: err });
    throw err;
  } finally {
    clearTimeout(timer);
  }
}
