// Text the way goose prints it, so its users read our output without surprise.

/** Go's time.Duration string after goose's truncateDuration: `12.34ms`, `1.5s`, `840.12µs`. */
export function formatDuration(ms: number): string {
  if (ms >= 1000) return `${trim((ms / 1000).toFixed(2))}s`;
  if (ms >= 1) return `${trim(ms.toFixed(2))}ms`;
  return `${trim((ms * 1000).toFixed(2))}µs`;
}

function trim(fixed: string): string {
  return fixed.replace(/\.?0+$/, '');
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Go's time.ANSIC layout (`Wed Nov 25 11:22:08 2026`, day padded with a space) of a Postgres
 * `timestamp` text. The column has no time zone, so the wall-clock fields are printed as stored.
 */
export function formatAnsic(timestamp: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(timestamp);
  if (!m) return timestamp;
  const [, y, mo, d, h, mi, s] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  return `${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${String(Number(d)).padStart(2, ' ')} ${h}:${mi}:${s} ${y}`;
}

/** One row of `status`: `    <applied at or Pending, 24 wide> -- <file>`. */
export function statusLine(appliedAt: string | undefined, file: string): string {
  return `    ${(appliedAt === undefined ? 'Pending' : formatAnsic(appliedAt)).padEnd(24)} -- ${file}`;
}

export const STATUS_HEADER = ['    Applied At                  Migration', '    ======================================='];
