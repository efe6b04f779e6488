/** Password hashing with argon2id (the library's default algorithm; the test checks the prefix). */
import { hash, verify } from '@node-rs/argon2';

/** Hashes a password for storage. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}

/** Checks a password against a stored hash; a malformed hash is simply a mismatch. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;

/**
 * Spends the time of one verification for a username that does not exist, so the answer's
 * timing does not tell a guesser which usernames are real.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummy ??= hashPassword('no-such-user-0');
  await verifyPassword(await dummy, password);
  return false;
}
