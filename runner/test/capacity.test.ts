// The capacity plan is written three times: as data (scripts/k8s/capacity.mjs), as prose and tables
// (docs/capacity.md) and as manifests (k8s/base, generated from the data). This keeps the three in step: the data's
// settings follow from its own figures by the document's arithmetic, the document's tables state those settings,
// and every generated object carries them (the prod overlay patches none of them away).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { serviceRegistry } from '../src/registry.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface HotService {
  measuredPerSecond: number;
  perCheckout: number;
  hpa: { min: number; max: number };
  databasePool?: number;
}
interface CapacityPlan {
  CHECKOUTS_PER_SECOND: { floor: number; ceiling: number };
  HEADROOM: number;
  HPA_CPU_TARGET: number;
  AVAILABILITY_FLOOR: { default: number; edge: number };
  POOLER: { instances: number; poolMode: string; defaultPoolSize: number; maxClientConn: number };
  POSTGRES_MAX_CONNECTIONS: number;
  DLQ_PARTITIONS: number;
  POD_MEMORY: { request: string; limit: string };
  hotServices: Record<string, HotService>;
  eventsPerCheckout: Record<string, number>;
  partitionsFor(topic: string): number;
  replicasFor(name: string, checkoutsPerSecond: number): number;
  scalingOf(name: string): { hpa: { min: number; max: number }; databasePool: number; cpuRequest: string; hot: boolean };
}

type K8sObject = { kind: string; metadata: { name: string }; spec?: Record<string, any>; data?: Record<string, string> };

const manifests = (file: string): K8sObject[] => parseAllDocuments(readFileSync(path.join(repoRoot, 'k8s/base', file), 'utf8')).map((d) => d.toJS() as K8sObject);
const find = (objects: K8sObject[], kind: string, name?: string) => objects.find((o) => o.kind === kind && (name === undefined || o.metadata.name === name))!;

