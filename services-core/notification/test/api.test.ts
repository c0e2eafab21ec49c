// The notification service's gRPC API: preferences are the customer's own (staff may read them), staff list, get,
// resend and preview notifications, and bad input is INVALID_ARGUMENT naming the field.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Channel, NotificationStatus } from '@ecommerce/proto/notification/v1/notification';
import { aCustomer, anOrderPlaced, aPasswordReset } from './builders.js';
import { customerToken, eventually, notificationsOf, processed, publish, rejectionOf, startHarness, unaryCall, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

async function sentResetOf(customer = aCustomer()) {
  const created = await publish(h, 'customer.customer.created', customer.id, { customer });
  await eventually(() => processed(h, created));
  const eventId = await publish(h, 'auth.account.password_reset_requested', customer.id, aPasswordReset(customer.id, customer.email));
  const [row] = await eventually(async () => {
    const rows = await notificationsOf(h, eventId);
    expect(rows[0]).toMatchObject({ status: 'sent' });
    return rows;
  });
  return { customer, id: row!.id as string };
}

describe('preferences', () => {
  it('start with marketing off on every channel and change only the channels named', async () => {
    const id = randomUUID();
    const token = await customerToken(h, id);

    const { preferences: before } = await unaryCall(h.client.getPreferences.bind(h.client), { customerId: id }, { token });
    expect(before).toEqual({ customerId: id, locale: 'en', channels: [
      { channel: Channel.CHANNEL_EMAIL, marketingOptIn: false }, { channel: Channel.CHANNEL_SMS, marketingOptIn: false }, { channel: Channel.CHANNEL_PUSH, marketingOptIn: false },
    ] });
    const { preferences: after } = await unaryCall(h.client.updatePreferences.bind(h.client), { customerId: id, channels: [{ channel: Channel.CHANNEL_SMS, marketingOptIn: true }], locale: 'de-AT' }, { token });
    expect(after).toMatchObject({ locale: 'de-AT', channels: [{ marketingOptIn: false }, { channel: Channel.CHANNEL_SMS, marketingOptIn: true }, { marketingOptIn: false }] });
  });

  it('are read by their customer and by staff, and changed by nobody else', async () => {
    const id = randomUUID();
    const other = await customerToken(h, randomUUID());

    expect((await unaryCall(h.client.getPreferences.bind(h.client), { customerId: id }, { token: h.tokens.staff })).preferences?.customerId).toBe(id);
    expect((await rejectionOf(unaryCall(h.client.getPreferences.bind(h.client), { customerId: id }, { token: other }))).type).toBe('permission_denied');
    expect((await rejectionOf(unaryCall(h.client.updatePreferences.bind(h.client), { customerId: id, channels: [], locale: '' }, { token: h.tokens.staff }))).type).toBe('permission_denied');
    expect((await rejectionOf(unaryCall(h.client.getPreferences.bind(h.client), { customerId: id }))).type).toBe('unauthenticated');
  });
});

describe('notifications for staff', () => {
  it('lists by recipient, status and template with pagination, and gets one', async () => {
    const { customer, id } = await sentResetOf();
    const placed = anOrderPlaced(customer.id);
    await publish(h, 'order.order.placed', placed.order!.id, placed);
    await eventually(async () => expect(await h.db('notifications').where({ recipient_customer_id: customer.id }).where({ status: 'sent' })).toHaveLength(2));

    const all = await unaryCall(h.client.listNotifications.bind(h.client), { recipientCustomerId: customer.id, page: 0, pageSize: 1, recipientAddress: '', status: 0, template: '' }, { token: h.tokens.staff });
    expect(all).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(all.notifications[0]).toMatchObject({ template: 'order_placed' }); // newest first
    const second = await unaryCall(h.client.listNotifications.bind(h.client), { recipientCustomerId: customer.id, page: 2, pageSize: 1, recipientAddress: '', status: 0, template: '' }, { token: h.tokens.staff });
    expect(second.notifications[0]).toMatchObject({ id, template: 'password_reset' });
    const filtered = await unaryCall(h.client.listNotifications.bind(h.client), { recipientCustomerId: '', page: 0, pageSize: 0, recipientAddress: customer.email.toUpperCase(), status: NotificationStatus.NOTIFICATION_STATUS_SENT, template: 'password_reset' }, { token: h.tokens.staff });
    expect(filtered.notifications.map((n) => n.id)).toEqual([id]);

    const { notification } = await unaryCall(h.client.getNotification.bind(h.client), { id }, { token: h.tokens.staff });
    expect(notification).toMatchObject({ id, channel: Channel.CHANNEL_EMAIL, status: NotificationStatus.NOTIFICATION_STATUS_SENT, attempts: 1, recipientAddress: customer.email });
    expect(JSON.parse(notification!.dataJson)).toMatchObject({ email: customer.email, resetToken: '[redacted]' });
  });

  it('resends as a new record to the current address, or to a corrected one', async () => {
    const { customer, id } = await sentResetOf();
    const before = h.smtp.mails.length;

    const { notification: resent } = await unaryCall(h.client.resendNotification.bind(h.client), { id, email: '' }, { token: h.tokens.staff });
    expect(resent).toMatchObject({ resendOf: id, status: NotificationStatus.NOTIFICATION_STATUS_PENDING, recipientAddress: customer.email });
    const { notification: corrected } = await unaryCall(h.client.resendNotification.bind(h.client), { id, email: 'ada.new@example.org' }, { token: h.tokens.staff });
    await eventually(() => expect(h.smtp.mails.length).toBe(before + 2));

    expect(h.smtp.mails.slice(before).flatMap((m) => m.to).sort()).toEqual([customer.email, 'ada.new@example.org'].sort());
    await eventually(async () => expect((await h.db('notifications').where({ id: corrected!.id }).first()).status).toBe('sent'));
  });

  it('previews a template with given data', async () => {
    const data = { accountId: randomUUID(), email: 'ada@example.com', resetToken: 'tok-123', expireTime: new Date().toISOString() };
    const preview = await unaryCall(h.client.previewTemplate.bind(h.client), { template: 'password_reset', channel: Channel.CHANNEL_EMAIL, locale: 'de', dataJson: JSON.stringify(data) }, { token: h.tokens.staff });
    expect(preview).toMatchObject({ locale: 'de', subject: expect.stringContaining('Passwort'), body: expect.stringContaining('token=tok-123') });
  });

  it('is for staff only', async () => {
    const { id } = await sentResetOf();
    expect((await rejectionOf(unaryCall(h.client.resendNotification.bind(h.client), { id, email: '' }, { token: h.tokens.customer }))).type).toBe('permission_denied');
    expect((await rejectionOf(unaryCall(h.client.getNotification.bind(h.client), { id }, { token: h.tokens.customer }))).type).toBe('permission_denied');
  });
});

describe('bad input', () => {
  const fieldOf = async (promise: Promise<unknown>) => {
    const err = await rejectionOf(promise);
    expect(err.type).toBe('invalid_argument');
    return err.details.map((d) => d.field);
  };

  it('names the field: a malformed email address, an unknown template, channel, status or locale, a bad id', async () => {
    const staff = { token: h.tokens.staff };
    const { id } = await sentResetOf();
    expect(await fieldOf(unaryCall(h.client.resendNotification.bind(h.client), { id, email: 'ada@@example' }, staff))).toEqual(['email']);
    expect(await fieldOf(unaryCall(h.client.resendNotification.bind(h.client), { id, email: 'a@b.example>, x@evil.example' }, staff))).toEqual(['email']);
    expect(await fieldOf(unaryCall(h.client.listNotifications.bind(h.client), { recipientCustomerId: '', page: 0, pageSize: 0, recipientAddress: '', status: 9 as NotificationStatus, template: 'newsletter' }, staff))).toEqual(['status', 'template']);
    expect(await fieldOf(unaryCall(h.client.listNotifications.bind(h.client), { recipientCustomerId: 'x', page: -1, pageSize: 1000, recipientAddress: '', status: 0, template: '' }, staff))).toEqual(['page', 'page_size', 'recipient_customer_id']);
    expect(await fieldOf(unaryCall(h.client.getNotification.bind(h.client), { id: 'not-a-uuid' }, staff))).toEqual(['id']);
    const customer = randomUUID();
    const own = { token: await customerToken(h, customer) };
    expect(await fieldOf(unaryCall(h.client.updatePreferences.bind(h.client), { customerId: customer, channels: [{ channel: Channel.CHANNEL_UNSPECIFIED, marketingOptIn: true }], locale: 'english' }, own))).toEqual(['channels.0.channel', 'locale']);
  });

  it('names the field when a template refers to a field its data lacks, and when the data is not JSON', async () => {
    const staff = { token: h.tokens.staff };
    const preview = (dataJson: string) => unaryCall(h.client.previewTemplate.bind(h.client), { template: 'order_placed', channel: Channel.CHANNEL_EMAIL, locale: '', dataJson }, staff);

    const err = await rejectionOf(preview(JSON.stringify({ order: { id: 'o-1' } })));
    expect(err.type).toBe('invalid_argument');
    expect(err.details).toEqual([{ field: 'data_json', message: expect.stringMatching(/refers to "order\.[\w.]+", which the data lacks/) }]);
    expect(await fieldOf(preview('{not json'))).toEqual(['data_json']);
    expect(await fieldOf(unaryCall(h.client.previewTemplate.bind(h.client), { template: 'order_placed', channel: Channel.CHANNEL_SMS, locale: '', dataJson: '{}' }, staff))).toEqual(['data_json']);
  });

  it('keeps an event whose address is malformed as a failed notification with the reason, and sends nothing', async () => {
    const before = h.smtp.mails.length;
    const eventId = await publish(h, 'auth.account.invited', randomUUID(), { accountId: randomUUID(), userId: randomUUID(), email: 'not an address', invitationToken: 't', expireTime: new Date() });
    await eventually(async () => expect((await notificationsOf(h, eventId))[0]).toMatchObject({ status: 'failed', last_error: expect.stringContaining('malformed email address') }));
    await h.dispatcher.runOnce();
    expect(h.smtp.mails.length).toBe(before);
  });
});
