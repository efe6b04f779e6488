/** Password rules: what a township office can follow and a guesser cannot. */

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = 'too_short' | 'too_long' | 'needs_letter_and_digit' | 'same_as_username';

/** Checks a new password; returns null when it is acceptable. */
export function checkPassword(password: string, username: string): PasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (password.length > PASSWORD_MAX_LENGTH) return 'too_long';
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return 'needs_letter_and_digit';
  if (password.toLowerCase().includes(username.toLowerCase()) && username.length >= 3) return 'same_as_username';
  return null;
}
