/** An initial password that meets the rules (letters and digits, 10 long) and reads clearly aloud. */
const LETTERS = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';

export function generatePassword(): string {
  const random = crypto.getRandomValues(new Uint32Array(10));
  const pick = (alphabet: string, n: number) => alphabet[n % alphabet.length];
  return Array.from(random, (n, i) => (i < 6 ? pick(LETTERS, n) : pick(DIGITS, n))).join('');
}
