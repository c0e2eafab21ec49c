// The providers this process is configured with, by name, and the call deadline; the use cases' PaymentProviders port.
import type { PaymentProviders } from '../biz/ports.js';
import type { PaymentProvider } from '../biz/provider.js';

export class PaymentProviderRegistry implements PaymentProviders {
  private readonly byName: Map<string, PaymentProvider>;

  constructor(
    providers: PaymentProvider[],
    readonly defaultName: string,
    readonly timeoutMs: number,
  ) {
    this.byName = new Map(providers.map((p) => [p.name, p]));
  }

  get(name: string): PaymentProvider | undefined {
    return this.byName.get(name);
  }

  names(): string[] {
    return [...this.byName.keys()];
  }
}
