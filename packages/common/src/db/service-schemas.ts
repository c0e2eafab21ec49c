// Which PostgreSQL schema holds each service's data and version table: the one place that knows, for the
// migration CLI, the outbox relay and the operators' goose commands (DESIGN.md section 4).

/**
 * Services whose name is not a plain identifier that goose's `-table schema.table` accepts unquoted.
 * `user` and `order` are reserved words: their data lives in `users` and `orders`.
 */
const RENAMED: Readonly<Record<string, string>> = { user: 'users', order: 'orders' };

/** Where releases before the rename kept a service's data; the migration CLI moves it once (legacy-schema.ts). */
const LEGACY: Readonly<Record<string, string>> = { user: 'user' };

/** The schema of `service`: its name unless renamed above. */
export function serviceSchema(service: string): string {
  return RENAMED[service] ?? service;
}

/** The schema an older release used for `service`, if it differs from today's. */
export function legacyServiceSchema(service: string): string | undefined {
  return LEGACY[service];
}
