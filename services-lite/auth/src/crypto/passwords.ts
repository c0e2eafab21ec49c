// Password hashing with argon2id, and a verify that costs the same whether or not the account exists.
import argon2 from 'argon2';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False for a wrong password; `hash` undefined (unknown account) still spends one full verification. */
  verify(hash: string | null | undefined, password: string): Promise<boolean>;
}

// OWASP's argon2id baseline (19 MiB, 2 passes); argon2 compares digests in constant time.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function argon2Hasher(): PasswordHasher {
  let dummy: Promise<string> | undefined;
  return {
    hash: (password) => argon2.hash(password, OPTIONS),
    async verify(hash, password) {
      if (!hash) {
        // No account, or no password yet: burn the same time so the answer does not tell them apart.
        dummy ??= argon2.hash('dummy password for timing', OPTIONS);
        await argon2.verify(await dummy, password);
        return false;
      }
      return argon2.verify(hash, password);
    },
  };
}
