// Password login. Unknown email, wrong password and locked account all answer the same 401 after the same
// argon2 work, so the answer never tells whether an address has an account.
import { UnauthenticatedError } from '@ecommerce/common/errors';
import type { Knex } from 'knex';
import type { PasswordHasher } from '../crypto/passwords.js';
import type { RateLimiter } from '../rate-limit/rate-limiter.js';
import type { AccountRepository } from '../repositories/account-repository.js';
import type { OneTimeTokenRepository } from '../repositories/one-time-token-repository.js';
import type { FailedLogins } from './failed-logins.js';
import type { Sessions, TokenPair } from './sessions.js';

export const INVALID_CREDENTIALS = 'invalid email or password';

export type LoginResult =
  | ({ mfaRequired: false } & TokenPair)
  | { mfaRequired: true; challengeToken: string; expiresIn: number };

export interface LoginDeps {
  accounts: AccountRepository;
  hasher: PasswordHasher;
  sessions: Sessions;
  failedLogins: FailedLogins;
  oneTimeTokens: OneTimeTokenRepository;
  limiter: RateLimiter;
  limits: { perIp: number; perAccount: number };
  mfaChallengeTtlSeconds: number;
  db: Knex;
}

export class LoginUseCase {
  constructor(private readonly deps: LoginDeps) {}

  async execute(input: { email: string; password: string; ip: string }): Promise<LoginResult> {
    const { deps } = this;
    await deps.limiter.hit(
      { key: `login:ip:${input.ip}`, max: deps.limits.perIp },
      { key: `login:account:${input.email.toLowerCase()}`, max: deps.limits.perAccount },
    );
    const account = await deps.accounts.findByEmail(input.email);
    const passwordOk = await deps.hasher.verify(account?.passwordHash, input.password);
    if (!account || deps.failedLogins.isLocked(account)) throw new UnauthenticatedError(INVALID_CREDENTIALS);
    if (!passwordOk) {
      await deps.failedLogins.record(account);
      throw new UnauthenticatedError(INVALID_CREDENTIALS);
    }
    if (account.mfaEnabled) {
      // The password counts as a success only once the second factor is in.
      const challenge = await deps.oneTimeTokens.issue(deps.db, account.id, 'mfa_challenge', deps.mfaChallengeTtlSeconds);
      return { mfaRequired: true, challengeToken: challenge.token, expiresIn: deps.mfaChallengeTtlSeconds };
    }
    await deps.failedLogins.reset(account);
    return { mfaRequired: false, ...(await deps.sessions.start(account)) };
  }
}
