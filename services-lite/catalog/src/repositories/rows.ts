// Small helpers shared by the repositories' row -> API object mappers.

/** Drops keys whose value is undefined, so a PATCH only touches the columns it names. */
export function definedOnly<T extends Record<string, unknown>>(values: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  return out;
}

/** Escapes LIKE wildcards so a user's "50%" searches for the text "50%". */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
