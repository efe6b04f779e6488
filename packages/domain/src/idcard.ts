/**
 * Resident identity numbers (居民身份证号码) per GB 11643-1999: 6 digits of address code,
 * 8 of birth date (YYYYMMDD), 3 of sequence (odd for men, even for women) and a check digit
 * computed by ISO 7064 MOD 11-2, where 10 is written X.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export type IdNumberProblem = 'length' | 'characters' | 'birth_date' | 'future_birth' | 'check_digit';

export type Sex = 'male' | 'female';

export interface IdNumberFacts {
  /** the number in canonical form: upper-case X */
  normalized: string;
  /** ISO date YYYY-MM-DD */
  birthDate: string;
  sex: Sex;
  /** the 6-digit address code of the place of first registration */
  areaCode: string;
}

/** The check character for the first 17 digits of an ID number. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charCodeAt(i) - 48) * (WEIGHTS[i] as number);
  return CHECK_CHARS[sum % 11] as string;
}

/** Whether y-m-d is a real calendar date. */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/**
 * Validates an ID number. `today` (YYYY-MM-DD) bounds the birth date; births before 1900 are
 * refused too, since no living resident was born then.
 */
export function parseIdNumber(
  raw: string,
  today: string,
): { ok: true; facts: IdNumberFacts } | { ok: false; problem: IdNumberProblem } {
  const value = raw.trim().toUpperCase();
  if (value.length !== 18) return { ok: false, problem: 'length' };
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, problem: 'characters' };
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  if (y < 1900 || !isRealDate(y, m, d)) return { ok: false, problem: 'birth_date' };
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (birthDate > today) return { ok: false, problem: 'future_birth' };
  if (idCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, problem: 'check_digit' };
  const sex: Sex = Number(value[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, facts: { normalized: value, birthDate, sex, areaCode: value.slice(0, 6) } };
}

/**
 * Masks an ID number for readers who may not see it in full: the area's first four digits and
 * the last four stay, as `3604**********1234`. Anything that is not 18 characters is masked whole.
 */
export function maskIdNumber(value: string | null | undefined): string | null {
  if (value == null || value === '') return value ?? null;
  if (value.length !== 18) return '*'.repeat(value.length);
  return `${value.slice(0, 4)}**********${value.slice(14)}`;
}

/**
 * Builds a valid ID number from its parts: used by the synthetic data generator, never for
 * real people. `sequence` is 0–999; its parity is adjusted to the sex.
 */
export function buildIdNumber(areaCode: string, birthDate: string, sequence: number, sex: Sex): string {
  let seq = Math.abs(Math.trunc(sequence)) % 1000;
  const wantOdd = sex === 'male';
  if ((seq % 2 === 1) !== wantOdd) seq = seq === 999 ? 998 : seq + 1;
  if ((seq % 2 === 1) !== wantOdd) seq -= 2;
  const first17 = `${areaCode}${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}
