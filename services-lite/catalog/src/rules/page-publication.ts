// When a CMS page becomes visible: publishing without a date means "now"; a future date schedules it.

export interface PublicationState {
  status: 'draft' | 'published';
  publishedAt: Date | null;
}

export interface PublicationChange {
  status?: 'draft' | 'published' | undefined;
  /** undefined: unchanged; null: cleared; string: an ISO-8601 instant. */
  publishedAt?: string | null | undefined;
}

/** The publication state after applying `change` to `current` (null for a page being created). */
export function resolvePublication(current: PublicationState | null, change: PublicationChange, now: Date): PublicationState {
  const status = change.status ?? current?.status ?? 'draft';
  let publishedAt =
    change.publishedAt === undefined ? (current?.publishedAt ?? null) : change.publishedAt === null ? null : new Date(change.publishedAt);
  if (status === 'published' && publishedAt === null) publishedAt = now;
  return { status, publishedAt };
}
