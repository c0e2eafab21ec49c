// biz objects <-> ts-proto messages; the only place that knows both.
import {
  Channel as ChannelMessage,
  NotificationStatus as StatusMessage,
  type Notification as NotificationMessage,
  type Preferences as PreferencesMessage,
} from '@ecommerce/proto/notification/v1/notification';
import { CHANNELS, type Channel } from '../biz/channel.js';
import type { Preferences } from '../biz/manage-preferences.js';
import type { Notification, NotificationStatus } from '../biz/notification.js';

const CHANNEL_TO_PROTO: Record<Channel, ChannelMessage> = {
  email: ChannelMessage.CHANNEL_EMAIL,
  sms: ChannelMessage.CHANNEL_SMS,
  push: ChannelMessage.CHANNEL_PUSH,
};

const STATUS_TO_PROTO: Record<NotificationStatus, StatusMessage> = {
  pending: StatusMessage.NOTIFICATION_STATUS_PENDING,
  sent: StatusMessage.NOTIFICATION_STATUS_SENT,
  failed: StatusMessage.NOTIFICATION_STATUS_FAILED,
};

/** For channels validation already limited to the three real ones. */
export function channelFromProto(channel: ChannelMessage): Channel {
  return CHANNELS.find((c) => CHANNEL_TO_PROTO[c] === channel)!;
}

/** Undefined for UNSPECIFIED (no filter). */
export function statusFromProto(status: StatusMessage): NotificationStatus | undefined {
  return (Object.keys(STATUS_TO_PROTO) as NotificationStatus[]).find((s) => STATUS_TO_PROTO[s] === status);
}

export function preferencesToProto(preferences: Preferences): PreferencesMessage {
  return {
    customerId: preferences.customerId,
    channels: CHANNELS.map((channel) => ({ channel: CHANNEL_TO_PROTO[channel], marketingOptIn: preferences.marketing[channel] })),
    locale: preferences.locale,
  };
}

/**
 * Single-use tokens (password reset, verification, invitation) are kept for a resend but never shown: whoever
 * reads a notification through the API must not be able to use the link in it.
 */
function redactTokens(data: unknown): unknown {
  if (Array.isArray(data)) return data.map(redactTokens);
  if (data === null || typeof data !== 'object') return data;
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, /token$/i.test(key) && typeof value === 'string' && value !== '' ? '[redacted]' : redactTokens(value)]));
}

export function notificationToProto(n: Notification): NotificationMessage {
  return {
    id: n.id,
    eventId: n.eventId,
    eventType: n.eventType,
    template: n.template,
    channel: CHANNEL_TO_PROTO[n.channel],
    locale: n.locale,
    recipientCustomerId: n.recipientCustomerId ?? '',
    recipientAddress: n.recipientAddress,
    dataJson: JSON.stringify(redactTokens(n.data)),
    status: STATUS_TO_PROTO[n.status],
    attempts: n.attempts,
    providerMessageId: n.providerMessageId ?? '',
    lastError: n.lastError ?? '',
    resendOf: n.resendOf ?? '',
    createTime: n.createdAt,
    updateTime: n.updatedAt,
    sentTime: n.sentAt ?? undefined,
    nextAttemptTime: n.nextAttemptAt ?? undefined,
  };
}
