// A clock the test moves by hand: the simulated carrier's timetable advances only when the test says so.
import type { Clock } from '../src/biz/ports.js';

export class ManualClock implements Clock {
  private current: Date;

  constructor(start = new Date('2026-03-02T09:00:00Z')) {
    this.current = start;
  }

  now(): Date {
    return new Date(this.current);
  }

  advanceHours(hours: number): void {
    this.current = new Date(this.current.getTime() + hours * 3_600_000);
  }
}
