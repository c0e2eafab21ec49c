// At most `limit` checkouts drive their saga at once in this process; the rest wait their turn in memory,
// holding no connection. A burst of checkouts on one product otherwise reaches the participants all at once
// (500 concurrent Reserve calls exhausted the warehouse's connection pool, and the saga then failed orders
// for "unavailable" instead of for the stock they lacked).
export class Admission {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error('admission limit must be a positive integer');
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active += 1;
    try {
      return await work();
    } finally {
      // The slot passes straight to the next waiter, so `active` never dips below the work in flight.
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    }
  }
}
