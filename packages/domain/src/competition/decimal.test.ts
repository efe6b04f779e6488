import { describe, expect, it } from 'vitest';
import { fromHundredths, hasAtMostTwoDecimals, meanHundredths, roundHalfUp, roundRatioHalfUp, toHundredths } from './decimal';

describe('hasAtMostTwoDecimals', () => {
  it.each<[number, boolean]>([
    [0, true],
    [5, true],
    [0.5, true],
    [0.29, true], // 0.29 * 100 is 28.999999999999996 in binary; still two decimals as written
    [0.57, true],
    [1.15, true],
    [2.675, false],
    [41.675, false],
    [0.001, false],
    [-3.25, true],
    [100, true],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
  ])('%s → %s', (value, ok) => {
    expect(hasAtMostTwoDecimals(value)).toBe(ok);
  });
});

describe('toHundredths and back', () => {
  it.each<[number, number]>([
    [0, 0],
    [0.29, 29],
    [0.57, 57],
    [1.15, 115],
    [41.67, 4167],
    [50, 5000],
    [-5000, -500000],
    [10000, 1000000],
  ])('%s ↔ %s', (value, hundredths) => {
    expect(toHundredths(value)).toBe(hundredths);
    expect(fromHundredths(hundredths)).toBe(value);
  });

  it.each([2.675, 0.001, Number.NaN])('refuses %s', (value) => {
    expect(() => toHundredths(value)).toThrow(RangeError);
  });
});

describe('roundRatioHalfUp', () => {
  it.each<[number, number, number]>([
    [0, 3, 0],
    [10, 4, 3], // 2.5 → 3
    [9, 4, 2], // 2.25 → 2
    [11, 4, 3], // 2.75 → 3
    [535, 2, 268], // 267.5 → 268: the mean of 2.67 and 2.68 is 2.675 → 2.68
    [1, 2, 1],
    [1, 3, 0],
    [2, 3, 1],
    [-10, 4, -3], // half away from zero
    [-9, 4, -2],
    [-1, 2, -1],
    [12002, 3, 4001], // 4000.67 → 4001
    [7, 1, 7],
  ])('%s / %s → %s', (n, d, r) => {
    expect(roundRatioHalfUp(n, d)).toBe(r);
  });

  it.each<[number, number]>([
    [1, 0],
    [1, -2],
    [1.5, 2],
    [1, 2.5],
    [2 ** 60, 3],
  ])('refuses %s / %s', (n, d) => {
    expect(() => roundRatioHalfUp(n, d)).toThrow(RangeError);
  });
});

describe('meanHundredths', () => {
  it.each<[number[], number | null]>([
    [[], null],
    [[4167], 4167],
    [[267, 268], 268], // 2.675 → 2.68
    [[4167, 4168], 4168], // 41.675 → 41.68
    [[4000, 4001, 4001], 4001], // 40.00666… → 40.01
    [[4000, 4000, 4001], 4000], // 40.00333… → 40.00
    [[1, 2, 2, 2], 2], // 1.75 → 2
    [[0, 0, 1, 0], 0], // 0.25 → 0
    [[5000, 5000], 5000],
  ])('%j → %s', (values, mean) => {
    expect(meanHundredths(values)).toBe(mean);
  });

  // [a, b, the mean as published, what Math.round(x * 100) / 100 and toFixed(2) give on the double mean]
  it.each<[number, number, number, number[]]>([
    [1, 1.01, 1.01, [1, 1]],
    [8.34, 8.35, 8.35, [8.34, 8.34]],
    [2.67, 2.68, 2.68, [2.68, 2.67]],
  ])('the mean of %s and %s is %s, which floating point gets wrong', (a, b, mean, naive) => {
    const m = (a + b) / 2;
    expect([Math.round(m * 100) / 100, Number(m.toFixed(2))]).toEqual(naive);
    expect(fromHundredths(meanHundredths([toHundredths(a), toHundredths(b)])!)).toBe(mean);
  });
});

describe('roundHalfUp', () => {
  it.each<[number, number, number]>([
    [2.675, 2, 2.68],
    [1.005, 2, 1.01],
    [1.015, 2, 1.02],
    [0.125, 2, 0.13],
    [2.665, 2, 2.67],
    [8.345, 2, 8.35],
    [41.675, 2, 41.68],
    [2.674999, 2, 2.67],
    [2.67, 2, 2.67],
    [0.005, 2, 0.01],
    [0.0049, 2, 0],
    [-2.675, 2, -2.68],
    [-0.001, 2, 0],
    [123456.785, 2, 123456.79],
    [99.995, 2, 100],
    [0.5, 0, 1],
    [1.5, 0, 2],
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [1.45, 1, 1.5],
    [5e-7, 6, 0.000001],
    [1.5e-7, 2, 0],
    [1e21, 2, 1e21],
    [123456789012345.67, 2, 123456789012345.67],
    [0, 2, 0],
    [7, 2, 7],
  ])('%s to %s decimals → %s', (value, decimals, rounded) => {
    expect(roundHalfUp(value, decimals)).toBe(rounded);
  });

  it('defaults to two decimals', () => {
    expect(roundHalfUp(2.675)).toBe(2.68);
  });

  it('never answers negative zero', () => {
    expect(Object.is(roundHalfUp(-0.001), 0)).toBe(true);
    expect(Object.is(roundHalfUp(-0), 0)).toBe(true);
  });

  it('is what floating point gets wrong', () => {
    expect(Number((2.675).toFixed(2))).toBe(2.67);
    expect(Math.round(1.005 * 100) / 100).toBe(1);
    expect(Math.round(1.015 * 100) / 100).toBe(1.01);
    expect([roundHalfUp(2.675), roundHalfUp(1.005), roundHalfUp(1.015)]).toEqual([2.68, 1.01, 1.02]);
  });

  it.each<[number, number]>([
    [Number.NaN, 2],
    [Number.POSITIVE_INFINITY, 2],
    [1, -1],
    [1, 1.5],
    [1, 16],
  ])('refuses %s to %s decimals', (value, decimals) => {
    expect(() => roundHalfUp(value, decimals)).toThrow(RangeError);
  });
});
