import { describe, expect, it } from 'vitest';
import { fromHundredths } from './decimal';
import {
  compareScores,
  DEFAULT_PRIZES,
  type Prizes,
  placeMoneyFen,
  prizesSchema,
  type RankingEntry,
  rankVillages,
  shareFen,
} from './ranking';
import { bulletin, parts, totals } from './ranking.fixtures';

describe('placeMoneyFen', () => {
  it.each<[number, number[]]>([
    [0, []],
    [1, [0]],
    [2, [5000, -5000]],
    [3, [5000, 0, -5000]],
    [4, [5000, 3000, -3000, -5000]],
    [5, [5000, 3000, 0, -3000, -5000]],
    [6, [5000, 3000, 2000, -2000, -3000, -5000]],
    [7, [5000, 3000, 2000, 0, -2000, -3000, -5000]],
    [8, [5000, 3000, 2000, 0, 0, -2000, -3000, -5000]],
  ])('%s villages → %j yuan', (n, yuan) => {
    expect(placeMoneyFen(n).map(fromHundredths)).toEqual(yuan);
  });

  it.each<[string, Prizes, number, number[]]>([
    ['a reward only', { rewards: [1000], deductions: [] }, 4, [1000, 0, 0, 0]],
    [
      'four rewards among ten',
      { rewards: [5000, 3000, 2000, 1000], deductions: [500] },
      10,
      [5000, 3000, 2000, 1000, 0, 0, 0, 0, 0, -500],
    ],
    ['four rewards among six: three fit', { rewards: [5000, 3000, 2000, 1000], deductions: [] }, 6, [5000, 3000, 2000, 0, 0, 0]],
    ['a zero deduction', { rewards: [], deductions: [0, 100.5] }, 4, [0, 0, -100.5, 0]],
    ['cents', { rewards: [0.01], deductions: [0.01] }, 2, [0.01, -0.01]],
  ])('%s', (_what, prizes, n, yuan) => {
    const money = placeMoneyFen(n, prizes);
    expect(money.map(fromHundredths)).toEqual(yuan);
    expect(money.some((m) => Object.is(m, -0))).toBe(false);
  });

  it.each([-1, 1.5])('refuses %s villages', (n) => {
    expect(() => placeMoneyFen(n)).toThrow(RangeError);
  });
});

describe('shareFen', () => {
  it.each<[number, number, number[]]>([
    [1_000_000, 3, [333_334, 333_333, 333_333]], // 10,000.00 among three
    [-1_000_000, 3, [-333_333, -333_333, -333_334]], // a deduction of 10,000.00
    [800_000, 2, [400_000, 400_000]],
    [0, 4, [0, 0, 0, 0]],
    [1, 3, [1, 0, 0]],
    [-1, 3, [0, 0, -1]],
    [2, 3, [1, 1, 0]],
    [500_000, 7, [71_429, 71_429, 71_429, 71_429, 71_428, 71_428, 71_428]],
    [-150_000, 1, [-150_000]],
  ])('%s fen among %s → %j', (total, count, shares) => {
    const result = shareFen(total, count);
    expect(result).toEqual(shares);
    expect(result.reduce((a, b) => a + b, 0)).toBe(total);
    expect(Math.max(...result) - Math.min(...result)).toBeLessThanOrEqual(1);
  });

  it.each<[number, number]>([
    [100, 0],
    [100, -1],
    [1.5, 2],
  ])('refuses %s among %s', (total, count) => {
    expect(() => shareFen(total, count)).toThrow(RangeError);
  });
});

describe('rankVillages: sizes', () => {
  it.each<[string, RankingEntry[], [string, number, number][]]>([
    ['no village', [], []],
    ['1 village: no money', totals(80), [['a', 1, 0]]],
    [
      '2 villages: one place at each end',
      totals(80, 90),
      [
        ['b', 1, 5000],
        ['a', 2, -5000],
      ],
    ],
    [
      '2 villages tied: 5,000 − 5,000 shared',
      totals(80, 80),
      [
        ['a', 1, 0],
        ['b', 1, 0],
      ],
    ],
    [
      '3 villages',
      totals(90, 85, 80),
      [
        ['a', 1, 5000],
        ['b', 2, 0],
        ['c', 3, -5000],
      ],
    ],
    [
      '4 villages: two places at each end',
      totals(70, 90, 80, 85),
      [
        ['b', 1, 5000],
        ['d', 2, 3000],
        ['c', 3, -3000],
        ['a', 4, -5000],
      ],
    ],
    [
      '5 villages: the middle gets nothing',
      totals(90, 85, 80, 75, 70),
      [
        ['a', 1, 5000],
        ['b', 2, 3000],
        ['c', 3, 0],
        ['d', 4, -3000],
        ['e', 5, -5000],
      ],
    ],
    [
      '6 villages: three places at each end',
      totals(90, 85, 80, 75, 70, 65),
      [
        ['a', 1, 5000],
        ['b', 2, 3000],
        ['c', 3, 2000],
        ['d', 4, -2000],
        ['e', 5, -3000],
        ['f', 6, -5000],
      ],
    ],
    [
      '7 villages',
      totals(90, 85, 80, 75, 70, 65, 60),
      [
        ['a', 1, 5000],
        ['b', 2, 3000],
        ['c', 3, 2000],
        ['d', 4, 0],
        ['e', 5, -2000],
        ['f', 6, -3000],
        ['g', 7, -5000],
      ],
    ],
    [
      '8 villages: two in the middle',
      totals(90, 85, 80, 75, 70, 65, 60, 55),
      [
        ['a', 1, 5000],
        ['b', 2, 3000],
        ['c', 3, 2000],
        ['d', 4, 0],
        ['e', 5, 0],
        ['f', 6, -2000],
        ['g', 7, -3000],
        ['h', 8, -5000],
      ],
    ],
  ])('%s', (_what, entries, expected) => {
    expect(bulletin(rankVillages(entries))).toEqual(expected);
  });
});

