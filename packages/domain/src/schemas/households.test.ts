import { describe, expect, it } from 'vitest';
import { updateHouseholdInput } from './households';

describe('money amounts of a household', () => {
  const base = (wageIncome: number) => updateHouseholdInput.shape.wageIncome.safeParse(wageIncome);
  // 0.29 * 100 is 28.999999999999996 in binary floating point: a naive check refuses it.
  it.each([0, 0.29, 0.57, 1.15, 4.35, 12_345.67, 100_000_000])('accepts %d yuan', (v) => {
    expect(base(v).success).toBe(true);
  });
  it.each([0.001, 1.234, -1, 100_000_000.01])('refuses %d yuan', (v) => {
    expect(base(v).success).toBe(false);
  });
});
