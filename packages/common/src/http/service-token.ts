// A service's own access token for the staff-only RPCs it calls (the order service's checkout calling warehouse,
// payment ...): traded at the auth service for the service's name and secret (client credentials), kept until
// half its life is gone, so a call pays for a token only every few minutes and concurrent callers share one fetch.
import { UnavailableError } from '../errors/app-error.js';

export interface ServiceTokenSettings {
  /** The auth service's base URL (AUTH_URL), e.g. http://127.0.0.1:8000. */
  authUrl: string;
  service: string;
  secret: string;
  /** Per token request. */
  timeoutMs?: number;
  now?: () => number;
}

export type ServiceTokenSource = () => Promise<string>;

export function serviceTokenSource(settings: ServiceTokenSettings): ServiceTokenSource {
  const now = settings.now ?? Date.now;
  let current: { token: string; renewAt: number } | undefined;
  let inFlight: Promise<string> | undefined;

  async function fetchToken(): Promise<string> {
    const issuedAt = now();
    let response: Response;
    try {
      response = await fetch(new URL('/internal/service-token', settings.authUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ service: settings.service, secret: settings.secret }),
        signal: AbortSignal.timeout(settings.timeoutMs ?? 5_000),
      });
    } catch (err) {
      throw new UnavailableError(`auth service unreachable for a service token: ${(err as Error).message}`);
    }
    // A refused secret is a deployment error, not the caller's: it surfaces as unavailable, with the reason logged.
    if (!response.ok) throw new UnavailableError(`auth service refused the ${settings.service} service token (HTTP ${response.status})`);
    const body = (await response.json()) as { data: { accessToken: string; expiresAt: string } };
    const expiresAt = Date.parse(body.data.expiresAt);
    current = { token: body.data.accessToken, renewAt: issuedAt + (expiresAt - issuedAt) / 2 };
    return current.token;
  }

  return async () => {
    if (current && now() < current.renewAt) return current.token;
    inFlight ??= fetchToken().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };
}