describe('rankVillages: tie-breaks', () => {
  it.each<[string, RankingEntry[], [string, number, number][]]>([
    [
      'resolved by the total',
      [parts('a', 40, 30, 10), parts('b', 45, 25, 15)],
      [
        ['b', 1, 5000],
        ['a', 2, -5000],
      ],
    ],
    [
      'resolved by hundredths of the total',
      [parts('a', 40, 30, 10), parts('b', 40, 30, 10.01)],
      [
        ['b', 1, 5000],
        ['a', 2, -5000],
      ],
    ],
    [
      'equal totals, resolved by 看户',
      [parts('a', 44, 21, 15), parts('b', 45, 20, 15)],
      [
        ['b', 1, 5000],
        ['a', 2, -5000],
      ],
    ],
    [
      '看户 outranks 看村',
      [parts('a', 45, 20, 15), parts('b', 45.01, 19.99, 15)],
      [
        ['b', 1, 5000],
        ['a', 2, -5000],
      ],
    ],
    [
      'equal totals and 看户, resolved by 看村',
      [parts('a', 45, 20, 15), parts('b', 45, 21, 14)],
      [
        ['b', 1, 5000],
        ['a', 2, -5000],
      ],
    ],
    [
      '看村 outranks 看组',
      [parts('a', 45, 20, 15), parts('b', 45, 20.01, 14.99)],
      [
        ['b', 1, 5000],
        ['a', 2, -5000],
      ],
    ],
    [
      'equal on every figure: tied',
      [parts('a', 45, 20, 15), parts('b', 45, 20, 15)],
      [
        ['a', 1, 0],
        ['b', 1, 0],
      ],
    ],
    [
      'each level in one table of six',
      [
        parts('f', 40, 20, 10), // 70
        parts('e', 45, 20, 15), // 80, 看户 45, 看村 20
        parts('d', 45, 21, 14), // 80, 看户 45, 看村 21
        parts('c', 46, 18, 16), // 80, 看户 46
        parts('b', 45, 21, 14), // the same as d: tied
        parts('a', 50, 25, 15), // 90
      ],
      [
        ['a', 1, 5000],
        ['c', 2, 3000],
        ['b', 3, 0],
        ['d', 3, 0],
        ['e', 5, -3000],
        ['f', 6, -5000],
      ],
    ],
  ])('%s', (_what, entries, expected) => {
    expect(bulletin(rankVillages(entries))).toEqual(expected);
  });

  it('看组 never decides alone: equal total, 看户 and 看村 mean equal 看组', () => {
    // The total is the exact sum of the parts, so the last tie-break is implied by the others.
    const a = parts('a', 45, 20, 15);
    const b = parts('b', 45, 20, 15);
    expect(compareScores(a, b)).toBe(0);
    expect(a.groups).toBe(b.groups);
  });

  it.each<[RankingEntry, RankingEntry, number]>([
    [parts('a', 45, 20, 15), parts('b', 40, 20, 15), -1],
    [parts('a', 40, 20, 15), parts('b', 45, 20, 15), 1],
    [parts('a', 45, 20, 15), parts('b', 45, 20, 15), 0],
  ])('compareScores(%j, %j) has the sign %s', (a, b, sign) => {
    expect(Math.sign(compareScores(a, b))).toBe(sign);
  });
});

describe('rankVillages: mistakes', () => {
  it('refuses a village listed twice', () => {
    expect(() => rankVillages([parts('a', 40, 20, 10), parts('a', 45, 20, 10)])).toThrow(/twice/);
  });

  it('refuses a total that is not the sum of its parts', () => {
    expect(() => rankVillages([{ villageId: 'a', households: 40, village: 20, groups: 10, total: 71 }])).toThrow(RangeError);
  });

  it('refuses figures with more than two decimals', () => {
    expect(() => rankVillages([{ villageId: 'a', households: 40.005, village: 20, groups: 10, total: 70.005 }])).toThrow(
      RangeError,
    );
  });
});

describe('prizesSchema', () => {
  it.each<[unknown, boolean]>([
    [DEFAULT_PRIZES, true],
    [{ rewards: [], deductions: [] }, true],
    [{ rewards: [5000.5], deductions: [0.01] }, true],
    [{ rewards: [-5000], deductions: [] }, false],
    [{ rewards: [5000.005], deductions: [] }, false],
    [{ rewards: [5000] }, false],
    [{ rewards: [], deductions: [], bonus: 1 }, false],
    [{ rewards: Array(11).fill(1), deductions: [] }, false],
  ])('%j → %s', (prizes, ok) => {
    expect(prizesSchema.safeParse(prizes).success).toBe(ok);
  });

  it('says the money has at most two decimals', () => {
    const result = prizesSchema.safeParse({ rewards: [1.234], deductions: [] });
    expect(!result.success && result.error.issues[0]?.message).toBe('i18n:issue.money');
  });

  it('the defaults are the seed’s: 5,000, 3,000 and 2,000 each way', () => {
    expect(DEFAULT_PRIZES).toEqual({ rewards: [5000, 3000, 2000], deductions: [5000, 3000, 2000] });
  });
});
