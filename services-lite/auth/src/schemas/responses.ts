// Response shapes of the auth API, for the OpenAPI document (the routes build them from the use cases' types).
import { z } from 'zod';

export const accountSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  type: z.enum(['customer', 'staff']),
  emailVerified: z.boolean(),
});

export const meSchema = accountSchema.extend({ mfaEnabled: z.boolean(), roles: z.array(z.string()) });

export const tokenPairSchema = z.object({
  accessToken: z.string(),
  tokenType: z.literal('Bearer'),
  expiresIn: z.number().int().describe('seconds until the access token expires'),
  refreshToken: z.string(),
  refreshExpiresIn: z.number().int(),
});

export const loginResultSchema = z.union([
  tokenPairSchema.extend({ mfaRequired: z.literal(false) }),
  z.object({ mfaRequired: z.literal(true), challengeToken: z.string(), expiresIn: z.number().int() }),
]);

export const introspectionSchema = z.object({
  active: z.boolean(),
  sub: z.string().optional(),
  roles: z.array(z.string()).optional(),
  type: z.enum(['customer', 'staff', 'service']).optional(),
  jti: z.string().optional(),
  sid: z.string().optional(),
  exp: z.number().int().optional(),
  iat: z.number().int().optional(),
});

export const mfaEnrolmentSchema = z.object({ secret: z.string(), otpauthUri: z.string() });
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });
export const resetAcceptedSchema = z.object({ message: z.string() });
export const rotatedKeySchema = z.object({ kid: z.string() });
