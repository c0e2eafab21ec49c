// Arrangements for the concurrent-duplicate tests: a gate that holds the one running request, and a counter
// that says when the others have all been answered.
export function gate(): { promise: Promise<void>; open(): void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** Resolves `reached` once `record` has been called `target` times. */
export function countdown(target: number): { record(): void; reached: Promise<void> } {
  let done!: () => void;
  const reached = new Promise<void>((resolve) => (done = resolve));
  let seen = 0;
  return {
    reached,
    record() {
      if (++seen === target) done();
    },
  };
}
