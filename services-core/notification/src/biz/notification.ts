// A notification as the domain sees it, and the retry rule of its delivery: a transient failure (SMTP 4xx, a
// connection error) is tried again after a growing delay; a permanent one (SMTP 5xx) or the last try ends it.
import type { Channel } from './channel.js';
import type { TemplateName } from './template-catalog.js';

export type NotificationStatus = 'pending' | 'sent' | 'failed';

export interface Notification {
  id: string;
  eventId: string;
  eventType: string;
  template: TemplateName;
  channel: Channel;
  locale: string;
  recipientCustomerId: string | null;
  recipientAddress: string;
  data: Record<string, unknown>;
  status: NotificationStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  providerMessageId: string | null;
  lastError: string | null;
  resendOf: string | null;
  createdAt: Date;
  updatedAt: Date;
  sentAt: Date | null;
}

export type NewNotification = Pick<Notification, 'eventId' | 'eventType' | 'template' | 'channel' | 'locale' | 'recipientCustomerId' | 'recipientAddress' | 'data'> & {
  resendOf?: string;
  /** When it may first be tried; failed at once (with `lastError`) when it cannot be sent at all. */
  nextAttemptAt: Date;
};

/** A provider's refusal; `permanent` ones are not retried. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export type AttemptOutcome = { status: 'failed' } | { status: 'pending'; nextAttemptAt: Date };

/** What follows a failed attempt (`attempts` counts it): exponential backoff, capped, until maxAttempts. */
export function afterFailedAttempt(policy: RetryPolicy, attempts: number, permanent: boolean, now: Date): AttemptOutcome {
  if (permanent || attempts >= policy.maxAttempts) return { status: 'failed' };
  const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempts - 1));
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + delay) };
}
