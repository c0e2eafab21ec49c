// The service registry is the one list everything else is derived from, so it has to match the repository: every
// service package is in it, its ports are unique, what it calls exists, and the events its handlers consume are
// the ones it declares (found in the sources as `'<service>.<aggregate>.<verb>':` handler keys).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eventCatalog } from '@ecommerce/proto/event-catalog';
import { describe, expect, it } from 'vitest';
import { serviceRegistry, type ServiceSpec } from '../src/registry.js';
import { hostedServices } from '../src/services.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const eventTypes = Object.keys(eventCatalog);
const matches = (pattern: string, type: string) => (pattern.endsWith('.*') ? type.startsWith(pattern.slice(0, -1)) : type === pattern);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const file = path.join(dir, entry);
    return statSync(file).isDirectory() ? sourceFiles(file) : file.endsWith('.ts') && !file.endsWith('.test.ts') ? [file] : [];
  });
}

/** Event types a service's handlers are keyed by. */
function handledEvents(spec: ServiceSpec): string[] {
  const keys = sourceFiles(path.join(repoRoot, spec.dir, 'src')).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/'([a-z]+\.[a-z_]+\.[a-z_]+)'\s*:/g)].map((m) => m[1]!),
  );
  return [...new Set(keys)].filter((type) => eventTypes.includes(type)).sort();
}

describe('service registry', () => {
  it('lists every service package, and only those', () => {
    const packages = ['services-lite', 'services-core'].flatMap((tier) => readdirSync(path.join(repoRoot, tier)).map((name) => `${tier}/${name}`)).sort();
    expect(serviceRegistry.map((s) => s.dir).sort()).toEqual(packages);
    for (const spec of serviceRegistry) expect(spec.dir, spec.name).toBe(`services-${spec.tier}/${spec.name}`);
  });

  it('gives each service unique ports, a gRPC port exactly to the core services with an API, and one edge', () => {
    const ports = serviceRegistry.flatMap((s) => [s.ports.http, ...(s.ports.grpc ? [s.ports.grpc] : [])]);
    expect(new Set(ports).size).toBe(ports.length);
    for (const spec of serviceRegistry) expect(spec.ports.grpc !== undefined, spec.name).toBe(spec.tier === 'core' && !spec.edge);
    expect(serviceRegistry.filter((s) => s.edge).map((s) => s.name)).toEqual(['gateway']);
    expect(serviceRegistry.at(-1)!.edge).toBe(true);
  });

  it('has migrations exactly for the services that own a database', () => {
    for (const spec of serviceRegistry) expect(existsSync(path.join(repoRoot, 'migrations', spec.name)), spec.name).toBe(spec.database);
  });

  it('names only known services as callees, and known event types as consumed', () => {
    const names = serviceRegistry.map((s) => s.name);
    for (const spec of serviceRegistry) {
      expect(spec.calls.filter((callee) => !names.includes(callee) || callee === spec.name), spec.name).toEqual([]);
      expect(spec.consumes.filter((pattern) => !eventTypes.some((type) => matches(pattern, type))), spec.name).toEqual([]);
    }
  });

  it('declares every event type a service has a handler for', () => {
    for (const spec of serviceRegistry) {
      expect(handledEvents(spec).filter((type) => !spec.consumes.some((pattern) => matches(pattern, type))), `${spec.name} handles undeclared events`).toEqual([]);
    }
  });

  it('is what the embedded runner starts, in the same order', () => {
    expect(hostedServices.map((s) => s.name)).toEqual(serviceRegistry.map((s) => s.name));
  });
});
