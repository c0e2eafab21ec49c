#!/usr/bin/env node
// `make service NAME=pricing`: a new core service from scripts/service-template, built on the service kit
// (runService, unit of work, event catalog), with its proto, migrations, test harness, README and a place in
// the runner, so every new service starts alike. Usage: new-service.mjs NAME [--http-port N] [--grpc-port N]
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const templates = path.join(repo, 'scripts/service-template');

// DESIGN.md section 2: the ports each planned service is known by.
const DESIGN_PORTS = {
  pricing: [8002, 9002], promotion: [8003, 9003], order: [8004, 9004], payment: [8005, 9005], shipping: [8006, 9006],
  warehouse: [8008, 9008], notification: [8009, 9009], search: [8010, 9010], review: [8011, 9011], loyalty: [8013, 9013],
};
// PostgreSQL keywords that are not unreserved (pg_get_keywords() catcode <> 'U'): goose's `-table` cannot take them unquoted.
const RESTRICTED = new Set(`all analyse analyze and any array as asc asymmetric authorization between bigint binary bit boolean both case cast char character check coalesce collate collation column concurrently constraint create cross current_catalog current_date current_role current_schema current_time current_timestamp current_user dec decimal default deferrable desc distinct do else end except exists extract false fetch float for foreign freeze from full grant greatest group grouping having ilike in initially inner inout int integer intersect interval into is isnull join json json_array json_arrayagg json_exists json_object json_objectagg json_query json_scalar json_serialize json_table json_value lateral leading least left like limit localtime localtimestamp merge_action national natural nchar none normalize not notnull null nullif numeric offset on only or order out outer overlaps overlay placing position precision primary real references returning right row select session_user setof similar smallint some substring symmetric system_user table tablesample then time timestamp to trailing treat trim true union unique user using values varchar variadic verbose when where window with xmlattributes xmlconcat xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi xmlroot xmlserialize xmltable`.split(' '));

function fail(message) {
  process.stderr.write(`make service: ${message}\n`);
  process.exit(2);
}

const { positionals, values } = parseArgs({ allowPositionals: true, options: { 'http-port': { type: 'string' }, 'grpc-port': { type: 'string' } } });
const name = positionals[0] ?? '';
if (!/^[a-z][a-z0-9]{1,30}$/.test(name)) fail(`NAME must be 2-31 lower-case letters or digits, starting with a letter (got "${name}")`);
for (const dir of ['services-core', 'services-lite', 'migrations', 'proto']) {
  if (existsSync(path.join(repo, dir, name))) fail(`${dir}/${name} exists already`);
}
if (existsSync(path.join(repo, 'proto/events/v1', `${name}.proto`))) fail(`proto/events/v1/${name}.proto exists already`);

const { serviceSchema } = await import(path.join(repo, 'packages/common/dist/db/service-schemas.js'));
const schema = serviceSchema(name);
if (RESTRICTED.has(schema)) fail(`"${schema}" is a PostgreSQL keyword; give the service a schema in packages/common/src/db/service-schemas.ts (as user -> users)`);

const port = (flag, fallback) => {
  const text = values[flag] ?? (fallback === undefined ? undefined : String(fallback));
  if (text === undefined) fail(`${name} has no port in DESIGN.md: give HTTP=<port> GRPC=<port>`);
  if (!/^\d+$/.test(text) || Number(text) < 1024 || Number(text) > 65535) fail(`--${flag} must be a port number from 1024 to 65535 (got "${text}")`);
  return Number(text);
};
const httpPort = port('http-port', DESIGN_PORTS[name]?.[0]);
const grpcPort = port('grpc-port', DESIGN_PORTS[name]?.[1]);
const runnerServices = path.join(repo, 'runner/src/services.ts');
const hosted = readFileSync(runnerServices, 'utf8');
for (const taken of [httpPort, grpcPort]) {
  if (new RegExp(`\\b${taken}\\b`).test(readFileSync(path.join(repo, 'runner/src/registry.ts'), 'utf8'))) fail(`port ${taken} is taken by a service in runner/src/registry.ts`);
}

