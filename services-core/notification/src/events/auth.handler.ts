// Auth's events: each carries the address to write to, so it both feeds the contact directory (a customer account's
// id is its customer id) and asks for its mail: verification, password reset, staff invitation.
import type { CatalogHandlers, HandlerContext } from '@ecommerce/common/events';
import { AccountType } from '@ecommerce/proto/events/v1/auth';
import type { EventCatalog } from '@ecommerce/proto/event-catalog';
import type { NotificationEventType } from '../biz/ports.js';
import type { RecordContactsUseCase } from '../biz/record-contacts.js';
import type { RequestNotificationsUseCase } from '../biz/request-notifications.js';
import type { TemplateName } from '../biz/template-catalog.js';
import { templateDataOf } from './template-data.js';

type Ctx = HandlerContext<EventCatalog, NotificationEventType>;

export function authHandlers(contacts: RecordContactsUseCase, requests: RequestNotificationsUseCase): CatalogHandlers<EventCatalog, NotificationEventType> {
  const mail = async (ctx: Ctx, template: TemplateName, account: { accountId: string; email: string; customer: boolean }, payload: object) => {
    if (account.customer && account.accountId && account.email) await contacts.accountEmailKnown(ctx.tx, account.accountId, account.email);
    await requests.execute(ctx.tx, ctx.events, {
      eventId: ctx.event.id,
      eventType: ctx.event.type,
      template,
      customerId: account.customer ? account.accountId : '',
      email: account.email,
      data: templateDataOf(payload),
    });
  };
  return {
    'auth.account.registered': (data, ctx) =>
      mail(ctx, 'welcome_verification', { accountId: data.accountId, email: data.email, customer: data.type !== AccountType.ACCOUNT_TYPE_STAFF }, data),
    'auth.account.verification_requested': (data, ctx) =>
      // Staff accounts are invited, never registered, so a verification request is a customer's.
      mail(ctx, 'email_verification', { accountId: data.accountId, email: data.email, customer: true }, data),
    'auth.account.password_reset_requested': async (data, ctx) =>
      // Staff reset passwords too: a customer's reset is filed under (and in the locale of) the customer; a staff
      // member's goes only to the event's address.
      mail(ctx, 'password_reset', { accountId: data.accountId, email: data.email, customer: await contacts.isCustomer(ctx.tx, data.accountId) }, data),
    'auth.account.invited': (data, ctx) => mail(ctx, 'staff_invitation', { accountId: data.accountId, email: data.email, customer: false }, data),
  };
}
