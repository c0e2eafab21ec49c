// Shapes every request must have before a use case sees it; zod paths are the ts-proto (camelCase) names, which
// parseProtoRequest reports in the proto's snake_case (`channels[0].channel`).
import { z } from 'zod';
import { Channel, NotificationStatus } from '@ecommerce/proto/notification/v1/notification';
import { EMAIL_MAX_LENGTH, isEmailAddress } from '../biz/email-address.js';
import { TEMPLATE_NAMES, type TemplateName } from '../biz/template-catalog.js';

const id = z.uuid({ message: 'must be a UUID' });
const optionalId = z.union([z.literal(''), id], { message: 'must be a UUID' });
const page = z.number().int().min(0, 'must not be negative').max(100_000, 'must be at most 100000');
const pageSize = z.number().int().min(0, 'must not be negative').max(100, 'must be at most 100');

const channel = z.union([z.literal(Channel.CHANNEL_EMAIL), z.literal(Channel.CHANNEL_SMS), z.literal(Channel.CHANNEL_PUSH)], {
  message: 'must be CHANNEL_EMAIL, CHANNEL_SMS or CHANNEL_PUSH',
});

const template = z.enum(TEMPLATE_NAMES as [TemplateName, ...TemplateName[]], { message: `must be one of ${TEMPLATE_NAMES.join(', ')}` });

/** BCP 47 language with an optional region: `en`, `de`, `de-AT`. */
const locale = z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'must be a language code such as en or de-AT');

const email = z
  .string()
  .trim()
  .max(EMAIL_MAX_LENGTH, `must be at most ${EMAIL_MAX_LENGTH} characters`)
  .refine((value) => value === '' || isEmailAddress(value), 'must be an email address');

export const customerIdRequest = z.object({ customerId: id });

export const updatePreferencesRequest = z.object({
  customerId: id,
  channels: z
    .array(z.object({ channel, marketingOptIn: z.boolean() }))
    .max(3, 'must name each channel at most once')
    .refine((list) => new Set(list.map((c) => c.channel)).size === list.length, 'must name each channel at most once'),
  locale: z.union([z.literal(''), locale]),
});

export const listNotificationsRequest = z.object({
  page,
  pageSize,
  recipientCustomerId: optionalId,
  recipientAddress: z.string().trim().max(EMAIL_MAX_LENGTH, `must be at most ${EMAIL_MAX_LENGTH} characters`),
  status: z.union(
    [
      z.literal(NotificationStatus.NOTIFICATION_STATUS_UNSPECIFIED),
      z.literal(NotificationStatus.NOTIFICATION_STATUS_PENDING),
      z.literal(NotificationStatus.NOTIFICATION_STATUS_SENT),
      z.literal(NotificationStatus.NOTIFICATION_STATUS_FAILED),
    ],
    { message: 'must be a NotificationStatus' },
  ),
  template: z.union([z.literal(''), template]),
});

export const notificationIdRequest = z.object({ id });

export const resendNotificationRequest = z.object({ id, email });

export const previewTemplateRequest = z.object({
  template,
  channel,
  locale: z.union([z.literal(''), locale]),
  dataJson: z
    .string()
    .max(100_000, 'must be at most 100000 characters')
    .transform((text, ctx) => {
      try {
        const parsed: unknown = JSON.parse(text);
        if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
      } catch {
        // reported below
      }
      ctx.addIssue({ code: 'custom', message: 'must be a JSON object' });
      return z.NEVER;
    }),
});
