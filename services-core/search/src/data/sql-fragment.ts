// A tagged template for building SQL from parts: values become `?` bindings in the order they appear in the text,
// nested fragments are inlined with their own bindings, so a query assembled from optional parts can never have
// its placeholders and bindings out of step.
export interface Sql {
  readonly text: string;
  readonly bindings: readonly unknown[];
}

const isSql = (v: unknown): v is Sql => typeof v === 'object' && v !== null && 'text' in v && 'bindings' in v;

export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  let text = strings[0]!;
  const bindings: unknown[] = [];
  values.forEach((value, i) => {
    if (isSql(value)) {
      text += value.text;
      bindings.push(...value.bindings);
    } else {
      text += '?';
      bindings.push(value);
    }
    text += strings[i + 1]!;
  });
  return { text, bindings };
}

export const empty: Sql = { text: '', bindings: [] };

export function join(parts: readonly Sql[], separator: string): Sql {
  return { text: parts.map((p) => p.text).join(separator), bindings: parts.flatMap((p) => p.bindings) };
}

/** SQL text known at build time (never user input). */
export function raw(text: string): Sql {
  return { text, bindings: [] };
}
