// Prometheus recording and alert rules from the SLO table (slos.mjs). Recording rules keep each window's
// ratio per (tier, service), or per consumer group for events, so the alerts and the dashboards read one series.
import {
  BURN_ALERTS,
  CONSUMER_LAG_BUDGET,
  CONSUMER_LAG_SECONDS,
  ERROR_BUDGET,
  GRPC_SERVER_ERRORS,
  LATENCY_BUDGET,
  LATENCY_CLASSES,
  LIMITS,
  PROBE_ROUTES,
  WINDOWS,
} from './slos.mjs';

const BY = 'sum by (tier, service)';
// Each protocol's (and each latency class's) share goes into one series name, told apart by a static label.
const withProtocol = (expr, protocol) => ({ expr, labels: { protocol } });

function requestRules(w) {
  const http = `http_requests_total{route!~"${PROBE_ROUTES}"}`;
  const httpErrors = `http_requests_total{route!~"${PROBE_ROUTES}", status_code=~"5.."}`;
  const grpcErrors = `grpc_server_handled_total{grpc_code=~"${GRPC_SERVER_ERRORS}"}`;
  return [
    { record: `slo:requests:rate${w}`, ...withProtocol(`${BY} (rate(${http}[${w}]))`, 'http') },
    { record: `slo:requests:rate${w}`, ...withProtocol(`${BY} (rate(grpc_server_handled_total[${w}]))`, 'grpc') },
    // `or 0 * all`: a service that never failed has no error series, and its ratio should read 0, not be absent.
    { record: `slo:request_errors:rate${w}`, ...withProtocol(`(${BY} (rate(${httpErrors}[${w}])) or 0 * ${BY} (rate(${http}[${w}])))`, 'http') },
    { record: `slo:request_errors:rate${w}`, ...withProtocol(`(${BY} (rate(${grpcErrors}[${w}])) or 0 * ${BY} (rate(grpc_server_handled_total[${w}])))`, 'grpc') },
    ...LATENCY_CLASSES.map((c) => {
      const metric = c.protocol === 'http' ? 'http_request_duration_seconds' : 'grpc_server_handling_seconds';
      const all = `${BY} (rate(${metric}_count{${c.selector}}[${w}]))`;
      const fast = `${BY} (rate(${metric}_bucket{${c.selector}, le="${c.le}"}[${w}]))`;
      return { record: `slo:requests_slow:rate${w}`, expr: `${all} - ${fast}`, labels: { class: c.name } };
    }),
    { record: `slo:request_errors:ratio_rate${w}`, expr: `${BY} (slo:request_errors:rate${w}) / ${BY} (slo:requests:rate${w})` },
    { record: `slo:requests_slow:ratio_rate${w}`, expr: `${BY} (slo:requests_slow:rate${w}) / ${BY} (slo:requests:rate${w})` },
  ];
}

function eventRules(w) {
  const handled = `sum by (group) (rate(event_consumer_lag_seconds_count[${w}]))`;
  const inTime = `sum by (group) (rate(event_consumer_lag_seconds_bucket{le="${CONSUMER_LAG_SECONDS}"}[${w}]))`;
  return [{ record: `slo:events_late:ratio_rate${w}`, expr: `(${handled} - ${inTime}) / ${handled}` }];
}

const SLIS = [
  { name: 'errors', alert: 'ErrorBudgetBurn', series: 'slo:request_errors:ratio_rate', budget: ERROR_BUDGET, labels: '{{ $labels.service }} ({{ $labels.tier }})', what: 'requests failing (HTTP 5xx, gRPC server errors)' },
  { name: 'latency', alert: 'LatencyBudgetBurn', series: 'slo:requests_slow:ratio_rate', budget: LATENCY_BUDGET, labels: '{{ $labels.service }} ({{ $labels.tier }})', what: 'requests slower than their latency threshold' },
  { name: 'consumer-lag', alert: 'ConsumerLagBudgetBurn', series: 'slo:events_late:ratio_rate', budget: CONSUMER_LAG_BUDGET, labels: 'consumer group {{ $labels.group }}', what: `events handled more than ${CONSUMER_LAG_SECONDS} s after being written` },
];

function burnAlerts() {
  return SLIS.flatMap((sli) =>
    BURN_ALERTS.map((b) => {
      const limit = Number((b.factor * sli.budget).toPrecision(6));
      return {
        alert: `${sli.alert}${b.severity === 'page' ? 'Fast' : 'Slow'}${b.long}`,
        expr: `${sli.series}${b.long} > ${limit} and ${sli.series}${b.short} > ${limit}`,
        for: b.for,
        labels: { severity: b.severity, slo: sli.name },
        annotations: {
          summary: `${sli.labels}: ${sli.what} burn the error budget ${b.factor}x too fast`,
          description: `{{ $value | humanizePercentage }} of ${sli.what} over ${b.long} (and over ${b.short}); the objective allows ${sli.budget * 100}%. At this rate ${b.spent} is spent.`,
        },
      };
    }),
  );
}

