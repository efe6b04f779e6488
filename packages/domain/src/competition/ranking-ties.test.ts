import { describe, expect, it } from 'vitest';
import { placeMoneyFen, type RankingEntry, rankVillages } from './ranking';
import { bulletin, parts, totals } from './ranking.fixtures';
import { mulberry32 } from './sampling';

describe('rankVillages: ties', () => {
  it.each<[string, RankingEntry[], [string, number, number][]]>([
    [
      '7 villages, tied at 3rd and 4th: 2,000 + 0 shared',
      totals(90, 85, 80, 80, 70, 65, 60),
      [
        ['a', 1, 5000],
        ['b', 2, 3000],
        ['c', 3, 1000],
        ['d', 3, 1000],
        ['e', 5, -2000],
        ['f', 6, -3000],
        ['g', 7, -5000],
      ],
    ],
    [
      '6 villages, tied at 3rd and 4th: 2,000 − 2,000 shared',
      totals(90, 85, 80, 80, 70, 65),
      [
        ['a', 1, 5000],
        ['b', 2, 3000],
        ['c', 3, 0],
        ['d', 3, 0],
        ['e', 5, -3000],
        ['f', 6, -5000],
      ],
    ],
    [
      '5 villages, tied at 3rd and 4th: 0 − 3,000 shared',
      totals(90, 85, 80, 80, 70),
      [
        ['a', 1, 5000],
        ['b', 2, 3000],
        ['c', 3, -1500],
        ['d', 3, -1500],
        ['e', 5, -5000],
      ],
    ],
    [
      '4 villages, tied at 2nd and 3rd: 3,000 − 3,000 shared',
      totals(90, 85, 85, 80),
      [
        ['a', 1, 5000],
        ['b', 2, 0],
        ['c', 2, 0],
        ['d', 4, -5000],
      ],
    ],
    [
      '4 villages, tied at the top',
      totals(90, 90, 85, 80),
      [
        ['a', 1, 4000],
        ['b', 1, 4000],
        ['c', 3, -3000],
        ['d', 4, -5000],
      ],
    ],
    [
      '3 villages, tied at the top: 5,000 + 0 shared',
      totals(90, 90, 80),
      [
        ['a', 1, 2500],
        ['b', 1, 2500],
        ['c', 3, -5000],
      ],
    ],
    [
      '7 villages, tied at the bottom: −3,000 − 5,000 shared',
      totals(90, 85, 80, 75, 70, 60, 60),
      [
        ['a', 1, 5000],
        ['b', 2, 3000],
        ['c', 3, 2000],
        ['d', 4, 0],
        ['e', 5, -2000],
        ['f', 6, -4000],
        ['g', 6, -4000],
      ],
    ],
    [
      '7 villages, the bottom three tied: 10,000 lost in thirds, the odd fen by the last listed',
      totals(90, 85, 80, 75, 60, 60, 60),
      [
        ['a', 1, 5000],
        ['b', 2, 3000],
        ['c', 3, 2000],
        ['d', 4, 0],
        ['e', 5, -3333.33],
        ['f', 5, -3333.33],
        ['g', 5, -3333.34],
      ],
    ],
    [
      '7 villages, the top three tied: 10,000 in thirds, the odd fen to the first listed',
      totals(90, 90, 90, 75, 70, 65, 60),
      [
        ['a', 1, 3333.34],
        ['b', 1, 3333.33],
        ['c', 1, 3333.33],
        ['d', 4, 0],
        ['e', 5, -2000],
        ['f', 6, -3000],
        ['g', 7, -5000],
      ],
    ],
    [
      '7 villages, tied at 2nd to 4th: 3,000 + 2,000 + 0 shared',
      totals(90, 85, 85, 85, 70, 65, 60),
      [
        ['a', 1, 5000],
        ['b', 2, 1666.67],
        ['c', 2, 1666.67],
        ['d', 2, 1666.66],
        ['e', 5, -2000],
        ['f', 6, -3000],
        ['g', 7, -5000],
      ],
    ],
    [
      '7 villages, tied at 4th and 5th: 0 − 2,000 shared',
      totals(90, 85, 80, 75, 75, 65, 60),
      [
        ['a', 1, 5000],
        ['b', 2, 3000],
        ['c', 3, 2000],
        ['d', 4, -1000],
        ['e', 4, -1000],
        ['f', 6, -3000],
        ['g', 7, -5000],
      ],
    ],
    [
      '8 villages, tied at 3rd to 6th: 2,000 + 0 + 0 − 2,000 shared',
      totals(90, 85, 80, 80, 80, 80, 60, 55),
      [
        ['a', 1, 5000],
        ['b', 2, 3000],
        ['c', 3, 0],
        ['d', 3, 0],
        ['e', 3, 0],
        ['f', 3, 0],
        ['g', 7, -3000],
        ['h', 8, -5000],
      ],
    ],
    ['7 villages, everyone tied', totals(80, 80, 80, 80, 80, 80, 80), 'abcdefg'.split('').map((id) => [id, 1, 0])],
    ['6 villages, everyone tied', totals(80, 80, 80, 80, 80, 80), 'abcdef'.split('').map((id) => [id, 1, 0])],
    ['5 villages, everyone tied', totals(80, 80, 80, 80, 80), 'abcde'.split('').map((id) => [id, 1, 0])],
    ['4 villages, everyone tied', totals(80, 80, 80, 80), 'abcd'.split('').map((id) => [id, 1, 0])],
    [
      '6 villages, two ties: top and bottom pairs',
      totals(90, 90, 80, 75, 60, 60),
      [
        ['a', 1, 4000],
        ['b', 1, 4000],
        ['c', 3, 2000],
        ['d', 4, -2000],
        ['e', 5, -4000],
        ['f', 5, -4000],
      ],
    ],
  ])('%s', (_what, entries, expected) => {
    expect(bulletin(rankVillages(entries))).toEqual(expected);
  });

  it('records the places a tie group occupies', () => {
    const ranked = rankVillages(totals(90, 85, 80, 80, 70, 65, 60));
    expect(ranked.map((r) => [r.villageId, r.firstPlace, r.lastPlace])).toEqual([
      ['a', 1, 1],
      ['b', 2, 2],
      ['c', 3, 4],
      ['d', 3, 4],
      ['e', 5, 5],
      ['f', 6, 6],
      ['g', 7, 7],
    ]);
  });
});

