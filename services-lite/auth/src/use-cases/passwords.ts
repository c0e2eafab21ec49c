// Password reset (request -> event carrying a single-use token -> confirm), change, email verification and
// staff invitations. Every token-redeeming step is one transaction: the token is used up exactly when the
// change commits.
import { FailedPreconditionError, ValidationError } from '@ecommerce/common/errors';
import type { Knex } from 'knex';
import type { PasswordHasher } from '../crypto/passwords.js';
import type { RateLimiter } from '../rate-limit/rate-limiter.js';
import type { AccountRepository } from '../repositories/account-repository.js';
import type { OneTimeTokenRepository, TokenPurpose } from '../repositories/one-time-token-repository.js';
import { accountEvents } from './account-events.js';
import type { Sessions } from './sessions.js';
import type { AuthUnitOfWork } from './unit-of-work.js';

export interface PasswordDeps {
  db: Knex;
  /** Requests that mail a token decide their event through it; token and event commit together. */
  uow: AuthUnitOfWork;
  accounts: AccountRepository;
  oneTimeTokens: OneTimeTokenRepository;
  hasher: PasswordHasher;
  sessions: Sessions;
  limiter: RateLimiter;
  limits: { perIp: number; perAccount: number };
  resetTtlSeconds: number;
  verificationTtlSeconds: number;
}

const invalidToken = () => new ValidationError([{ field: 'token', message: 'is invalid, expired or already used' }]);

export class PasswordUseCases {
  constructor(private readonly deps: PasswordDeps) {}

  /** Same outcome for known and unknown addresses; only a known one gets a token (through the event). */
  async requestReset(input: { email: string; ip: string }): Promise<void> {
    const { deps } = this;
    await deps.limiter.hit(
      { key: `reset:ip:${input.ip}`, max: deps.limits.perIp },
      { key: `reset:account:${input.email.toLowerCase()}`, max: deps.limits.perAccount },
    );
    const account = await deps.accounts.findByEmail(input.email);
    if (!account) return;
    await deps.uow.run(async (tx, events) => {
      const reset = await deps.oneTimeTokens.issue(tx, account.id, 'password_reset', deps.resetTtlSeconds);
      accountEvents.passwordResetRequested(events, account, reset);
    });
  }

  /** Sets the new password and ends every session: whoever held the old one is out. */
  async confirmReset(input: { token: string; password: string }): Promise<void> {
    await this.redeem(input.token, 'password_reset', input.password);
  }

  /** A staff member's first password, from the invitation mail. */
  async acceptInvitation(input: { token: string; password: string }): Promise<void> {
    await this.redeem(input.token, 'invitation', input.password);
  }

  async change(accountId: string, input: { currentPassword: string; newPassword: string }): Promise<void> {
    const { deps } = this;
    const account = await deps.accounts.get(accountId);
    if (!(await deps.hasher.verify(account.passwordHash, input.currentPassword))) {
      throw new ValidationError([{ field: 'currentPassword', message: 'is incorrect' }]);
    }
    const hash = await deps.hasher.hash(input.newPassword);
    await deps.db.transaction(async (trx) => {
      await deps.accounts.setPassword(trx, account.id, hash);
      await deps.sessions.revokeAll(account.id, trx);
    });
  }

  async verifyEmail(token: string): Promise<void> {
    await this.deps.db.transaction(async (trx) => {
      const accountId = await this.deps.oneTimeTokens.consume(trx, token, 'email_verification');
      if (!accountId) throw invalidToken();
      await this.deps.accounts.markEmailVerified(trx, accountId);
    });
  }

  /** A new verification token for the signed-in account, mailed through the event; counted like reset requests. */
  async resendVerification(accountId: string): Promise<void> {
    const { deps } = this;
    await deps.limiter.hit({ key: `verify:account:${accountId}`, max: deps.limits.perAccount });
    const account = await deps.accounts.get(accountId);
    if (account.emailVerified) throw new FailedPreconditionError('the email address is already verified');
    await deps.uow.run(async (tx, events) => {
      const verification = await deps.oneTimeTokens.issue(tx, account.id, 'email_verification', deps.verificationTtlSeconds);
      accountEvents.verificationRequested(events, account, verification);
    });
  }

  private async redeem(token: string, purpose: TokenPurpose, password: string): Promise<void> {
    const { deps } = this;
    const hash = await deps.hasher.hash(password);
    await deps.db.transaction(async (trx) => {
      const accountId = await deps.oneTimeTokens.consume(trx, token, purpose);
      if (!accountId) throw invalidToken();
      await deps.accounts.setPassword(trx, accountId, hash);
      // The token arrived by mail, so the address is proven too.
      await deps.accounts.markEmailVerified(trx, accountId);
      await deps.sessions.revokeAll(accountId, trx);
    });
  }
}
