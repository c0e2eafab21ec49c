// The auth.account integration events (proto/events/v1/auth.proto) as the use cases record them: each carries
// what the notification service needs to send its mail, so no consumer calls back.
import { AccountType } from '@ecommerce/proto/events/v1/auth';
import type { Account } from '../repositories/account-repository.js';
import type { IssuedOneTimeToken } from '../repositories/one-time-token-repository.js';
import type { AuthEvents } from './unit-of-work.js';

export const accountEvents = {
  registered: (events: AuthEvents, account: Account, verification: IssuedOneTimeToken) =>
    events.record('auth.account.registered', {
      subject: account.id,
      data: {
        accountId: account.id,
        email: account.email,
        type: AccountType.ACCOUNT_TYPE_CUSTOMER,
        verificationToken: verification.token,
        verificationExpireTime: verification.expiresAt,
        createTime: account.createdAt,
      },
    }),
  verificationRequested: (events: AuthEvents, account: Account, verification: IssuedOneTimeToken) =>
    events.record('auth.account.verification_requested', {
      subject: account.id,
      data: { accountId: account.id, email: account.email, verificationToken: verification.token, expireTime: verification.expiresAt },
    }),
  passwordResetRequested: (events: AuthEvents, account: Account, reset: IssuedOneTimeToken) =>
    events.record('auth.account.password_reset_requested', {
      subject: account.id,
      data: { accountId: account.id, email: account.email, resetToken: reset.token, expireTime: reset.expiresAt },
    }),
  locked: (events: AuthEvents, account: Account, failedAttempts: number, unlockTime: Date) =>
    events.record('auth.account.locked', {
      subject: account.id,
      data: { accountId: account.id, email: account.email, failedAttempts, unlockTime },
    }),
  /** Staff accounts share the user service's id, so `userId` is the account id. */
  invited: (events: AuthEvents, account: Pick<Account, 'id' | 'email'>, invitation: IssuedOneTimeToken) =>
    events.record('auth.account.invited', {
      subject: account.id,
      data: { accountId: account.id, email: account.email, userId: account.id, invitationToken: invitation.token, expireTime: invitation.expiresAt },
    }),
};
