// Just enough of a browser DOM to run the /docs script in node:vm. Like a browser, `dataset` is read-only and
// anything unknown is undefined, so a script relying on more than this fails the test.
export class FakeElement {
  readonly children: (FakeElement | string)[] = [];
  readonly listeners: Record<string, (event: { preventDefault(): void }) => unknown> = {};
  private readonly data: Record<string, string> = {};
  private text = '';
  [key: string]: unknown;

  constructor(readonly tagName: string) {}

  get dataset(): Record<string, string> {
    return this.data;
  }

  get textContent(): string {
    return this.text;
  }

  set textContent(value: string) {
    this.text = value;
    this.children.length = 0;
  }

  append(...nodes: (FakeElement | string)[]): void {
    this.children.push(...nodes);
  }

  addEventListener(type: string, listener: (event: { preventDefault(): void }) => unknown): void {
    this.listeners[type] = listener;
  }

  querySelectorAll(tag: string): FakeElement[] {
    const found: FakeElement[] = [];
    for (const child of this.children) {
      if (typeof child === 'string') continue;
      if (child.tagName === tag) found.push(child);
      found.push(...child.querySelectorAll(tag));
    }
    return found;
  }
}

export function fakeDocument(ids: Record<string, FakeElement>) {
  return {
    getElementById: (id: string) => ids[id] ?? null,
    createElement: (tag: string) => new FakeElement(tag),
  };
}
