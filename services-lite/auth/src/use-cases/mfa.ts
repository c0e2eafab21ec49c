// Optional TOTP second factor: enrol (pending secret) -> confirm with a first code (enabled, recovery codes
// shown once) -> required at login; a login answered `mfaRequired` is finished here with a code or a recovery code.
import { randomBytes } from 'node:crypto';
import { FailedPreconditionError, UnauthenticatedError, ValidationError } from '@ecommerce/common/errors';
import type { Knex } from 'knex';
import type { PasswordHasher } from '../crypto/passwords.js';
import { matchTotp, newTotpSecret, otpauthUri } from '../crypto/totp.js';
import type { Account, AccountRepository } from '../repositories/account-repository.js';
import type { OneTimeTokenRepository } from '../repositories/one-time-token-repository.js';
import type { RecoveryCodeRepository } from '../repositories/recovery-code-repository.js';
import type { FailedLogins } from './failed-logins.js';
import type { Sessions, TokenPair } from './sessions.js';

export const RECOVERY_CODE_COUNT = 10;

export interface SecondFactor {
  code?: string;
  recoveryCode?: string;
}

export interface MfaDeps {
  db: Knex;
  accounts: AccountRepository;
  recoveryCodes: RecoveryCodeRepository;
  oneTimeTokens: OneTimeTokenRepository;
  hasher: PasswordHasher;
  sessions: Sessions;
  failedLogins: FailedLogins;
  issuer: string;
  now?: () => Date;
}

export class MfaUseCases {
  private readonly now: () => Date;

  constructor(private readonly deps: MfaDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async enroll(accountId: string): Promise<{ secret: string; otpauthUri: string }> {
    const account = await this.deps.accounts.get(accountId);
    if (account.mfaEnabled) throw new FailedPreconditionError('two-factor authentication is already enabled; disable it first');
    const secret = newTotpSecret();
    await this.deps.accounts.setPendingMfaSecret(account.id, secret);
    return { secret, otpauthUri: otpauthUri(secret, account.email, this.deps.issuer) };
  }

  /** The first valid code proves the app holds the secret; the recovery codes are returned once, stored hashed. */
  async confirm(accountId: string, code: string): Promise<{ recoveryCodes: string[] }> {
    const account = await this.deps.accounts.get(accountId);
    if (!account.mfaSecret || account.mfaEnabled) throw new FailedPreconditionError('no two-factor enrolment is pending; enrol first');
    const step = matchTotp(account.mfaSecret, code, this.now());
    if (step === undefined) throw new ValidationError([{ field: 'code', message: 'is not a valid code' }]);
    const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await this.deps.db.transaction(async (trx) => {
      await this.deps.accounts.enableMfa(trx, account.id, step);
      await this.deps.recoveryCodes.replace(trx, account.id, recoveryCodes);
    });
    return { recoveryCodes };
  }

  /**
   * Turning the factor off needs the password and a second factor, not only a (possibly stolen) access token;
   * a recovery code serves when the authenticator is lost.
   */
  async disable(accountId: string, input: { password: string } & SecondFactor): Promise<void> {
    const account = await this.deps.accounts.get(accountId);
    if (!account.mfaEnabled) throw new FailedPreconditionError('two-factor authentication is not enabled');
    if (!(await this.deps.hasher.verify(account.passwordHash, input.password))) {
      throw new ValidationError([{ field: 'password', message: 'is incorrect' }]);
    }
    if (!(await this.checkSecondFactor(account, input))) {
      throw new ValidationError([{ field: input.code !== undefined ? 'code' : 'recoveryCode', message: 'is not valid' }]);
    }
    await this.deps.db.transaction(async (trx) => {
      await this.deps.accounts.disableMfa(trx, account.id);
      await this.deps.recoveryCodes.deleteAll(trx, account.id);
    });
  }

  /**
   * Second login step. The challenge is single-use even when the code is wrong (a new password login is needed),
   * and a wrong code counts towards the lockout like a wrong password, so codes cannot be guessed at leisure.
   */
  async completeLogin(input: { challengeToken: string } & SecondFactor): Promise<TokenPair> {
    const accountId = await this.deps.oneTimeTokens.consume(this.deps.db, input.challengeToken, 'mfa_challenge');
    if (!accountId) throw new UnauthenticatedError('invalid or expired challenge; log in again');
    const account = await this.deps.accounts.get(accountId);
    if (this.deps.failedLogins.isLocked(account)) throw new UnauthenticatedError('invalid code');
    if (!(await this.checkSecondFactor(account, input))) {
      await this.deps.failedLogins.record(account);
      throw new UnauthenticatedError('invalid code');
    }
    await this.deps.failedLogins.reset(account);
    return this.deps.sessions.start(account);
  }

  /** A TOTP code (each time step once) or an unused recovery code (then used up). */
  private async checkSecondFactor(account: Account, factor: SecondFactor): Promise<boolean> {
    if (factor.code !== undefined && account.mfaSecret) {
      const step = matchTotp(account.mfaSecret, factor.code, this.now(), account.mfaLastStep);
      return step !== undefined && (await this.deps.accounts.claimMfaStep(account.id, step));
    }
    if (factor.recoveryCode !== undefined) return this.deps.recoveryCodes.consume(account.id, factor.recoveryCode);
    return false;
  }
}

/** 48 random bits shown as `xxxxxx-xxxxxx` (hex). */
function newRecoveryCode(): string {
  const hex = randomBytes(6).toString('hex');
  return `${hex.slice(0, 6)}-${hex.slice(6)}`;
}
