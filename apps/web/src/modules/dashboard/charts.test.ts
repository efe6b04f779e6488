import { describe, expect, it } from 'vitest';
import { barsHeight, barsOption, problemSeries, STATE_COLORS, visitSeries } from './charts';

const rows = [
  { missing: 1, late: 2, due: 3, done: 4, upcoming: 0, open: 5, overdue: 2, closed: 7 },
  { missing: 0, late: 0, due: 9, done: 1, upcoming: 0, open: 0, overdue: 0, closed: 3 },
];
const label = (s: string) => `<${s}>`;

describe('the dashboard’s bars', () => {
  it('stacks the visit states into one bar, what is overdue at its base; each series is its state', () => {
    const s = visitSeries(rows, label);
    expect(s.map((x) => x.id)).toEqual(['missing', 'late', 'due', 'done', 'upcoming']);
    expect(s.every((x) => x.stack === 'tasks')).toBe(true);
    expect(s[0]).toMatchObject({ name: '<missing>', values: [1, 0] });
    // the stacked bar's height is every task of the row
    expect(s.reduce((sum, x) => sum + (x.values[0] ?? 0), 0)).toBe(10);
  });

  it('stacks open and closed (all problems) with overdue beside them', () => {
    const s = problemSeries(rows, label);
    expect(s.map((x) => [x.id, x.stack ?? null])).toEqual([
      ['overdue', null],
      ['open', 'all'],
      ['closed', 'all'],
    ]);
    expect(s[2]?.values).toEqual([7, 3]);
  });

  it('lays bars down on a phone, names down the side in the given order', () => {
    const series = visitSeries(rows, label);
    const desk = barsOption(['东溪村', '石桥村'], series, false) as Record<string, { type?: string; inverse?: boolean }>;
    const phone = barsOption(['东溪村', '石桥村'], series, true) as Record<string, { type?: string; inverse?: boolean }>;
    expect([desk.xAxis?.type, desk.yAxis?.type]).toEqual(['category', 'value']);
    expect([phone.xAxis?.type, phone.yAxis?.type, phone.yAxis?.inverse]).toEqual(['value', 'category', true]);
    const out = (phone as { series: { id: string; itemStyle: { color: string } }[] }).series;
    expect(out.map((x) => x.id)).toEqual(series.map((x) => x.id));
    expect(out[0]?.itemStyle.color).toBe(STATE_COLORS.missing);
  });

  it('gives every row its line on a phone, never under 200 px', () => {
    expect(barsHeight(1, true)).toBe(200);
    expect(barsHeight(12, true)).toBe(12 * 32 + 72);
    expect(barsHeight(12, false)).toBe(320);
  });
});
