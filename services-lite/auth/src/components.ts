// Builds the service's object graph (repositories -> unit of work -> token machinery -> use cases) from its
// resources. main.ts owns the resources; the app and the event consumer take what they need from here.
import type { RateLimitStore } from '@ecommerce/common/http';
import type { Knex } from 'knex';
import type { AuthConfig } from './config.js';
import { argon2Hasher, type PasswordHasher } from './crypto/passwords.js';
import { RateLimiter } from './rate-limit/rate-limiter.js';
import { AccountRepository } from './repositories/account-repository.js';
import { OneTimeTokenRepository } from './repositories/one-time-token-repository.js';
import { RecoveryCodeRepository } from './repositories/recovery-code-repository.js';
import { RefreshTokenRepository } from './repositories/refresh-token-repository.js';
import { RevokedTokenRepository } from './repositories/revoked-token-repository.js';
import type { UserDirectory } from './staff/user-directory.js';
import { AccessTokens } from './tokens/access-tokens.js';
import { SigningKeyStore } from './tokens/signing-keys.js';
import { CustomerAccounts } from './use-cases/customer-accounts.js';
import { FailedLogins } from './use-cases/failed-logins.js';
import { LoginUseCase } from './use-cases/login.js';
import { MfaUseCases } from './use-cases/mfa.js';
import { PasswordUseCases } from './use-cases/passwords.js';
import { RegisterUseCase } from './use-cases/register.js';
import { SessionRevocation } from './use-cases/revocation.js';
import { Sessions, type RoleSource } from './use-cases/sessions.js';
import { StaffAccounts } from './use-cases/staff-accounts.js';
import { createAuthUnitOfWork, type AuthUnitOfWork } from './use-cases/unit-of-work.js';

export type AuthSettings = Pick<
  AuthConfig,
  | 'AUTH_ISSUER'
  | 'AUTH_AUDIENCE'
  | 'ACCESS_TOKEN_TTL_SECONDS'
  | 'REFRESH_TOKEN_TTL_SECONDS'
  | 'PASSWORD_RESET_TTL_SECONDS'
  | 'EMAIL_VERIFICATION_TTL_SECONDS'
  | 'INVITATION_TTL_SECONDS'
  | 'MFA_CHALLENGE_TTL_SECONDS'
  | 'LOCKOUT_THRESHOLD'
  | 'LOCKOUT_SECONDS'
  | 'RATE_LIMIT_WINDOW_SECONDS'
  | 'LOGIN_RATE_LIMIT_PER_IP'
  | 'LOGIN_RATE_LIMIT_PER_ACCOUNT'
  | 'RESET_RATE_LIMIT_PER_IP'
  | 'RESET_RATE_LIMIT_PER_ACCOUNT'
  | 'SIGNING_KEY_ROTATION_SECONDS'
>;

export interface AuthComponents {
  /** Shared by the use cases and the event consumer, so a handler's use case joins its inbox transaction. */
  uow: AuthUnitOfWork;
  accounts: AccountRepository;
  oneTimeTokens: OneTimeTokenRepository;
  refreshTokens: RefreshTokenRepository;
  signingKeys: SigningKeyStore;
  accessTokens: AccessTokens;
  sessions: Sessions;
  login: LoginUseCase;
  register: RegisterUseCase;
  passwords: PasswordUseCases;
  mfa: MfaUseCases;
  staff: StaffAccounts;
  customers: CustomerAccounts;
}

export function createAuthComponents(
  db: Knex,
  rateLimits: RateLimitStore,
  settings: AuthSettings,
  staffDirectory: () => UserDirectory,
  hasher: PasswordHasher = argon2Hasher(),
): AuthComponents {
  const uow = createAuthUnitOfWork(db);
  const accounts = new AccountRepository(db);
  const oneTimeTokens = new OneTimeTokenRepository(db);
  const refreshTokens = new RefreshTokenRepository(db);
  const revokedJtis = new RevokedTokenRepository(db);
  const recoveryCodes = new RecoveryCodeRepository(db);
  const signingKeys = new SigningKeyStore(db, {
    accessTokenTtlSeconds: settings.ACCESS_TOKEN_TTL_SECONDS,
    rotationSeconds: settings.SIGNING_KEY_ROTATION_SECONDS,
  });
  const accessTokens = new AccessTokens(signingKeys, new SessionRevocation(revokedJtis, refreshTokens), {
    issuer: settings.AUTH_ISSUER,
    audience: settings.AUTH_AUDIENCE,
    ttlSeconds: settings.ACCESS_TOKEN_TTL_SECONDS,
  });
  const rolesOf: RoleSource = async (account) => (account.type === 'staff' ? staffDirectory().rolesOf(account.id) : ['customer']);
  const sessions = new Sessions({ db, accounts, refreshTokens, revokedJtis, accessTokens, rolesOf, refreshTtlSeconds: settings.REFRESH_TOKEN_TTL_SECONDS });
  const failedLogins = new FailedLogins(uow, accounts, refreshTokens, { threshold: settings.LOCKOUT_THRESHOLD, lockSeconds: settings.LOCKOUT_SECONDS });
  const limiter = new RateLimiter(rateLimits, settings.RATE_LIMIT_WINDOW_SECONDS);

  return {
    uow,
    accounts,
    oneTimeTokens,
    refreshTokens,
    signingKeys,
    accessTokens,
    sessions,
    login: new LoginUseCase({
      db,
      accounts,
      hasher,
      sessions,
      failedLogins,
      oneTimeTokens,
      limiter,
      limits: { perIp: settings.LOGIN_RATE_LIMIT_PER_IP, perAccount: settings.LOGIN_RATE_LIMIT_PER_ACCOUNT },
      mfaChallengeTtlSeconds: settings.MFA_CHALLENGE_TTL_SECONDS,
    }),
    register: new RegisterUseCase({ uow, accounts, oneTimeTokens, hasher, verificationTtlSeconds: settings.EMAIL_VERIFICATION_TTL_SECONDS }),
    passwords: new PasswordUseCases({
      db,
      uow,
      accounts,
      oneTimeTokens,
      hasher,
      sessions,
      limiter,
      limits: { perIp: settings.RESET_RATE_LIMIT_PER_IP, perAccount: settings.RESET_RATE_LIMIT_PER_ACCOUNT },
      resetTtlSeconds: settings.PASSWORD_RESET_TTL_SECONDS,
      verificationTtlSeconds: settings.EMAIL_VERIFICATION_TTL_SECONDS,
    }),
    mfa: new MfaUseCases({ db, accounts, recoveryCodes, oneTimeTokens, hasher, sessions, failedLogins, issuer: settings.AUTH_ISSUER }),
    staff: new StaffAccounts({ uow, accounts, oneTimeTokens, refreshTokens, invitationTtlSeconds: settings.INVITATION_TTL_SECONDS }),
    customers: new CustomerAccounts({ uow, accounts }),
  };
}
