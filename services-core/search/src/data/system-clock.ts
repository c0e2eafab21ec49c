// The clock of a running service (tests may bind another).
import type { Clock } from '../biz/ports.js';

export const systemClock: Clock = { now: () => new Date() };
