// The integration events auth publishes (topic auth.account) and the user-service event it consumes.
import { defineEventType } from '@ecommerce/common/events';
import { AccountInvited, AccountLocked, AccountRegistered, EmailVerificationRequested, PasswordResetRequested } from '@ecommerce/proto/events/v1/auth';
import { UserCreated, UserDeleted, UserUpdated } from '@ecommerce/proto/events/v1/user';

export const EVENT_SOURCE = '/ecommerce/auth';
export const ACCOUNT_TOPIC = 'auth.account';

export const accountRegistered = defineEventType('auth.account.registered', AccountRegistered);
export const passwordResetRequested = defineEventType('auth.account.password_reset_requested', PasswordResetRequested);
export const accountLocked = defineEventType('auth.account.locked', AccountLocked);
export const accountInvited = defineEventType('auth.account.invited', AccountInvited);
export const verificationRequested = defineEventType('auth.account.verification_requested', EmailVerificationRequested);

export const userCreated = defineEventType('user.user.created', UserCreated);
export const userUpdated = defineEventType('user.user.updated', UserUpdated);
export const userDeleted = defineEventType('user.user.deleted', UserDeleted);
