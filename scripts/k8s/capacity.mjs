// The capacity plan as data: the recorded `make bench` figures, what one checkout costs, and the settings that
// follow (autoscaling bounds, database pools, PgBouncer, topic partitions, memory). docs/capacity.md explains the
// arithmetic; scripts/k8s/generate.mjs writes these numbers into k8s/base; runner/test/capacity.test.ts checks
// that the arithmetic, the document's tables and the manifests agree. Change a figure here, run `make k8s`.

/** The shop the base is sized for: the autoscaler's floor carries the first rate, its ceiling the second. */
export const CHECKOUTS_PER_SECOND = { floor: 100, ceiling: 1_000 };

/** Plan every replica, partition and pool at this share of its measured rate (the rest is headroom for spikes). */
export const HEADROOM = 0.6;

/** A PgBouncer transaction pool per database/user pair, and PostgreSQL's own connection limit. */
export const POOLER = { instances: 2, poolMode: 'transaction', defaultPoolSize: 120, maxClientConn: 3_000 };
export const POSTGRES_MAX_CONNECTIONS = 800;

/**
 * Per service that a checkout loads: the recorded bench figure (per process, 2-core machine), how many of the
 * measured operations one checkout costs it, and the settings. `replicas` and `databasePool` are per pod.
 */
export const hotServices = {
  gateway: { measuredPerSecond: 1_800, measured: 'proxied requests', perCheckout: 20, hpa: { min: 3, max: 19 } },
  order: { measuredPerSecond: 34, measured: 'Checkout (full saga, PostgreSQL on the same 2 cores)', perCheckout: 1.33, hpa: { min: 7, max: 66 }, databasePool: 20 },
  warehouse: { measuredPerSecond: 191, measured: 'Reserve, 1,000 SKUs spread', perCheckout: 2, hpa: { min: 2, max: 18 }, databasePool: 10 },
  pricing: { measuredPerSecond: 287, measured: 'CalculatePrices, 20-line cart', perCheckout: 5, hpa: { min: 3, max: 30 }, databasePool: 10 },
  promotion: { measuredPerSecond: 290, measured: 'EvaluateCart, 50 active promotions', perCheckout: 5, hpa: { min: 3, max: 29 }, databasePool: 10 },
};

/** Fewest pods of any service, so a node drain or a zone loss never takes it out; the edge spans three zones. */
export const AVAILABILITY_FLOOR = { default: 2, edge: 3 };

/** Every other service: off the checkout's hot path or without a recorded figure. */
export const DEFAULT_SCALING = { hpa: { min: 2, max: 6 }, databasePool: 5 };

/** CPU the autoscaler keeps each pod at: HEADROOM as a percentage. */
export const HPA_CPU_TARGET = Math.round(HEADROOM * 100);

/** A replica is planned as one core: the figures were taken with the service on at most one of two cores. */
export const POD_CPU_REQUEST = { hot: '1000m', default: '100m' };

/**
 * Memory per pod from `make up`'s resident set sizes (104-141 MiB per service process once ready, docs/capacity.md):
 * the request is the largest with room to work, the limit leaves V8's heap room to grow under load.
 */
export const POD_MEMORY = { request: '192Mi', limit: '512Mi' };

/** Measured consumer path: outbox -> relay -> Kafka -> consumer with inbox, one process, 3 partitions. */
export const CONSUMER_EVENTS_PER_SECOND = 1_242;
export const BENCH_PARTITIONS = 3;
/** Fewest partitions of any topic: lets six replicas of a consumer share a topic's load. */
export const MIN_PARTITIONS = 6;
export const DLQ_PARTITIONS = 1;

/** Events a topic carries per checkout (a two-line order, later shipped and delivered). */
export const eventsPerCheckout = {
  'order.order': 1,
  'payment.payment': 2,
  'warehouse.reservation': 2,
  'warehouse.stock': 4,
  'shipping.shipment': 5,
};

/** Partitions per topic: enough consumers for the ceiling's event rate at HEADROOM, a multiple of three brokers. */
export function partitionsFor(topic) {
  const perPartition = (CONSUMER_EVENTS_PER_SECOND / BENCH_PARTITIONS) * HEADROOM;
  const needed = Math.ceil(((eventsPerCheckout[topic] ?? 0) * CHECKOUTS_PER_SECOND.ceiling) / perPartition);
  return Math.max(MIN_PARTITIONS, Math.ceil(needed / 3) * 3);
}

/** Replicas a rate of checkouts needs of a hot service: its load over what one pod carries at HEADROOM. */
export function replicasFor(name, checkoutsPerSecond) {
  const s = hotServices[name];
  return Math.ceil((checkoutsPerSecond * s.perCheckout) / (s.measuredPerSecond * HEADROOM));
}

/** The scaling settings of any service of the registry. */
export function scalingOf(name) {
  const hot = hotServices[name];
  return hot
    ? { hpa: hot.hpa, databasePool: hot.databasePool, cpuRequest: POD_CPU_REQUEST.hot, hot: true }
    : { hpa: DEFAULT_SCALING.hpa, databasePool: DEFAULT_SCALING.databasePool, cpuRequest: POD_CPU_REQUEST.default, hot: false };
}
