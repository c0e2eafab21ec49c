// The email channel: plain-text mail over SMTP with nodemailer (SMTP_URL, MAIL_FROM). The server's answer decides
// what follows a failure: a 5xx reply is permanent; a 4xx reply or no answer at all (refused, timed out, dropped)
// is worth another try later.
import nodemailer, { type Transporter } from 'nodemailer';
import { DeliveryError } from '../biz/notification.js';
import type { ChannelProvider, OutgoingMessage } from '../biz/ports.js';

export class SmtpEmailProvider implements ChannelProvider {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    // One connection per mail keeps a dropped connection from failing the next one; volumes here are small.
    this.transport = nodemailer.createTransport(smtpUrl);
  }

  async send(message: OutgoingMessage): Promise<{ providerMessageId: string }> {
    try {
      const info = await this.transport.sendMail({
        from: this.from,
        to: message.to,
        subject: message.subject,
        text: message.body,
        headers: { 'X-Notification-Id': message.notificationId },
      });
      return { providerMessageId: String(info.messageId ?? '') };
    } catch (err) {
      const code = (err as { responseCode?: unknown }).responseCode;
      const permanent = typeof code === 'number' && code >= 500;
      throw new DeliveryError(`smtp: ${err instanceof Error ? err.message : String(err)}`, permanent);
    }
  }

  close(): void {
    this.transport.close();
  }
}
