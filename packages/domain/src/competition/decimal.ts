/**
 * Exact two-decimal arithmetic for the competition (DOMAIN.md §6). Scores, points and money are
 * held as integers of hundredths (a score of 41.67 is 4167, 10,000.00 yuan is 1,000,000 fen), so
 * sums are exact and a mean is an exact fraction rounded once. Binary floating point would get
 * the published table wrong: 2.675 is stored as 2.67499999…, so (2.675).toFixed(2) gives 2.67,
 * Math.round(1.005 * 100) / 100 gives 1, and the mean of 8.34 and 8.35 computed in doubles rounds
 * to 8.34, where the township's table (and Excel's ROUND) says 2.68, 1.01 and 8.35.
 */

/** Whether a number has at most two decimals as written (0.29 yes, 0.295 no). */
export function hasAtMostTwoDecimals(value: number): boolean {
  // k / 100 is the double nearest the decimal k/100, so a two-decimal number survives the round trip.
  return Number.isFinite(value) && Math.round(value * 100) / 100 === value;
}

/** A two-decimal number as an integer of hundredths; a programming error for anything else (validate first). */
export function toHundredths(value: number): number {
  if (!hasAtMostTwoDecimals(value)) throw new RangeError(`not a two-decimal number: ${value}`);
  return Math.round(value * 100);
}

/** Hundredths back to the number shown (4167 → 41.67). */
export function fromHundredths(hundredths: number): number {
  return hundredths / 100;
}

/**
 * numerator ÷ denominator rounded to an integer, half away from zero (ROUND_HALF_UP as in Java's
 * BigDecimal and Excel's ROUND). Exact for integers within ±2^53 / 2.
 */
export function roundRatioHalfUp(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0)
    throw new RangeError(`not an integer ratio: ${numerator}/${denominator}`);
  if (numerator < 0) return -roundRatioHalfUp(-numerator, denominator);
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** The mean of integers of hundredths, rounded half up to hundredths; null for none. */
export function meanHundredths(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return roundRatioHalfUp(
    values.reduce((a, b) => a + b, 0),
    values.length,
  );
}

/**
 * A number rounded half away from zero to some decimals, reading the number as JavaScript writes
 * it (its shortest round-trip decimal, the figure a person typed or a sheet shows): 2.675 → 2.68,
 * 1.005 → 1.01, −2.675 → −2.68. For figures that did not come from hundredths (an imported score,
 * the other part of the year-end evaluation); the competition's own sums never need it.
 */
export function roundHalfUp(value: number, decimals = 2): number {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 15) throw new RangeError(`bad decimals: ${decimals}`);
  const [mantissa = '0', exponent = '0'] = Math.abs(value).toString().split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  const digits = whole + fraction;
  // How many leading digits are kept: those before the decimal point plus the decimals asked for.
  const keep = whole.length + Number(exponent) + decimals;
  // Nothing beyond the decimals asked for: the number is already rounded (and stays exact when large).
  if (digits.length <= keep) return value === 0 ? 0 : value;
  if (keep < 0) return 0;
  const padded = digits.padEnd(keep + 1, '0');
  const kept = keep === 0 ? 0n : BigInt(padded.slice(0, keep));
  const rounded = Number(kept + (Number(padded[keep]) >= 5 ? 1n : 0n)) / 10 ** decimals;
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}
