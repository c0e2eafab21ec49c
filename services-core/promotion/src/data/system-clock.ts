// The real clock (tests of time-dependent rules bind their own).
import { injectable } from 'inversify';
import type { Clock } from '../biz/ports.js';

@injectable()
export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}
