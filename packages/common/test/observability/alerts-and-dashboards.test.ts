// The generated alert rules and Grafana dashboards (scripts/observability/generate.mjs) against what the platform
// really exposes: every metric named in a rule or a panel must be registered by the kit (the registry below holds
// every metric the kit can register, created by the kit's own code), every `le` must be one of that histogram's
// buckets, and every recording-rule name read must be recorded somewhere.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import knex from 'knex';
import { Histogram, Registry } from 'prom-client';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { consumerMetrics, relayMetrics, trackInFlight } from '../../src/events/events-metrics.js';
import { metricsInterceptor } from '../../src/grpc/observe-calls.js';
import { Housekeeping } from '../../src/housekeeping/index.js';
import { createLogger } from '../../src/logger/index.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { sagaMetrics } from '../../src/saga/saga-metrics.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const observability = path.join(repo, 'observability');

// Every metric a service can expose, registered the way services register them. Nothing connects: the Knex
// handle is only held by the outbox gauge, which queries when scraped, and nothing is scraped here.
const db = knex({ client: 'pg' });
afterAll(() => db.destroy());
const { registry } = createMetrics('every-metric');
metricsInterceptor(registry);
relayMetrics(registry, db);
consumerMetrics(registry);
trackInFlight(registry, 'group', async () => {});
sagaMetrics(registry);
new Housekeeping({ db, service: 'every-metric', logger: createLogger({ service: 't', destination: new Writable({ write: (_c, _e, cb) => cb() }) }), metrics: registry });

/** Series names a scrape returns, with each histogram's bucket bounds; `up` is Prometheus's own per target. */
function exposedSeries(from: Registry): Map<string, number[] | undefined> {
  const series = new Map<string, number[] | undefined>([['up', undefined]]);
  for (const metric of from.getMetricsAsArray()) {
    const name = (metric as unknown as { name: string }).name;
    if (metric instanceof Histogram) {
      const bounds = (metric as unknown as { upperBounds: number[] }).upperBounds;
      series.set(`${name}_bucket`, bounds).set(`${name}_count`, undefined).set(`${name}_sum`, undefined);
    } else {
      series.set(name, undefined);
    }
  }
  return series;
}

const KEYWORDS = new Set(['and', 'or', 'unless', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'bool', 'offset', 'inf', 'nan']);

/** The metric names a PromQL expression reads: identifiers that are not functions, keywords, labels or strings. */
export function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""') // string literals (label values, label_replace arguments)
    .replace(/\{[^}]*\}/g, '') // label matchers
    .replace(/\[[^\]]*\]/g, '') // range selectors, $__rate_interval
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ''); // grouping label lists
  return [...bare.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)]
    .filter((m) => !/^\s*\(/.test(bare.slice(m.index + m[0].length))) // a function call
    .map((m) => m[0])
    .filter((name) => !KEYWORDS.has(name.toLowerCase()));
}

/** `metric_bucket{..., le="0.5"}` pairs in an expression. */
function bucketBounds(expr: string): Array<{ series: string; le: number }> {
  return [...expr.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*_bucket)\{[^}]*\ble="([^"]+)"/g)].map((m) => ({ series: m[1]!, le: Number(m[2]) }));
}

interface Rule {
  record?: string;
  alert?: string;
  expr: string;
  labels?: Record<string, string>;
}
const ruleDir = path.join(observability, 'prometheus/rules');
const rules: Rule[] = readdirSync(ruleDir)
  .filter((f) => f.endsWith('.yml'))
  .flatMap((f) => (parse(readFileSync(path.join(ruleDir, f), 'utf8')) as { groups: Array<{ rules: Rule[] }> }).groups.flatMap((g) => g.rules));

interface Panel {
  id: number;
  type: string;
  title: string;
  datasource?: { uid: string };
  targets?: Array<{ expr: string; datasource: { uid: string } }>;
}
const dashboardDir = path.join(observability, 'grafana/dashboards');
const dashboards = Object.fromEntries(
  readdirSync(dashboardDir).map((f) => [f, JSON.parse(readFileSync(path.join(dashboardDir, f), 'utf8')) as { uid: string; schemaVersion: number; panels: Panel[] }]),
);
const panelQueries = Object.entries(dashboards).flatMap(([file, d]) =>
  d.panels.flatMap((p) => (p.targets ?? []).map((t) => ({ where: `${file}: ${p.title}`, expr: t.expr }))),
);

