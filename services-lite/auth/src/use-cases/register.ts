// Customer sign-up: the account, its email-verification token and auth.account.registered commit together.
import { publishInTransaction } from '@ecommerce/common/events';
import { AccountType } from '@ecommerce/proto/events/v1/auth';
import type { Knex } from 'knex';
import type { PasswordHasher } from '../crypto/passwords.js';
import { accountRegistered, EVENT_SOURCE } from '../events/auth-events.js';
import type { Account, AccountRepository } from '../repositories/account-repository.js';
import type { OneTimeTokenRepository } from '../repositories/one-time-token-repository.js';

export interface RegisterDeps {
  db: Knex;
  accounts: AccountRepository;
  oneTimeTokens: OneTimeTokenRepository;
  hasher: PasswordHasher;
  verificationTtlSeconds: number;
}

export class RegisterUseCase {
  constructor(private readonly deps: RegisterDeps) {}

  async execute(input: { email: string; password: string }): Promise<Account> {
    const { deps } = this;
    const passwordHash = await deps.hasher.hash(input.password);
    return deps.db.transaction(async (trx) => {
      const account = await deps.accounts.createCustomer(trx, input.email, passwordHash);
      const verification = await deps.oneTimeTokens.issue(trx, account.id, 'email_verification', deps.verificationTtlSeconds);
      const event = accountRegistered.create({
        source: EVENT_SOURCE,
        subject: account.id,
        data: {
          accountId: account.id,
          email: account.email,
          type: AccountType.ACCOUNT_TYPE_CUSTOMER,
          verificationToken: verification.token,
          verificationExpireTime: verification.expiresAt,
          createTime: account.createdAt,
        },
      });
      await publishInTransaction(trx, event);
      return account;
    });
  }
}
