// Grafana dashboards, one per tier, from the same SLO table as the rules: the lines drawn at the objectives are
// the numbers the alerts use. The Prometheus data source is a dashboard variable, so any Grafana can import them.
import { CONSUMER_LAG_SECONDS, ERROR_BUDGET, LATENCY_BUDGET, LIMITS, PROBE_ROUTES } from './slos.mjs';

const DATASOURCE = { type: 'prometheus', uid: '${datasource}' };
const GRID_WIDTH = 24;

function timeseries(title, targets, { unit = 'short', threshold, description, width = 12 } = {}) {
  return {
    type: 'timeseries',
    title,
    description,
    datasource: DATASOURCE,
    gridPos: { w: width, h: 8 },
    fieldConfig: {
      defaults: {
        unit,
        custom: threshold === undefined ? {} : { thresholdsStyle: { mode: 'line+area' } },
        thresholds: { mode: 'absolute', steps: [{ color: 'green', value: null }, ...(threshold === undefined ? [] : [{ color: 'red', value: threshold }])] },
      },
      overrides: [],
    },
    options: { legend: { displayMode: 'table', placement: 'bottom', calcs: ['lastNotNull', 'max'] }, tooltip: { mode: 'multi', sort: 'desc' } },
    targets: targets.map(([expr, legendFormat], i) => ({ refId: String.fromCharCode(65 + i), datasource: DATASOURCE, expr, legendFormat, range: true })),
  };
}

function stat(title, expr, { unit = 'percentunit', threshold, description } = {}) {
  return {
    type: 'stat',
    title,
    description,
    datasource: DATASOURCE,
    gridPos: { w: 6, h: 4 },
    fieldConfig: {
      defaults: { unit, thresholds: { mode: 'absolute', steps: [{ color: 'green', value: null }, { color: 'red', value: threshold }] } },
      overrides: [],
    },
    options: { reduceOptions: { calcs: ['lastNotNull'], fields: '', values: false }, colorMode: 'background', graphMode: 'area' },
    targets: [{ refId: 'A', datasource: DATASOURCE, expr, legendFormat: '{{service}}', range: true }],
  };
}

const row = (title) => ({ type: 'row', title, collapsed: false, gridPos: { w: GRID_WIDTH, h: 1 }, panels: [] });

/** Lays panels out left to right, wrapping at the grid's width, and numbers them. */
function layout(panels) {
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  return panels.map((panel, i) => {
    const { w, h } = panel.gridPos;
    if (x + w > GRID_WIDTH || panel.type === 'row') {
      y += rowHeight;
      x = 0;
      rowHeight = 0;
    }
    const placed = { id: i + 1, ...panel, gridPos: { x, y, w, h } };
    x += w;
    rowHeight = Math.max(rowHeight, h);
    if (panel.type === 'row') {
      y += h;
      x = 0;
      rowHeight = 0;
    }
    return placed;
  });
}

function requestPanels(tier, { grpc }) {
  const sel = `tier="${tier}", service=~"$service"`;
  const http = `{${sel}, route!~"${PROBE_ROUTES}"}`;
  const panels = [
    row('Objectives'),
    stat('Errors (1 h)', `slo:request_errors:ratio_rate1h{${sel}}`, { threshold: ERROR_BUDGET, description: `Objective: at most ${ERROR_BUDGET * 100}% of requests fail.` }),
    stat('Slower than threshold (1 h)', `slo:requests_slow:ratio_rate1h{${sel}}`, { threshold: LATENCY_BUDGET, description: `Objective: at most ${LATENCY_BUDGET * 100}% of requests are slower than their class's threshold.` }),
    stat('Error budget burn (1 d)', `slo:request_errors:ratio_rate1d{${sel}} / ${ERROR_BUDGET}`, { unit: 'none', threshold: 1, description: '1 spends exactly the 30-day budget in 30 days; above 1 spends it sooner.' }),
    stat('Latency budget burn (1 d)', `slo:requests_slow:ratio_rate1d{${sel}} / ${LATENCY_BUDGET}`, { unit: 'none', threshold: 1, description: '1 spends exactly the 30-day budget in 30 days; above 1 spends it sooner.' }),
    row('Requests'),
    timeseries('Error ratio (5 m)', [[`slo:request_errors:ratio_rate5m{${sel}}`, '{{service}}']], { unit: 'percentunit', threshold: ERROR_BUDGET }),
    timeseries('Share slower than threshold (5 m)', [[`slo:requests_slow:ratio_rate5m{${sel}}`, '{{service}}']], { unit: 'percentunit', threshold: LATENCY_BUDGET }),
    timeseries('HTTP requests/s', [[`sum by (service) (rate(http_requests_total${http}[$__rate_interval]))`, '{{service}}']], { unit: 'reqps' }),
    timeseries('HTTP p99 latency', [[`histogram_quantile(0.99, sum by (service, le) (rate(http_request_duration_seconds_bucket${http}[$__rate_interval])))`, '{{service}}']], { unit: 's' }),
    timeseries('HTTP responses by status', [[`sum by (service, status_code) (rate(http_requests_total${http}[$__rate_interval]))`, '{{service}} {{status_code}}']], { unit: 'reqps' }),
    timeseries('Slowest routes (p99)', [[`topk(10, histogram_quantile(0.99, sum by (service, route, le) (rate(http_request_duration_seconds_bucket${http}[$__rate_interval]))))`, '{{service}} {{route}}']], { unit: 's' }),
  ];
  if (grpc) {
    panels.push(
      row('gRPC'),
      timeseries('gRPC calls/s by code', [[`sum by (service, grpc_code) (rate(grpc_server_handled_total{${sel}}[$__rate_interval]))`, '{{service}} {{grpc_code}}']], { unit: 'reqps' }),
      timeseries('gRPC p99 latency by method', [[`topk(10, histogram_quantile(0.99, sum by (service, grpc_method, le) (rate(grpc_server_handling_seconds_bucket{${sel}}[$__rate_interval]))))`, '{{service}} {{grpc_method}}']], { unit: 's' }),
      timeseries('Saga outcomes', [[`sum by (service, saga, status) (increase(saga_duration_seconds_count{${sel}}[$__rate_interval]))`, '{{saga}} {{status}}']]),
      timeseries('Saga step failures', [[`sum by (service, step, outcome) (rate(saga_step_calls_total{${sel}, outcome!="ok"}[$__rate_interval]))`, '{{step}} {{outcome}}']], { unit: 'reqps' }),
    );
  }
  return panels;
}

