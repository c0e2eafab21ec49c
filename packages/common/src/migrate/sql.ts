// Identifier quoting without importing the pg module's runtime just for one helper.
export function escapeIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