/** The rows of the markdown table that follows `heading` in docs/capacity.md, as cells keyed by column header. */
function docTable(doc: string, heading: string): Array<Record<string, string>> {
  const lines = doc.split('\n');
  const start = lines.findIndex((l) => l.trim() === heading);
  if (start < 0) throw new Error(`docs/capacity.md has no heading "${heading}"`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('#')) break;
    if (line.startsWith('|')) rows.push(line.split('|').slice(1, -1).map((c) => c.trim()));
    else if (rows.length) break;
  }
  expect(rows.length, heading).toBeGreaterThan(2);
  const [header, , ...body] = rows;
  return body.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i] ?? ''])));
}
const num = (cell: string | undefined) => Number((cell ?? '').replace(/[,\s`*]/g, ''));

let plan: CapacityPlan;
let doc: string;
beforeAll(async () => {
  plan = (await import(pathToFileURL(path.join(repoRoot, 'scripts/k8s/capacity.mjs')).href)) as CapacityPlan;
  doc = readFileSync(path.join(repoRoot, 'docs/capacity.md'), 'utf8');
});

describe('capacity plan (docs/capacity.md, scripts/k8s/capacity.mjs, k8s/base)', () => {
  it("sizes each hot service's autoscaler by the document's arithmetic: floor at 100 checkouts/s, ceiling at 1,000", () => {
    for (const [name, s] of Object.entries(plan.hotServices)) {
      const floor = serviceRegistry.find((r) => r.name === name)!.edge ? plan.AVAILABILITY_FLOOR.edge : plan.AVAILABILITY_FLOOR.default;
      expect(s.hpa.min, name).toBe(Math.max(floor, plan.replicasFor(name, plan.CHECKOUTS_PER_SECOND.floor)));
      expect(s.hpa.max, name).toBe(plan.replicasFor(name, plan.CHECKOUTS_PER_SECOND.ceiling));
      expect(plan.replicasFor(name, 1_000), name).toBe(Math.ceil((1_000 * s.perCheckout) / (s.measuredPerSecond * plan.HEADROOM)));
    }
  });

  it('states in its tables the replicas, pools and partitions the data holds', () => {
    const services = docTable(doc, '## Settings per service');
    for (const spec of serviceRegistry) {
      const row = services.find((r) => r.service === `\`${spec.name}\``) ?? services.find((r) => r.service === 'every other service');
      expect(row, spec.name).toBeDefined();
      const scaling = plan.scalingOf(spec.name);
      expect(num(row!['HPA min']), spec.name).toBe(scaling.hpa.min);
      expect(num(row!['HPA max']), spec.name).toBe(scaling.hpa.max);
      if (spec.database) expect(num(row!['DB pool per pod']), spec.name).toBe(scaling.databasePool);
      const hot = plan.hotServices[spec.name];
      if (hot) {
        expect(num(row!['measured /s']), spec.name).toBe(hot.measuredPerSecond);
        expect(num(row!['per checkout']), spec.name).toBe(hot.perCheckout);
        expect(num(row!['needed at 100/s']), spec.name).toBe(plan.replicasFor(spec.name, 100));
        expect(num(row!['needed at 1,000/s']), spec.name).toBe(plan.replicasFor(spec.name, 1_000));
      }
    }
    const topics = docTable(doc, '## Partitions per topic');
    for (const [topic, events] of Object.entries(plan.eventsPerCheckout)) {
      const row = topics.find((r) => r.topic === `\`${topic}\``);
      expect(row, topic).toBeDefined();
      expect(num(row!['events per checkout']), topic).toBe(events);
      expect(num(row!.partitions), topic).toBe(plan.partitionsFor(topic));
    }
    expect(num(topics.find((r) => r.topic === 'every other topic')!.partitions)).toBe(plan.partitionsFor('any.other'));
    expect(num(topics.find((r) => r.topic === 'every `.dlq` topic')!.partitions)).toBe(plan.DLQ_PARTITIONS);
    const database = Object.fromEntries(docTable(doc, '## Database connections').map((r) => [r.setting, r.value]));
    expect(num(database['PgBouncer `default_pool_size`'])).toBe(plan.POOLER.defaultPoolSize);
    expect(num(database['PgBouncer `max_client_conn`'])).toBe(plan.POOLER.maxClientConn);
    expect(num(database['PostgreSQL `max_connections`'])).toBe(plan.POSTGRES_MAX_CONNECTIONS);
    expect(doc).toContain(`| memory request | ${plan.POD_MEMORY.request} |`);
    expect(doc).toContain(`| memory limit | ${plan.POD_MEMORY.limit} |`);
  });

  it('is what every generated Deployment, autoscaler and ConfigMap carries', () => {
    for (const spec of serviceRegistry) {
      const objects = manifests(`services/${spec.name}.yaml`);
      const scaling = plan.scalingOf(spec.name);
      const hpa = find(objects, 'HorizontalPodAutoscaler').spec!;
      expect([hpa.minReplicas, hpa.maxReplicas], spec.name).toEqual([scaling.hpa.min, scaling.hpa.max]);
      expect(hpa.metrics[0].resource.target.averageUtilization, spec.name).toBe(plan.HPA_CPU_TARGET);
      const deployment = find(objects, 'Deployment').spec!;
      expect(deployment.replicas, spec.name).toBe(scaling.hpa.min);
      const resources = deployment.template.spec.containers[0].resources;
      expect([resources.requests.cpu, resources.requests.memory, resources.limits.memory], spec.name).toEqual([scaling.cpuRequest, plan.POD_MEMORY.request, plan.POD_MEMORY.limit]);
      const config = find(objects, 'ConfigMap').data!;
      expect(config.DATABASE_POOL_MAX, spec.name).toBe(spec.database ? String(scaling.databasePool) : undefined);
    }
    expect(plan.HPA_CPU_TARGET).toBe(Math.round(plan.HEADROOM * 100));
  });

  it('gives every topic and dead-letter topic its planned partitions, and PgBouncer and PostgreSQL their limits', () => {
    const topics = manifests('platform/topics.yaml').filter((o) => o.kind === 'KafkaTopic');
    expect(topics.length).toBeGreaterThan(0);
    for (const topic of topics) {
      const name = topic.spec!.topicName as string;
      expect(topic.spec!.partitions, name).toBe(name.endsWith('.dlq') ? plan.DLQ_PARTITIONS : plan.partitionsFor(name));
    }
    for (const topic of Object.keys(plan.eventsPerCheckout)) expect(topics.map((t) => t.spec!.topicName), topic).toContain(topic);
    const postgres = manifests('platform/postgres.yaml');
    expect(find(postgres, 'Cluster').spec!.postgresql.parameters.max_connections).toBe(String(plan.POSTGRES_MAX_CONNECTIONS));
    const pooler = find(postgres, 'Pooler').spec!;
    expect(pooler.instances).toBe(plan.POOLER.instances);
    expect(pooler.pgbouncer.poolMode).toBe(plan.POOLER.poolMode);
    expect(pooler.pgbouncer.parameters).toEqual({ default_pool_size: String(plan.POOLER.defaultPoolSize), max_client_conn: String(plan.POOLER.maxClientConn) });
  });

  it('leaves the plan alone in the prod overlay: it patches no replicas, autoscaler, topic or pooler', () => {
    const prod = readFileSync(path.join(repoRoot, 'k8s/overlays/prod/kustomization.yaml'), 'utf8');
    expect(prod).not.toMatch(/kind: (HorizontalPodAutoscaler|KafkaTopic|Pooler|Deployment)\b.*\}\s*\n\s*patch/);
    expect(prod).not.toMatch(/\/spec\/(replicas|minReplicas|maxReplicas|partitions)/);
  });

  it('fits the pooled clients of every pod at the ceiling under PgBouncer, and its pool under PostgreSQL', () => {
    const clients = serviceRegistry.filter((s) => s.database).reduce((sum, s) => sum + plan.scalingOf(s.name).hpa.max * plan.scalingOf(s.name).databasePool, 0);
    expect(clients).toBeLessThanOrEqual(plan.POOLER.maxClientConn);
    expect(plan.POOLER.defaultPoolSize).toBeLessThan(plan.POSTGRES_MAX_CONNECTIONS);
  });
});
