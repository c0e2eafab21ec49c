// Prometheus metrics of the saga orchestrator: each step call by outcome, and sagas by how they ended and
// how long they took (from the first start, resumes included).
import { Counter, Histogram, type Registry } from 'prom-client';

export interface SagaMetrics {
  stepCalls: Counter<'saga' | 'step' | 'phase' | 'outcome'>;
  finished: Histogram<'saga' | 'status'>;
}

function once<T>(registry: Registry, name: string, make: () => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? make();
}

export function sagaMetrics(registry: Registry): SagaMetrics {
  return {
    stepCalls: once(registry, 'saga_step_calls_total', () =>
      new Counter({
        name: 'saga_step_calls_total',
        help: 'Saga step calls, by phase (invoke or compensate) and outcome (ok, error, timeout)',
        labelNames: ['saga', 'step', 'phase', 'outcome'] as const,
        registers: [registry],
      }),
    ),
    finished: once(registry, 'saga_duration_seconds', () =>
      new Histogram({
        name: 'saga_duration_seconds',
        help: 'Time from a saga first starting to its end, by final status (completed, compensated, failed)',
        labelNames: ['saga', 'status'] as const,
        buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800],
        registers: [registry],
      }),
    ),
  };
}
