// 12-factor configuration: environment variables parsed by a zod schema at start-up.
import { z } from 'zod';

export class ConfigError extends Error {
  constructor(readonly variable: string, reason: string) {
    super(`invalid configuration: ${variable} ${reason}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/**
 * Parses `env` with `schema`. The first problem is reported as a ConfigError naming the variable,
 * so a bad deployment fails with one readable line instead of a stack trace later.
 */
export function loadConfig<S extends z.ZodObject>(schema: S, env: Env = process.env): z.infer<S> {
  // Empty strings mean "unset": `FOO= node main.js` should fall back to the default, not fail.
  const cleaned: Env = {};
  for (const [key, value] of Object.entries(env)) if (value !== '') cleaned[key] = value;
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const variable = issue.path.map(String).join('.') || '(environment)';
  const received = cleaned[variable];
  const reason = received === undefined ? `is required (${issue.message})` : `is invalid: ${issue.message}`;
  throw new ConfigError(variable, reason);
}

/** Runs `main` and turns a ConfigError into one line on stderr and exit code 78 (EX_CONFIG). */
export async function runMain(main: () => Promise<unknown>): Promise<void> {
  try {
    await main();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78);
    }
    throw err;
  }
}
