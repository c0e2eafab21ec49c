// A JSON response body serialised once, with its ETag, so a body that is read many times (a cached list) costs
// neither JSON.stringify nor hashing per request.
import { createHash } from 'node:crypto';

export interface JsonBody {
  readonly bytes: Buffer;
  /** Weak: the body is the same JSON, byte for byte, but a proxy that re-encodes it keeps the tag valid. */
  readonly etag: string;
}

export function jsonBody(value: unknown): JsonBody {
  const bytes = Buffer.from(JSON.stringify(value), 'utf8');
  return { bytes, etag: `W/"${createHash('sha1').update(bytes).digest('base64url')}"` };
}

/**
 * Remembers the body made from each frozen source value (the in-process cache hands out the same frozen object
 * for every hit, until the entry goes, and then the body goes with it). A value that is not frozen could still
 * change, so it is rendered afresh. One memo serves one way of rendering: `render` must give the same JSON for the
 * same source every time.
 */
export class JsonBodyMemo<S extends object> {
  private readonly bodies = new WeakMap<S, JsonBody>();

  body(source: S, render: (source: S) => unknown): JsonBody {
    if (!Object.isFrozen(source)) return jsonBody(render(source));
    let body = this.bodies.get(source);
    if (!body) {
      body = jsonBody(render(source));
      this.bodies.set(source, body);
    }
    return body;
  }
}
