import { describe, expect, it } from 'vitest';
import type { Year, YearVillage } from '../work-api';
import { barsFloor, latestRanking } from './ranking';

const month = (m: string, status = 'final') => ({ roundId: m, month: m, status });
const village = (name: string, monthly: [number | null, number | null][]): YearVillage => ({
  villageId: name,
  villageName: name,
  monthly: monthly.map(([total, rank], i) => ({ month: `2026-0${i + 1}`, status: 'final', total, rank, moneyFen: null })),
  roundsCounted: 0,
  competitionScore: null,
  otherScore: null,
  evaluation: null,
});
const year = (months: Year['months'], villages: YearVillage[]): Year => ({
  townshipId: 't',
  townshipName: '清溪镇',
  year: 2026,
  competitionWeight: 0.5,
  months,
  villages,
});

describe('the ranking chart', () => {
  it('draws the latest month that has totals, first place first, shared ranks kept', () => {
    const y = year(
      [month('2026-01'), month('2026-02', 'published')],
      [
        village('东溪村', [
          [90, 2],
          [88.5, 3],
        ]),
        village('石桥村', [
          [92, 1],
          [91, 1],
        ]),
        village('杨梅村', [
          [85, 3],
          [91, 1],
        ]),
      ],
    );
    expect(latestRanking(y)).toEqual({
      month: '2026-02',
      rows: [
        { name: '石桥村', total: 91, rank: 1 },
        { name: '杨梅村', total: 91, rank: 1 },
        { name: '东溪村', total: 88.5, rank: 3 },
      ],
    });
  });

  it('falls back to an earlier month when the latest has no totals, and to nothing without rounds', () => {
    const y = year(
      [month('2026-01'), month('2026-02', 'scoring')],
      [
        village('东溪村', [
          [90, 1],
          [null, null],
        ]),
      ],
    );
    expect(latestRanking(y)?.month).toBe('2026-01');
    expect(latestRanking(year([], [village('东溪村', [])]))).toBeNull();
  });

  it.each([
    [91.75, 80],
    [90, 80],
    [89.99, 70],
    [5, 0],
    [0, 0],
  ])('bars for a lowest total of %s start at %s', (lowest, floor) => {
    expect(barsFloor(lowest)).toBe(floor);
  });
});
