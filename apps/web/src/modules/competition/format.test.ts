import { describe, expect, it } from 'vitest';
import { monthLabel, monthsAround, thisMonth, yuanText } from './format';

describe('months and money as the township writes them', () => {
  it.each([
    ['2026-03', 'zh-CN', '2026年3月'],
    ['2026-12', 'zh-CN', '2026年12月'],
    ['2026-03', 'en', 'March 2026'],
    ['2027-01', 'en', 'January 2027'],
  ] as const)('%s in %s is %s', (month, lang, text) => {
    expect(monthLabel(month, lang)).toBe(text);
  });

  it.each([
    [500_000, '+5,000.00'],
    [333_334, '+3,333.34'],
    [1, '+0.01'],
    [0, '0.00'],
    [-1, '−0.01'],
    [-1_000_000, '−10,000.00'],
  ])('%i fen is %s yuan, signed as the bulletin prints it', (fen, text) => {
    expect(yuanText(fen)).toBe(text);
  });

  it('offers the next month and the last twelve, newest first, across the year’s turn', () => {
    const months = monthsAround('2026-01');
    expect(months).toHaveLength(13);
    expect(months[0]).toBe('2026-02');
    expect(months[1]).toBe('2026-01');
    expect(months[2]).toBe('2025-12');
    expect(months.at(-1)).toBe('2025-02');
    expect(monthsAround('2026-12')[0]).toBe('2027-01');
  });

  it('this month is Beijing’s, whatever the browser’s zone', () => {
    expect(thisMonth(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01');
    expect(thisMonth(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12');
  });
});
