// Which templates exist, whether each is transactional (always sent) or marketing (sent only to those who opted in
// on that channel), and on which channels each goes out. The template files themselves live in ../../templates.
import type { Channel } from './channel.js';

export type TemplateCategory = 'transactional' | 'marketing';

export interface TemplateSpec {
  category: TemplateCategory;
  channels: readonly Channel[];
  /** The event type whose payload the template is rendered with. */
  eventType: string;
}

export const TEMPLATE_CATALOG = {
  email_verification: { category: 'transactional', channels: ['email'], eventType: 'auth.account.verification_requested' },
  welcome_verification: { category: 'transactional', channels: ['email'], eventType: 'auth.account.registered' },
  password_reset: { category: 'transactional', channels: ['email'], eventType: 'auth.account.password_reset_requested' },
  staff_invitation: { category: 'transactional', channels: ['email'], eventType: 'auth.account.invited' },
  order_placed: { category: 'transactional', channels: ['email'], eventType: 'order.order.placed' },
  payment_refunded: { category: 'transactional', channels: ['email'], eventType: 'payment.payment.refunded' },
  shipment_shipped: { category: 'transactional', channels: ['email', 'sms'], eventType: 'shipping.shipment.shipped' },
  shipment_delivered: { category: 'transactional', channels: ['email', 'push'], eventType: 'shipping.shipment.delivered' },
  review_request: { category: 'marketing', channels: ['email'], eventType: 'shipping.shipment.delivered' },
} as const satisfies Record<string, TemplateSpec>;

export type TemplateName = keyof typeof TEMPLATE_CATALOG;

export const TEMPLATE_NAMES = Object.keys(TEMPLATE_CATALOG) as TemplateName[];

export function isTemplateName(value: string): value is TemplateName {
  return Object.hasOwn(TEMPLATE_CATALOG, value);
}

export const DEFAULT_LOCALE = 'en';
