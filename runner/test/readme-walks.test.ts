// The README walk-throughs, as a new user runs them in order against `make dev`: one password per person, every
// curl with a host and (when it sends a body) a JSON content type, and a service started alone with what
// distributed mode requires. (runner/test/gateway.test.ts runs the main walk against the real ecosystem.)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { curlCommands, curlProblems, passwordsByEmail } from './support/readme-walks.js';

// README_ROOT checks another checkout's READMEs (e.g. an older commit's, to see the walk-throughs it shipped).
const repoRoot = process.env.README_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const READMES = ['README.md', 'services-lite/auth/README.md', 'services-lite/customer/README.md'];
const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');

describe('README walk-throughs', () => {
  it.each(READMES)('%s: every person is registered and logged in with one password', (file) => {
    const conflicting = [...passwordsByEmail(read(file))].filter(([, passwords]) => passwords.size > 1);
    expect(conflicting.map(([email, passwords]) => `${email}: ${[...passwords].join(' / ')}`)).toEqual([]);
  });

  it.each(READMES)('%s: every curl names its host and sends JSON with a JSON content type', (file) => {
    const problems = curlCommands(read(file)).flatMap((command) => curlProblems(command).map((p) => `${p} in: ${command}`));
    expect(problems).toEqual([]);
  });

  it('README.md: a service run alone gets KAFKA_BROKERS (distributed mode) or RUN_MODE=embedded', () => {
    const section = read('README.md').split('## Running one service alone')[1]!.split('\n## ')[0]!;
    const command = /```bash\n([\s\S]*?)```/.exec(section)![1]!;
    expect(command).toMatch(/KAFKA_BROKERS=|RUN_MODE=embedded/);
    expect(section).toMatch(/RUN_MODE=embedded/);
  });

  it('README.md: the customer walk says the profile arrives a moment after registration', () => {
    const section = read('README.md').split('## Customer API')[1]!.split('\n## ')[0]!;
    expect(section).toMatch(/outbox/);
    expect(section).toMatch(/404/);
  });
});
