// The service level objectives, in one table that the alert rules, the recording rules and the dashboards are
// generated from (observability/README.md gives the reason for every number). Selectors use the labels every
// series carries: `service` (the registry's default label), `tier` (added by the scrape configuration).

/** Routes that are probes, not traffic: they are measured, but no objective counts them. */
export const PROBE_ROUTES = '/healthz|/readyz|/metrics';

/** gRPC codes that are the server's failure, not the caller's (INVALID_ARGUMENT, NOT_FOUND, RESOURCE_EXHAUSTED: a rate limit ... are answers). */
export const GRPC_SERVER_ERRORS = 'INTERNAL|UNKNOWN|UNAVAILABLE|DEADLINE_EXCEEDED|DATA_LOSS';

/** Share of requests that may fail over 30 days: 99.9 % succeed. */
export const ERROR_BUDGET = 0.001;
/** Share of requests that may be slower than their class's threshold: 99 % are faster. */
export const LATENCY_BUDGET = 0.01;
/** Share of events that may be handled later than CONSUMER_LAG_SECONDS after being written: 99 % are not. */
export const CONSUMER_LAG_BUDGET = 0.01;
export const CONSUMER_LAG_SECONDS = 5;

/**
 * Latency classes: every request falls in exactly one, so the slow shares add up per service. `le` must be one of
 * the histogram's bucket bounds (LATENCY_BUCKETS in packages/common/src/observability/metrics.ts).
 */
export const LATENCY_CLASSES = [
  { name: 'lite', protocol: 'http', selector: `tier="lite", route!~"${PROBE_ROUTES}"`, le: '0.25' },
  { name: 'core-http', protocol: 'http', selector: `tier="core", service!="gateway", route!~"${PROBE_ROUTES}"`, le: '0.5' },
  { name: 'core-grpc', protocol: 'grpc', selector: `tier="core", grpc_method!="Checkout"`, le: '0.5' },
  { name: 'edge', protocol: 'http', selector: `service="gateway", route!~"${PROBE_ROUTES}", route!~".+/checkout"`, le: '1' },
  { name: 'checkout-grpc', protocol: 'grpc', selector: `service="order", grpc_method="Checkout"`, le: '2.5' },
  { name: 'checkout-edge', protocol: 'http', selector: `service="gateway", route=~".+/checkout"`, le: '2.5' },
];

/** Windows for multiwindow, multi-burn-rate alerts (a 30-day budget): each long window pairs with a short one. */
export const BURN_ALERTS = [
  { long: '1h', short: '5m', factor: 14.4, for: '2m', severity: 'page', spent: '2% of the 30-day budget in 1 hour' },
  { long: '6h', short: '30m', factor: 6, for: '15m', severity: 'page', spent: '5% of the 30-day budget in 6 hours' },
  { long: '1d', short: '2h', factor: 3, for: '1h', severity: 'ticket', spent: '10% of the 30-day budget in 1 day' },
];
export const WINDOWS = [...new Set(BURN_ALERTS.flatMap((a) => [a.short, a.long]))];

/** Thresholds of the alerts that are not ratios. */
export const LIMITS = {
  /** An event inside one handler this long is past every retry (5 attempts, backoff up to ~1.5 s): it is stuck. */
  consumerStuckSeconds: 60,
  /** The relay is woken by NOTIFY and polls every second: an unpublished row this old means it cannot publish. */
  outboxWarnSeconds: 10,
  outboxPageSeconds: 60,
};
