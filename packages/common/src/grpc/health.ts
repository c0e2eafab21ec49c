// grpc.health.v1 (Check and Watch) for Kubernetes probes and load balancers. The overall status ("") and each
// registered service follow the server's readiness and turn NOT_SERVING as soon as shutdown starts.
import { HealthImplementation, type ServingStatus } from 'grpc-health-check';
import type { Server } from '@grpc/grpc-js';

export class HealthReporter {
  private readonly impl: HealthImplementation;
  private current: ServingStatus = 'NOT_SERVING';

  constructor(private readonly services: string[]) {
    this.impl = new HealthImplementation(Object.fromEntries(['', ...services].map((s) => [s, 'NOT_SERVING' as const])));
  }

  addToServer(server: Server): void {
    this.impl.addToServer(server);
  }

  get serving(): boolean {
    return this.current === 'SERVING';
  }

  set(serving: boolean): void {
    const next: ServingStatus = serving ? 'SERVING' : 'NOT_SERVING';
    if (next === this.current) return;
    this.current = next;
    for (const service of ['', ...this.services]) this.impl.setStatus(service, next);
  }
}
