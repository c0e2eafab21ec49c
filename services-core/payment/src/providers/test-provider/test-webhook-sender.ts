// How the test provider delivers its signed webhooks: HTTP POST to the configured URL, at once (fire and forget,
// like a real provider: never before it has answered the call that caused them) or, in `manual` mode, queued until
// a test releases them late, twice or out of order. `off` drops them.
import { signWebhook, TEST_PROVIDER_SIGNATURE_HEADER } from '../webhook-signature.js';

const DELIVERY_TIMEOUT_MS = 30_000;

export type WebhookMode = 'immediate' | 'manual' | 'off';

export interface TestProviderEvent {
  id: string;
  type: string;
  created: number;
  data: Record<string, unknown>;
}

export interface DeliveryOptions {
  /** Unix seconds written in the signature header (default now): an old one must be refused. */
  timestampSeconds?: number;
  /** Signs with another secret (a forged delivery). */
  secret?: string;
}

export class TestWebhookSender {
  private url: string | undefined;
  private readonly queue: TestProviderEvent[] = [];
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly settings: { secret: string; mode: WebhookMode; now: () => Date; onError: (err: unknown, event: TestProviderEvent) => void },
  ) {}

  get mode(): WebhookMode {
    return this.settings.mode;
  }

  set mode(mode: WebhookMode) {
    this.settings.mode = mode;
  }

  useUrl(url: string): void {
    this.url = url;
  }

  send(event: TestProviderEvent): void {
    if (this.settings.mode === 'off') return;
    if (this.settings.mode === 'manual') {
      this.queue.push(event);
      return;
    }
    const delivery = this.deliver(event).catch((err: unknown) => this.settings.onError(err, event));
    this.inFlight.add(delivery);
    void delivery.finally(() => this.inFlight.delete(delivery));
  }

  /** Takes the queued events (manual mode) without delivering them. */
  takeQueued(): TestProviderEvent[] {
    return this.queue.splice(0, this.queue.length);
  }

  /** Signs and POSTs one event now; answers the HTTP status. */
  async deliver(event: TestProviderEvent, options: DeliveryOptions = {}): Promise<number> {
    if (!this.url) throw new Error('the test provider has no webhook URL');
    const body = JSON.stringify(event);
    const timestamp = options.timestampSeconds ?? Math.floor(this.settings.now().getTime() / 1000);
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TEST_PROVIDER_SIGNATURE_HEADER]: signWebhook(options.secret ?? this.settings.secret, body, timestamp) },
      body,
      // A receiver that never answers must not hold the provider (or the service's stop) forever.
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    await response.arrayBuffer();
    return response.status;
  }

  /** Waits for deliveries started in immediate mode (stop, and tests that need them done). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }
}
