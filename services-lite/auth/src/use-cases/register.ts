// Customer sign-up: the account, its email-verification token and auth.account.registered commit together.
import type { PasswordHasher } from '../crypto/passwords.js';
import type { Account, AccountRepository } from '../repositories/account-repository.js';
import type { OneTimeTokenRepository } from '../repositories/one-time-token-repository.js';
import { accountEvents } from './account-events.js';
import type { AuthUnitOfWork } from './unit-of-work.js';

export interface RegisterDeps {
  uow: AuthUnitOfWork;
  accounts: AccountRepository;
  oneTimeTokens: OneTimeTokenRepository;
  hasher: PasswordHasher;
  verificationTtlSeconds: number;
}

export class RegisterUseCase {
  constructor(private readonly deps: RegisterDeps) {}

  async execute(input: { email: string; password: string }): Promise<Account> {
    const { deps } = this;
    // Hashed before the transaction opens: argon2's work holds no connection.
    const passwordHash = await deps.hasher.hash(input.password);
    return deps.uow.run(async (tx, events) => {
      const account = await deps.accounts.createCustomer(tx, input.email, passwordHash);
      const verification = await deps.oneTimeTokens.issue(tx, account.id, 'email_verification', deps.verificationTtlSeconds);
      accountEvents.registered(events, account, verification);
      return account;
    });
  }
}
