// The auth routes as an OpenAPI fragment from the same zod schemas the routes validate with; the gateway merges
// it into the platform's /openapi.json. A new route is documented by adding its line here.
import { openApiFragment, type DocumentedRoute } from '@ecommerce/common/http';
import {
  changePasswordBody,
  introspectBody,
  loginBody,
  mfaCodeBody,
  mfaDisableBody,
  mfaLoginBody,
  refreshBody,
  registerBody,
  resetRequestBody,
  tokenWithPasswordBody,
  verifyEmailBody,
} from './schemas/auth.js';
import {
  accountSchema,
  introspectionSchema,
  loginResultSchema,
  meSchema,
  mfaEnrolmentSchema,
  recoveryCodesSchema,
  resetAcceptedSchema,
  rotatedKeySchema,
  tokenPairSchema,
} from './schemas/responses.js';

const A = '/api/v1/auth';
const SIGNED_IN: string[] = [];

const routes: DocumentedRoute[] = [
  { method: 'post', path: `${A}/register`, summary: 'Register a customer account', body: registerBody, response: accountSchema },
  { method: 'post', path: `${A}/login`, summary: 'Log in; answers mfaRequired with a challenge when MFA is on', body: loginBody, response: loginResultSchema, status: 200 },
  { method: 'post', path: `${A}/login/mfa`, summary: 'Finish an MFA login with a TOTP or recovery code', body: mfaLoginBody, response: tokenPairSchema, status: 200 },
  { method: 'post', path: `${A}/refresh`, summary: 'Rotate the refresh token; reuse of a spent one revokes the session', body: refreshBody, response: tokenPairSchema, status: 200 },
  { method: 'post', path: `${A}/logout`, summary: 'Revoke this access token and its session', status: 204, roles: SIGNED_IN },
  { method: 'post', path: `${A}/introspect`, summary: 'Whether an access token is active, and its claims', body: introspectBody, response: introspectionSchema, status: 200 },
  { method: 'get', path: `${A}/me`, summary: 'The signed-in account', response: meSchema, roles: SIGNED_IN },
  { method: 'post', path: `${A}/password/reset`, summary: 'Request a reset mail (same answer for unknown addresses)', body: resetRequestBody, response: resetAcceptedSchema, status: 200 },
  { method: 'post', path: `${A}/password/reset/confirm`, summary: 'Set a new password with the reset token', body: tokenWithPasswordBody, status: 204 },
  { method: 'post', path: `${A}/password/change`, summary: 'Change the password; ends every session', body: changePasswordBody, status: 204, roles: SIGNED_IN },
  { method: 'post', path: `${A}/email/verify`, summary: 'Verify the email address with its token', body: verifyEmailBody, status: 204 },
  { method: 'post', path: `${A}/email/verify/resend`, summary: 'Mail a new email-verification token', status: 204, roles: SIGNED_IN },
  { method: 'post', path: `${A}/invitations/accept`, summary: 'Set a staff password from an invitation', body: tokenWithPasswordBody, status: 204 },
  { method: 'post', path: `${A}/mfa/enroll`, summary: 'Start TOTP enrolment', response: mfaEnrolmentSchema, status: 200, roles: SIGNED_IN },
  { method: 'post', path: `${A}/mfa/confirm`, summary: 'Confirm TOTP enrolment; returns recovery codes once', body: mfaCodeBody, response: recoveryCodesSchema, status: 200, roles: SIGNED_IN },
  { method: 'post', path: `${A}/mfa/disable`, summary: 'Turn MFA off (password and a current code)', body: mfaDisableBody, status: 204, roles: SIGNED_IN },
  { method: 'post', path: `${A}/keys/rotate`, summary: 'Make a new signing key take over now', response: rotatedKeySchema, status: 200, roles: ['admin'] },
];

/** Built once: the schemas do not change while the process runs. */
export const authOpenApi = openApiFragment('auth', routes);
