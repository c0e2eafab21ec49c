// A template's data is its event's payload as the generated type decodes it, with every field present (proto-JSON
// leaves out empty ones, and strict templates must not fail on an empty tracking number): dates become ISO
// strings and absent messages null, so it stores as JSON and renders the same after a restart.
export function templateDataOf(payload: object): Record<string, unknown> {
  return JSON.parse(JSON.stringify(payload, (_key, value: unknown) => (value === undefined ? null : value))) as Record<string, unknown>;
}