function eventAlerts() {
  return [
    {
      alert: 'EventConsumerStuck',
      expr: `max by (tier, service, topic, group) (event_consumer_oldest_in_flight_seconds) > ${LIMITS.consumerStuckSeconds}`,
      for: '2m',
      labels: { severity: 'page', slo: 'consumer-lag' },
      annotations: {
        summary: 'consumer group {{ $labels.group }} is stuck on an event of {{ $labels.topic }}',
        description: `An event has been inside the handler for {{ $value | humanizeDuration }}, past every retry; its partition waits behind it.`,
      },
    },
    {
      alert: 'EventsDeadLettered',
      expr: 'sum by (tier, service, topic, group) (increase(events_handled_total{outcome="dead_lettered"}[10m])) > 0',
      labels: { severity: 'ticket', slo: 'consumer-lag' },
      annotations: {
        summary: 'consumer group {{ $labels.group }} moved events of {{ $labels.topic }} to the dead-letter topic',
        description: '{{ $value }} events in 10 minutes failed every attempt; their effect is missing until they are replayed from {{ $labels.topic }}.dlq.',
      },
    },
    {
      alert: 'OutboxEventsDelayed',
      expr: `max by (tier, service) (outbox_oldest_pending_seconds) > ${LIMITS.outboxWarnSeconds}`,
      for: '10m',
      labels: { severity: 'ticket', slo: 'outbox-age' },
      annotations: {
        summary: '{{ $labels.service }}: outbox rows wait more than 10 s to be published',
        description: 'The oldest unpublished row is {{ $value | humanizeDuration }} old; the relay is slow to publish.',
      },
    },
    {
      alert: 'OutboxNotPublishing',
      expr: `max by (tier, service) (outbox_oldest_pending_seconds) > ${LIMITS.outboxPageSeconds}`,
      for: '5m',
      labels: { severity: 'page', slo: 'outbox-age' },
      annotations: {
        summary: '{{ $labels.service }}: the outbox is not being published',
        description: 'The oldest unpublished row is {{ $value | humanizeDuration }} old: other services do not see its events (Kafka unreachable or the relay stopped).',
      },
    },
    {
      alert: 'OutboxPublishFailing',
      expr: 'sum by (tier, service) (rate(outbox_publish_failures_total[5m])) > 0',
      for: '10m',
      labels: { severity: 'ticket', slo: 'outbox-age' },
      annotations: {
        summary: '{{ $labels.service }}: outbox publishes keep failing',
        description: 'Publish batches have failed for 10 minutes; the sweeper retries them, so events are late, not lost.',
      },
    },
  ];
}

function platformAlerts() {
  return [
    {
      alert: 'ServiceDown',
      expr: 'up == 0',
      for: '2m',
      labels: { severity: 'page' },
      annotations: { summary: '{{ $labels.job }} ({{ $labels.tier }}) cannot be scraped', description: '{{ $labels.instance }} has not answered /metrics for 2 minutes.' },
    },
    {
      alert: 'SagaFailed',
      expr: 'sum by (tier, service, saga) (increase(saga_duration_seconds_count{status="failed"}[10m])) > 0',
      labels: { severity: 'page' },
      annotations: {
        summary: '{{ $labels.service }}: a {{ $labels.saga }} saga failed to compensate',
        description: 'A saga ended neither completed nor compensated: money or stock may be held for an order that will not complete. The saga log names the step.',
      },
    },
    {
      alert: 'HousekeepingFailing',
      expr: 'sum by (tier, service, task) (increase(housekeeping_task_failures_total[1h])) > 3',
      labels: { severity: 'ticket' },
      annotations: { summary: '{{ $labels.service }}: housekeeping task {{ $labels.task }} keeps failing', description: '{{ $value }} failed rounds in an hour: old rows are not being removed.' },
    },
  ];
}

/** File name (under observability/prometheus/rules/) -> rule file object. */
export function ruleFiles() {
  return {
    'slo-recording.yml': {
      groups: [
        ...WINDOWS.map((w) => ({ name: `slo-requests-${w}`, rules: requestRules(w) })),
        { name: 'slo-events', rules: WINDOWS.flatMap(eventRules) },
      ],
    },
    'slo-alerts.yml': { groups: [{ name: 'slo-burn-rate', rules: burnAlerts() }] },
    'events-alerts.yml': { groups: [{ name: 'events', rules: eventAlerts() }] },
    'platform-alerts.yml': { groups: [{ name: 'platform', rules: platformAlerts() }] },
  };
}
