// ISO-8601 timestamps as request fields: what zod's iso.datetime accepts, kept to the instants every part of the
// platform can hold. PostgreSQL has no year 0000 (it refuses "0000-..." outright, a 500 if it gets that far), and
// an instant past 9999-12-31 would come back out of JavaScript as "+010000-...", which is no ISO-8601 timestamp.
import { z } from 'zod';

const EARLIEST = Date.parse('0001-01-01T00:00:00.000Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');
export const TIMESTAMP_RANGE_MESSAGE = 'must be between 0001-01-01 and 9999-12-31 (UTC)';

/** `z.iso.datetime(options)`, refusing year 0000 and instants outside 0001-01-01 .. 9999-12-31 UTC (400, not 500). */
export function isoTimestamp(options?: Parameters<typeof z.iso.datetime>[0]) {
  return z.iso.datetime(options).refine((value) => {
    const instant = Date.parse(value);
    // Not a timestamp at all: the format check has said so, once is enough.
    if (Number.isNaN(instant)) return true;
    return !value.startsWith('0000') && instant >= EARLIEST && instant <= LATEST;
  }, TIMESTAMP_RANGE_MESSAGE);
}