describe('rankVillages: the listing of tied villages', () => {
  it('follows the township’s order, then the id; the odd fen follows the listing', () => {
    const entries = [
      parts('a', 90, 0, 0, 2),
      parts('b', 90, 0, 0),
      parts('c', 90, 0, 0, 1),
      ...totals(75, 70, 65, 60).map((e, i) => ({ ...e, villageId: `z${i}` })),
    ];
    expect(bulletin(rankVillages(entries)).slice(0, 3)).toEqual([
      ['c', 1, 3333.34],
      ['a', 1, 3333.33],
      ['b', 1, 3333.33],
    ]);
  });

  it('does not depend on the order the villages arrive in', () => {
    const entries = totals(90, 85, 85, 85, 70, 60, 60);
    const expected = rankVillages(entries);
    expect(rankVillages([...entries].reverse())).toEqual(expected);
    expect(rankVillages([entries[3]!, entries[0]!, entries[6]!, entries[1]!, entries[5]!, entries[2]!, entries[4]!])).toEqual(
      expected,
    );
  });
});

describe('rankVillages: the money always adds up', () => {
  // Random tables of 1 to 12 villages with many ties (totals from a handful of values).
  const next = mulberry32(2020);
  const tables = Array.from({ length: 300 }, () => {
    const n = 1 + (next() % 12);
    return totals(...Array.from({ length: n }, () => 60 + (next() % 4) * 10));
  });

  it.each(tables.map((t, i) => [i, t] as const))('table %s', (_i, entries) => {
    const ranked = rankVillages(entries);
    const money = placeMoneyFen(entries.length);
    expect(ranked.reduce((a, r) => a + r.moneyFen, 0)).toBe(money.reduce((a, b) => a + b, 0));
    for (const r of ranked) {
      const group = ranked.filter((o) => o.rank === r.rank);
      expect(group).toHaveLength(r.lastPlace - r.firstPlace + 1);
      expect(group.reduce((a, o) => a + o.moneyFen, 0)).toBe(
        money.slice(r.firstPlace - 1, r.lastPlace).reduce((a, b) => a + b, 0),
      );
      expect(Math.abs(r.moneyFen - group[0]!.moneyFen)).toBeLessThanOrEqual(1);
    }
    // competition ranking: a rank is one more than the number of villages above
    for (const r of ranked) expect(r.rank).toBe(ranked.filter((o) => o.total > r.total).length + 1);
  });
});
