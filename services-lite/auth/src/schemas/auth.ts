// Request shapes of the auth API (zod): the single source of what each route accepts.
import { z } from 'zod';

const email = z.email({ message: 'must be an email address' }).max(254).transform((v) => v.trim());
// Length is the policy (NIST SP 800-63B): at least 10 characters, and a cap that keeps argon2 input bounded.
const newPassword = z.string().min(10, 'must be at least 10 characters').max(128, 'must be at most 128 characters');
const anyPassword = z.string().min(1, 'is required').max(128, 'must be at most 128 characters');
const opaqueToken = z.string().min(1, 'is required').max(200);

export const registerBody = z.object({ email, password: newPassword }).strict();
export const loginBody = z.object({ email, password: anyPassword }).strict();
const totpCode = z.string().regex(/^\d{6}$/, 'must be 6 digits');
/** A second factor: a current TOTP code or one of the recovery codes, exactly one of them. */
const secondFactor = { code: totpCode.optional(), recoveryCode: z.string().min(1).max(40).optional() };
const exactlyOneFactor = (b: { code?: string; recoveryCode?: string }) => (b.code === undefined) !== (b.recoveryCode === undefined);
const oneFactorRule = { message: 'give exactly one of code or recoveryCode', path: ['code'] };

export const mfaLoginBody = z.object({ challengeToken: opaqueToken, ...secondFactor }).strict().refine(exactlyOneFactor, oneFactorRule);
export const refreshBody = z.object({ refreshToken: opaqueToken }).strict();
export const introspectBody = z.object({ token: z.string().min(1, 'is required').max(8_192) }).strict();
export const resetRequestBody = z.object({ email }).strict();
export const tokenWithPasswordBody = z.object({ token: opaqueToken, password: newPassword }).strict();
export const verifyEmailBody = z.object({ token: opaqueToken }).strict();
export const changePasswordBody = z.object({ currentPassword: anyPassword, newPassword }).strict();
export const mfaCodeBody = z.object({ code: totpCode }).strict();
export const mfaDisableBody = z.object({ password: anyPassword, ...secondFactor }).strict().refine(exactlyOneFactor, oneFactorRule);
