import type { ZodError } from 'zod';
import { ValidationError, type FieldViolation } from './app-error.js';

/** Turns a zod failure into a ValidationError whose details name each offending field. */
export function fromZodError(error: ZodError, prefix?: string): ValidationError {
  const details: FieldViolation[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        details.push({ field: joinPath(prefix, [...issue.path, key]), message: 'unknown field' });
      }
      continue;
    }
    details.push({ field: joinPath(prefix, issue.path), message: issue.message });
  }
  return new ValidationError(details);
}

function joinPath(prefix: string | undefined, path: readonly PropertyKey[]): string {
  const parts = path.map((p) => String(p));
  if (prefix) parts.unshift(prefix);
  return parts.join('.');
}
