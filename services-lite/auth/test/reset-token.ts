// The password-reset token a customer would find in the mail, read from the event the auth service published.
import type { AuthHarness } from './auth-harness.js';

/** The token of the latest auth.account.password_reset_requested event for the account. */
export async function latestResetToken(h: AuthHarness, accountId: string): Promise<string> {
  const events = (await h.outbox('auth.account.password_reset_requested')).filter((e) => e.subject === accountId);
  if (events.length === 0) throw new Error(`no password reset was requested for ${accountId}`);
  return events.at(-1)!.data.resetToken;
}
