// Events to mail through a real SMTP server on loopback: a redelivered event sends one email; a 4xx reply is
// retried after the backoff (by the test's clock) and then delivered; a 5xx reply ends the notification as failed
// and announced; marketing goes only to those who opted in, while transactional mail always goes.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Channel } from '@ecommerce/proto/notification/v1/notification';
import { aCustomer, aDelivery, anOrderPlaced, aPasswordReset } from './builders.js';
import { customerToken, eventually, notificationsOf, processed, publish, RETRY_BASE_MS, startHarness, unaryCall, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const mailsTo = (address: string) => h.smtp.mails.filter((m) => m.to.includes(address));

async function knownCustomer() {
  const customer = aCustomer();
  const eventId = await publish(h, 'customer.customer.created', customer.id, { customer });
  await eventually(() => processed(h, eventId));
  return customer;
}

describe('delivery', () => {
  it('sends one email for an event delivered twice', async () => {
    const customer = await knownCustomer();
    const placed = anOrderPlaced(customer.id);

    const eventId = await publish(h, 'order.order.placed', placed.order!.id, placed);
    await publish(h, 'order.order.placed', placed.order!.id, placed, eventId);
    await eventually(() => processed(h, eventId));
    await eventually(async () => expect((await notificationsOf(h, eventId))[0]).toMatchObject({ status: 'sent', attempts: 1 }));
    await h.dispatcher.runOnce();

    const mails = mailsTo(customer.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.headers.subject).toContain(placed.order!.id);
    expect(await notificationsOf(h, eventId)).toHaveLength(1);
  });

  it('retries an SMTP 4xx after the backoff and then delivers, announcing it once', async () => {
    const customer = await knownCustomer();
    const placed = anOrderPlaced(customer.id);
    h.smtp.refuseNext(1, 421);

    const eventId = await publish(h, 'order.order.placed', placed.order!.id, placed);
    const [waiting] = await eventually(async () => {
      const rows = await notificationsOf(h, eventId);
      expect(rows[0]).toMatchObject({ status: 'pending', attempts: 1, last_error: expect.stringContaining('421') });
      return rows;
    });
    // Not due until the backoff has passed: a round now sends nothing.
    await h.dispatcher.runOnce();
    expect(mailsTo(customer.email)).toHaveLength(0);
    expect(new Date(waiting!.next_attempt_at as Date).getTime()).toBeGreaterThanOrEqual(Date.now() + RETRY_BASE_MS - 60_000);

    h.clock.advance(RETRY_BASE_MS);
    await h.dispatcher.runOnce();

    expect(mailsTo(customer.email)).toHaveLength(1);
    const [sent] = await notificationsOf(h, eventId);
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, last_error: null, provider_message_id: expect.stringContaining('@') });
    const announced = await h.db('outbox_events').where({ event_key: sent!.id }).select('event_type');
    expect(announced.map((e) => e.event_type)).toEqual(['notification.notification.sent']);
  });

  it('ends a notification the server refuses with a 5xx as failed at once, and announces the failure', async () => {
    const customer = await knownCustomer();
    const placed = anOrderPlaced(customer.id);
    h.smtp.refuseNext(1, 550);

    const eventId = await publish(h, 'order.order.placed', placed.order!.id, placed);
    const [failed] = await eventually(async () => {
      const rows = await notificationsOf(h, eventId);
      expect(rows[0]).toMatchObject({ status: 'failed', attempts: 1, last_error: expect.stringContaining('550'), next_attempt_at: null });
      return rows;
    });

    expect(mailsTo(customer.email)).toHaveLength(0);
    const announced = await h.db('outbox_events').where({ event_key: failed!.id }).select('event_type');
    expect(announced.map((e) => e.event_type)).toEqual(['notification.notification.failed']);
  });

  it('honours a marketing opt-out while a password reset and the delivery mail still go out', async () => {
    const customer = await knownCustomer();
    const token = await customerToken(h, customer.id);
    const placed = anOrderPlaced(customer.id);
    const placedId = await publish(h, 'order.order.placed', placed.order!.id, placed);
    await eventually(() => processed(h, placedId));
    await unaryCall(h.client.updatePreferences.bind(h.client), { customerId: customer.id, channels: [{ channel: Channel.CHANNEL_EMAIL, marketingOptIn: false }], locale: '' }, { token });

    const resetId = await publish(h, 'auth.account.password_reset_requested', customer.id, aPasswordReset(customer.id, customer.email));
    const deliveredId = await publish(h, 'shipping.shipment.delivered', randomUUID(), aDelivery(placed.order!.id));
    await eventually(() => processed(h, deliveredId));
    await eventually(() => expect(mailsTo(customer.email)).toHaveLength(3));

    const subjects = mailsTo(customer.email).map((m) => m.headers.subject);
    expect(subjects).toEqual(expect.arrayContaining([expect.stringContaining('Reset your'), expect.stringContaining('was delivered')]));
    expect(subjects.some((s) => s?.includes('How do you like'))).toBe(false);
    // The server has the mail a moment before the dispatcher's transaction records it as sent.
    await eventually(async () => expect((await notificationsOf(h, resetId))[0]).toMatchObject({ template: 'password_reset', status: 'sent' }));
    expect((await notificationsOf(h, deliveredId)).map((n) => `${n.template}/${n.channel}`).sort()).toEqual(['shipment_delivered/email', 'shipment_delivered/push']);
  });

  it('sends the marketing mail to a customer who opted in on email', async () => {
    const customer = await knownCustomer();
    const token = await customerToken(h, customer.id);
    await unaryCall(h.client.updatePreferences.bind(h.client), { customerId: customer.id, channels: [{ channel: Channel.CHANNEL_EMAIL, marketingOptIn: true }], locale: '' }, { token });
    const placed = anOrderPlaced(customer.id);
    const placedId = await publish(h, 'order.order.placed', placed.order!.id, placed);
    await eventually(() => processed(h, placedId));

    const deliveredId = await publish(h, 'shipping.shipment.delivered', randomUUID(), aDelivery(placed.order!.id));
    await eventually(async () => expect((await notificationsOf(h, deliveredId)).filter((n) => n.channel === 'email' && n.status === 'sent')).toHaveLength(2));

    expect(mailsTo(customer.email).map((m) => m.headers.subject)).toEqual(expect.arrayContaining([expect.stringContaining('How do you like')]));
    // Push goes through the logging provider (a made-up id, nothing delivered).
    expect((await notificationsOf(h, deliveredId)).find((n) => n.channel === 'push')).toMatchObject({ status: 'sent', provider_message_id: expect.stringMatching(/^logged-push-/) });
  });

  it('writes in the customer’s chosen locale, and keeps a mail it cannot address as failed with the reason', async () => {
    const customer = await knownCustomer();
    const token = await customerToken(h, customer.id);
    await unaryCall(h.client.updatePreferences.bind(h.client), { customerId: customer.id, channels: [], locale: 'de' }, { token });
    const placed = anOrderPlaced(customer.id);
    await publish(h, 'order.order.placed', placed.order!.id, placed);
    await eventually(() => expect(mailsTo(customer.email)).toHaveLength(1));
    expect(mailsTo(customer.email)[0]!.headers.subject).toMatch(/Bestellung|=\?UTF-8\?/);

    const guest = anOrderPlaced('');
    const guestId = await publish(h, 'order.order.placed', guest.order!.id, guest);
    await eventually(async () => expect((await notificationsOf(h, guestId))[0]).toMatchObject({ status: 'failed', attempts: 0, last_error: expect.stringContaining('names no customer') }));
  });

  it('sends an order mail that arrived before its customer’s address once the address is known', async () => {
    const customer = aCustomer();
    const placed = anOrderPlaced(customer.id);
    const placedId = await publish(h, 'order.order.placed', placed.order!.id, placed);
    await eventually(async () => expect((await notificationsOf(h, placedId))[0]).toMatchObject({ status: 'pending', attempts: 1, last_error: expect.stringContaining('no email address') }));

    const created = await publish(h, 'customer.customer.created', customer.id, { customer });
    await eventually(() => processed(h, created));
    h.clock.advance(RETRY_BASE_MS);
    await h.dispatcher.runOnce();

    expect(mailsTo(customer.email)).toHaveLength(1);
    expect((await notificationsOf(h, placedId))[0]).toMatchObject({ status: 'sent', attempts: 2, recipient_address: customer.email });
  });
});