const Name = name[0].toUpperCase() + name.slice(1);
const substitute = (text) =>
  text.replaceAll('__name__', name).replaceAll('__Name__', Name).replaceAll('__schema__', schema)
    .replaceAll('__HTTP_PORT__', String(httpPort)).replaceAll('__GRPC_PORT__', String(grpcPort));
const written = [];

/** Copies the template tree `from` to `to`, substituting names in paths and contents. */
function copyTree(from, to) {
  for (const entry of readdirSync(from)) {
    const source = path.join(from, entry);
    const target = path.join(to, substitute(entry));
    if (statSync(source).isDirectory()) {
      copyTree(source, target);
    } else {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, substitute(readFileSync(source, 'utf8')));
      written.push(path.relative(repo, target));
    }
  }
}

copyTree(path.join(templates, 'proto'), path.join(repo, 'proto'));
copyTree(path.join(templates, 'migrations'), path.join(repo, 'migrations'));
copyTree(path.join(templates, 'service'), path.join(repo, 'services-core', name));

// The outbox and inbox come from the one template in migrations/README.md, verbatim, as every service's do.
const readme = readFileSync(path.join(repo, 'migrations/README.md'), 'utf8');
const outbox = /<!-- outbox-inbox-template:start -->\s*```sql\n([\s\S]*?)```/.exec(readme)?.[1];
if (!outbox) fail('the outbox template block is missing from migrations/README.md');
writeFileSync(path.join(repo, 'migrations', name, '00001_create_event_outbox_inbox.sql'), outbox);
written.push(`migrations/${name}/00001_create_event_outbox_inbox.sql`);

registerInRunner();
for (const file of written.sort()) process.stdout.write(`created ${file}\n`);
process.stdout.write(`registered ${name} in runner/src/registry.ts (HTTP ${httpPort}, gRPC ${grpcPort}; edit its calls and consumes there), runner/src/services.ts, runner/package.json and the tsconfig references\n`);

/** The registry lists the service before the gateway, the runner gets its start function; package and project references follow. */
function registerInRunner() {
  const registryFile = path.join(repo, 'runner/src/registry.ts');
  const registry = readFileSync(registryFile, 'utf8');
  const anchor = '  // Last: the front door';
  if (!registry.includes(anchor)) fail(`runner/src/registry.ts has no "${anchor.trim()}" line to insert before`);
  const spec = `  { name: '${name}', tier: 'core', dir: 'services-core/${name}', ports: { http: ${httpPort}, grpc: ${grpcPort} }, calls: ['auth'], consumes: [], database: true },\n`;
  writeFileSync(registryFile, registry.replace(anchor, `${spec}${anchor}`));

  const starterAnchor = '  gateway: startGateway,';
  if (!hosted.includes(starterAnchor)) fail(`runner/src/services.ts has no "${starterAnchor.trim()}" line to insert before`);
  const imports = [...hosted.matchAll(/^import .* from '@ecommerce\/[a-z]+';$/gm)];
  const lastImport = imports.at(-1);
  if (!lastImport) fail('runner/src/services.ts imports no service');
  const importLine = `import { start${Name} } from '@ecommerce/${name}';\n`;
  let next = hosted.slice(0, lastImport.index + lastImport[0].length + 1) + importLine + hosted.slice(lastImport.index + lastImport[0].length + 1);
  next = next.replace(starterAnchor, `  ${name}: start${Name},\n${starterAnchor}`);
  writeFileSync(runnerServices, next);

  const runnerPackage = path.join(repo, 'runner/package.json');
  const pkg = JSON.parse(readFileSync(runnerPackage, 'utf8'));
  pkg.dependencies[`@ecommerce/${name}`] = 'workspace:*';
  pkg.dependencies = Object.fromEntries(Object.entries(pkg.dependencies).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(runnerPackage, `${JSON.stringify(pkg, null, 2)}\n`);

  addReference(path.join(repo, 'runner/tsconfig.json'), `../services-core/${name}`);
  addReference(path.join(repo, 'tsconfig.json'), `services-core/${name}`);
}

function addReference(file, reference) {
  const config = JSON.parse(readFileSync(file, 'utf8'));
  config.references = [...(config.references ?? []), { path: reference }];
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
}
