// ETags of pre-serialised bodies, their weak comparison, and a body made once per frozen value.
import { describe, expect, it } from 'vitest';
import { jsonBody, JsonBodyMemo, matchesAny } from '../../src/http/index.js';

describe('jsonBody', () => {
  it('holds the JSON bytes and a weak ETag that follows the content', () => {
    const a = jsonBody({ success: true, data: [1, 2] });
    expect(a.bytes.toString('utf8')).toBe('{"success":true,"data":[1,2]}');
    expect(a.etag).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
    expect(jsonBody({ success: true, data: [1, 2] }).etag).toBe(a.etag);
    expect(jsonBody({ success: true, data: [1, 3] }).etag).not.toBe(a.etag);
  });
});

describe('matchesAny', () => {
  const etag = 'W/"abc"';
  it.each([
    ['the same tag', 'W/"abc"', true],
    ['the strong form of the tag', '"abc"', true],
    ['the tag among others', '"x", W/"abc" , "y"', true],
    ['a wildcard', '*', true],
    ['another tag', 'W/"abd"', false],
    ['an empty header', '', false],
  ])('%s -> %s', (_name, header, expected) => {
    expect(matchesAny(header, etag)).toBe(expected);
  });
});

describe('JsonBodyMemo', () => {
  it('renders a frozen value once, and a value that can still change every time', () => {
    const memo = new JsonBodyMemo<{ n: number }>();
    let renders = 0;
    const render = (v: { n: number }) => {
      renders += 1;
      return v;
    };
    const frozen = Object.freeze({ n: 1 });
    const first = memo.body(frozen, render);
    expect(memo.body(frozen, render)).toBe(first);
    expect(renders).toBe(1);

    const open = { n: 1 };
    memo.body(open, render);
    open.n = 2;
    expect(memo.body(open, render).bytes.toString()).toBe('{"n":2}');
    expect(renders).toBe(3);
  });
});
