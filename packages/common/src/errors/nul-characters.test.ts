import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ValidationError } from './app-error.js';
import { NUL_MESSAGE, nulCharacterViolations } from './nul-characters.js';
import { parseInput } from './parse-input.js';

describe('nulCharacterViolations', () => {
  it('names values, array items and keys holding a NUL, as dotted paths', () => {
    expect(nulCharacterViolations({ name: 'a\u0000b', tags: ['ok', '\u0000'], attrs: { 'k\u0000': 1 }, fine: 'x', when: new Date() })).toEqual([
      { field: 'attrs.k\\u0000', message: expect.stringContaining('keys') },
      { field: 'name', message: NUL_MESSAGE },
      { field: 'tags.1', message: NUL_MESSAGE },
    ]);
  });

  it('walks a deeply nested value without overflowing the stack', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(nulCharacterViolations(deep)).toHaveLength(1);
  });
});

describe('parseInput', () => {
  const schema = z.object({ name: z.string(), count: z.number() }).strict();

  it('refuses a NUL the schema accepts, naming the field once, alongside the schema’s own violations', () => {
    const attempt = () => parseInput(schema, { name: 'a\u0000', count: 'three' });
    expect(attempt).toThrow(ValidationError);
    try {
      attempt();
    } catch (err) {
      expect((err as ValidationError).details.map((d) => d.field)).toEqual(['name', 'count']);
    }
  });

  it('returns the parsed value when there is no problem', () => {
    expect(parseInput(schema, { name: 'a', count: 1 })).toEqual({ name: 'a', count: 1 });
  });
});