describe('alert rules and dashboards', () => {
  const exposed = exposedSeries(registry);
  const recorded = new Set(rules.flatMap((r) => (r.record ? [r.record] : [])));
  const unknownIn = (expr: string) => metricNames(expr).filter((name) => (name.includes(':') ? !recorded.has(name) : !exposed.has(name)));

  it('are what the generator writes from the SLO table', () => {
    const out = execFileSync(process.execPath, [path.join(repo, 'scripts/observability/generate.mjs'), '--check'], { encoding: 'utf8' });
    expect(out).toContain('match');
  });

  it('reads metric names out of PromQL and flags one the platform does not expose', () => {
    const expr = 'sum by (service) (rate(http_requests_total{route!~"/healthz"}[5m])) / on (service) slo:requests:rate5m > 0.1 and nope_total';
    expect(metricNames(expr)).toEqual(['http_requests_total', 'slo:requests:rate5m', 'nope_total']);
    expect(unknownIn(expr)).toEqual(['nope_total']);
  });

  it('every rule reads only exposed metrics and recorded series, and every alert has a severity', () => {
    expect(rules.filter((r) => r.alert).length).toBeGreaterThanOrEqual(10);
    for (const rule of rules) {
      expect(unknownIn(rule.expr), `${rule.record ?? rule.alert}: ${rule.expr}`).toEqual([]);
      if (rule.alert) expect(['page', 'ticket'], rule.alert).toContain(rule.labels?.severity);
    }
  });

  it('alerts exist for error rate, latency, consumer lag and outbox age', () => {
    const alerts = rules.filter((r) => r.alert);
    for (const slo of ['errors', 'latency', 'consumer-lag', 'outbox-age']) {
      expect(alerts.some((a) => a.labels?.slo === slo), slo).toBe(true);
    }
  });

  it('every panel query reads only exposed metrics and recorded series', () => {
    expect(panelQueries.length).toBeGreaterThan(20);
    for (const { where, expr } of panelQueries) expect(unknownIn(expr), `${where}: ${expr}`).toEqual([]);
  });

  it('every `le` in a rule or a panel is one of that histogram\'s buckets', () => {
    const bounds = [...rules.map((r) => r.expr), ...panelQueries.map((q) => q.expr)].flatMap(bucketBounds);
    expect(bounds.length).toBeGreaterThan(0);
    for (const { series, le } of bounds) expect(exposed.get(series), `${series} le=${le}`).toContain(le);
  });

  it('one dashboard per tier, each with unique panel ids and the Prometheus data source taken from its variable', () => {
    expect(Object.keys(dashboards).sort()).toEqual(['core.json', 'lite.json']);
    for (const [file, d] of Object.entries(dashboards)) {
      expect(d.schemaVersion, file).toBeGreaterThanOrEqual(39);
      const ids = d.panels.map((p) => p.id);
      expect(new Set(ids).size, file).toBe(ids.length);
      for (const panel of d.panels.filter((p) => p.type !== 'row')) {
        expect(panel.datasource?.uid, `${file}: ${panel.title}`).toBe('${datasource}');
        expect(panel.targets?.length, `${file}: ${panel.title}`).toBeGreaterThan(0);
      }
    }
  });

  it('Prometheus loads the rule files where docker-compose.yml mounts them', () => {
    const config = parse(readFileSync(path.join(observability, 'prometheus/prometheus.yml'), 'utf8')) as { rule_files: string[] };
    expect(config.rule_files).toEqual(['rules/*.yml']);
    const compose = parse(readFileSync(path.join(repo, 'docker-compose.yml'), 'utf8')) as { services: Record<string, { volumes?: string[] }> };
    expect(compose.services.prometheus?.volumes).toContain('./observability/prometheus/rules:/etc/prometheus/rules:ro');
  });
});