function eventPanels(tier) {
  const sel = `tier="${tier}", service=~"$service"`;
  return [
    row('Events'),
    timeseries('Outbox: oldest unpublished row', [[`outbox_oldest_pending_seconds{${sel}}`, '{{service}}']], { unit: 's', threshold: LIMITS.outboxWarnSeconds }),
    timeseries('Outbox: unpublished rows', [[`outbox_pending_events{${sel}}`, '{{service}}']]),
    timeseries('Consumer lag p99 (written to handled)', [[`histogram_quantile(0.99, sum by (group, topic, le) (rate(event_consumer_lag_seconds_bucket{${sel}}[$__rate_interval])))`, '{{group}} {{topic}}']], { unit: 's', threshold: CONSUMER_LAG_SECONDS }),
    timeseries('Consumer: oldest event inside a handler', [[`max by (group, topic) (event_consumer_oldest_in_flight_seconds{${sel}})`, '{{group}} {{topic}}']], { unit: 's', threshold: LIMITS.consumerStuckSeconds }),
    timeseries('Events handled/s by outcome', [[`sum by (group, topic, outcome) (rate(events_handled_total{${sel}}[$__rate_interval]))`, '{{group}} {{topic}} {{outcome}}']], { unit: 'reqps' }),
    timeseries('Handler retries and publish failures', [
      [`sum by (group, topic) (rate(event_handler_retries_total{${sel}}[$__rate_interval]))`, 'retries {{group}} {{topic}}'],
      [`sum by (service) (rate(outbox_publish_failures_total{${sel}}[$__rate_interval]))`, 'publish failures {{service}}'],
    ], { unit: 'reqps' }),
  ];
}

function processPanels(tier) {
  const sel = `tier="${tier}", service=~"$service"`;
  return [
    row('Processes'),
    timeseries('Scrape up', [[`up{tier="${tier}", job=~"$service"}`, '{{job}}']], { width: 8 }),
    timeseries('Resident memory', [[`process_resident_memory_bytes{${sel}}`, '{{service}}']], { unit: 'bytes', width: 8 }),
    timeseries('Event loop lag p99', [[`nodejs_eventloop_lag_p99_seconds{${sel}}`, '{{service}}']], { unit: 's', width: 8 }),
    timeseries('CPU', [[`rate(process_cpu_seconds_total{${sel}}[$__rate_interval])`, '{{service}}']], { unit: 'percentunit', width: 12 }),
    timeseries('Housekeeping rows removed', [[`sum by (service, task) (increase(housekeeping_rows_removed_total{${sel}}[$__rate_interval]))`, '{{service}} {{task}}']], { width: 12 }),
  ];
}

function dashboard(tier, title, panels) {
  return {
    uid: `ecommerce-${tier}`,
    title,
    tags: ['ecommerce', tier],
    timezone: 'utc',
    schemaVersion: 41,
    version: 1,
    editable: true,
    refresh: '30s',
    time: { from: 'now-6h', to: 'now' },
    annotations: { list: [] },
    templating: {
      list: [
        { name: 'datasource', label: 'Prometheus', type: 'datasource', query: 'prometheus', current: {}, hide: 0 },
        {
          name: 'service',
          label: 'Service',
          type: 'query',
          datasource: DATASOURCE,
          query: { query: `label_values(up{tier="${tier}"}, job)`, refId: 'service' },
          definition: `label_values(up{tier="${tier}"}, job)`,
          includeAll: true,
          multi: true,
          allValue: '.*',
          current: { text: 'All', value: '$__all' },
          refresh: 2,
          sort: 1,
        },
      ],
    },
    panels: layout(panels),
  };
}

/** File name (under observability/grafana/dashboards/) -> dashboard object. */
export function dashboards() {
  return {
    'lite.json': dashboard('lite', 'E-commerce: lite tier (HTTP services)', [...requestPanels('lite', { grpc: false }), ...eventPanels('lite'), ...processPanels('lite')]),
    'core.json': dashboard('core', 'E-commerce: core tier (gRPC services and the gateway)', [...requestPanels('core', { grpc: true }), ...eventPanels('core'), ...processPanels('core')]),
  };
}
