// The template library: every template, on every channel and in every locale it has, renders with the real
// payload of its event (built as the producing service builds it); strict mode turns a field the data lacks into
// INVALID_ARGUMENT naming the field; a locale without a file falls back to its language, then to `en`.
import { randomUUID } from 'node:crypto';
import type { ValidationError } from '@ecommerce/common/errors';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_CATALOG, TEMPLATE_NAMES, type TemplateName } from '../src/biz/template-catalog.js';
import { templateDataOf } from '../src/events/template-data.js';
import { readTemplateSources } from '../src/rendering/template-files.js';
import { HandlebarsTemplateLibrary } from '../src/rendering/template-library.js';
import { aDelivery, anInvitation, anOrderPlaced, aPasswordReset, aRefund, aRegistration, aShipment, aVerificationRequest } from './builders.js';

const library = new HandlebarsTemplateLibrary({ name: 'Test Shop', url: 'https://shop.example' });

const orderId = randomUUID();
/** Each template's event payload, as its producer publishes it. */
const payloads: Record<TemplateName, object> = {
  welcome_verification: aRegistration(),
  email_verification: aVerificationRequest(randomUUID(), 'ada@example.com'),
  password_reset: aPasswordReset(randomUUID(), 'ada@example.com'),
  staff_invitation: anInvitation(),
  order_placed: anOrderPlaced(randomUUID()),
  payment_refunded: aRefund(randomUUID(), orderId),
  shipment_shipped: aShipment(orderId),
  shipment_delivered: aDelivery(orderId),
  review_request: aDelivery(orderId),
};

const cases = readTemplateSources().map((s) => ({ name: `${s.template} ${s.channel}.${s.locale}`, ...s }));

describe('template library', () => {
  it.each(cases)('renders $name with its event’s real payload', ({ template, channel, locale }) => {
    const rendered = library.render(template, channel, locale, templateDataOf(payloads[template]));

    expect(rendered.locale).toBe(locale);
    expect(rendered.body.length).toBeGreaterThan(10);
    if (channel !== 'sms') expect(rendered.subject.length).toBeGreaterThan(3);
    // Nothing rendered as a placeholder of an absent value.
    expect(`${rendered.subject}\n${rendered.body}`).not.toMatch(/undefined|null|\[object Object\]/);
  });

  it('has a payload for every template of the catalog, and every catalog channel in English', () => {
    for (const template of TEMPLATE_NAMES) {
      expect(payloads[template]).toBeDefined();
      for (const channel of TEMPLATE_CATALOG[template].channels) expect(cases.some((c) => c.template === template && c.channel === channel && c.locale === 'en')).toBe(true);
    }
  });

  it('puts the event’s facts in the mail: money in minor units of its currency, the link with the token', () => {
    const placed = anOrderPlaced(randomUUID());
    const order = library.render('order_placed', 'email', 'en', templateDataOf(placed));
    expect(order.subject).toContain(placed.order!.id);
    expect(order.body).toContain('Total: 123.45 EUR');
    expect(order.body).toContain('2 x MUG-BLUE  30.00 EUR');

    const reset = aPasswordReset(randomUUID(), 'ada@example.com');
    expect(library.render('password_reset', 'email', 'en', templateDataOf(reset)).body).toContain(`https://shop.example/reset-password?token=${reset.resetToken}`);
  });

  it('falls back from de-AT to de, and from a locale without files to en', () => {
    const data = templateDataOf(aPasswordReset(randomUUID(), 'ada@example.com'));
    expect(library.render('password_reset', 'email', 'de-AT', data)).toMatchObject({ locale: 'de', subject: expect.stringContaining('Passwort') });
    expect(library.render('password_reset', 'email', 'fr', data)).toMatchObject({ locale: 'en', subject: expect.stringContaining('Reset your') });
  });

  it('refuses data that lacks a field the template refers to, naming the field and the missing value', () => {
    const { resetToken: _dropped, ...lacking } = templateDataOf(aPasswordReset(randomUUID(), 'ada@example.com'));

    let error: ValidationError | undefined;
    try {
      library.render('password_reset', 'email', 'en', lacking, 'data_json');
    } catch (err) {
      error = err as ValidationError;
    }
    expect(error?.type).toBe('invalid_argument');
    expect(error?.details).toEqual([{ field: 'data_json', message: expect.stringContaining('"resetToken"') }]);
  });

  it('names a missing nested field by its whole path', () => {
    const placed = templateDataOf(anOrderPlaced(randomUUID())) as { order: Record<string, unknown> };
    delete placed.order.shippingAddress;

    expect(() => library.render('order_placed', 'email', 'en', placed, 'data_json')).toThrow(/refers to "order\.shippingAddress\.\w+", which the data lacks/);
  });

  it('renders a payload whose optional fields are empty (proto-JSON leaves them out; the decoded payload keeps them)', () => {
    const shipped = { ...aShipment(orderId), trackingNumber: '' };
    expect(library.render('shipment_shipped', 'sms', 'en', templateDataOf(shipped)).body).toContain('tracking .');
  });
});
