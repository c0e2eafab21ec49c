// The notification service's environment, validated at start-up (one line naming a bad variable).
import { z } from 'zod';
import { baseEnv, port } from '@ecommerce/common/config';
import { eventsEnv } from '@ecommerce/common/events';

export const notificationEnv = baseEnv.extend(eventsEnv.shape).extend({
  HTTP_PORT: port(8009),
  GRPC_PORT: port(9009),
  GRPC_HOST: z.string().default('0.0.0.0'),
  /** How long in-flight calls may finish after SIGTERM. */
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  /** Where mail goes (smtp:// or smtps://, credentials in the URL). The default is Mailpit's SMTP port. */
  SMTP_URL: z.url({ protocol: /^smtps?$/, message: 'must be an smtp:// or smtps:// URL' }).default('smtp://127.0.0.1:1025'),
  /** The From header of every mail. */
  MAIL_FROM: z.string().min(3).default('Shop <no-reply@shop.example>'),
  /** The shop's name and public address, for templates (links in mails). */
  SHOP_NAME: z.string().min(1).default('Shop'),
  SHOP_URL: z.url().default('http://localhost:8080'),
  /** Tries of one notification before it ends as failed (transient failures only; a 5xx ends it at once). */
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
  /** The first retry's delay, doubling each time up to NOTIFY_RETRY_MAX_MS. */
  NOTIFY_RETRY_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(30_000),
  NOTIFY_RETRY_MAX_MS: z.coerce.number().int().min(1).max(86_400_000).default(3_600_000),
  /** How often the dispatcher looks for due notifications. */
  NOTIFY_DISPATCH_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(250),
});

export type NotificationConfig = z.infer<typeof notificationEnv>;
