// The SMS and push channels until a real gateway is contracted: providers that only write the message to the log
// (named as such, so nobody mistakes them for delivery) and answer with a made-up message id.
import { randomUUID } from 'node:crypto';
import type { Logger } from '@ecommerce/common/logger';
import type { ChannelProvider, OutgoingMessage } from '../biz/ports.js';

abstract class LoggingProvider implements ChannelProvider {
  constructor(
    private readonly logger: Logger,
    private readonly channel: string,
  ) {}

  async send(message: OutgoingMessage): Promise<{ providerMessageId: string }> {
    const providerMessageId = `logged-${this.channel}-${randomUUID()}`;
    this.logger.info({ notification_id: message.notificationId, channel: this.channel, to: message.to, subject: message.subject, body: message.body, provider_message_id: providerMessageId }, `${this.channel} notification logged (not sent)`);
    return { providerMessageId };
  }
}

export class LoggingSmsProvider extends LoggingProvider {
  constructor(logger: Logger) {
    super(logger, 'sms');
  }
}

export class LoggingPushProvider extends LoggingProvider {
  constructor(logger: Logger) {
    super(logger, 'push');
  }
}
