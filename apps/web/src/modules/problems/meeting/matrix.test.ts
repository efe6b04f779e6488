import { describe, expect, it } from 'vitest';
import type { Matrix } from '../api';
import { matrixRows, totalsOf, usedCategories } from './matrix';

const m: Matrix = {
  villages: [
    { id: 'a', name: '东溪村' },
    { id: 'b', name: '石桥村' },
  ],
  categories: [
    { code: 'education', zh: '义务教育', en: 'Education' },
    { code: 'site', zh: '场所', en: 'Sites' },
    { code: 'water', zh: '饮水安全', en: 'Water' },
  ],
  cells: [
    { villageId: 'a', category: 'site', open: 2, closed: 1, overdue: 1 },
    { villageId: 'a', category: 'education', open: 0, closed: 3, overdue: 0 },
    { villageId: null, category: 'education', open: 1, closed: 0, overdue: 0 },
  ],
};

describe('the meeting table', () => {
  it('sums each village and the township’s own problems', () => {
    const rows = matrixRows(m, '镇级');
    expect(rows.map((r) => [r.name, r.total, r.closed, r.open, r.overdue])).toEqual([
      ['东溪村', 6, 4, 2, 1],
      ['石桥村', 0, 0, 0, 0],
      ['镇级', 1, 0, 1, 0],
    ]);
    expect(rows[0]?.byCategory).toEqual({ site: 3, education: 3 });
  });

  it('leaves out 镇级 when it holds nothing, and lists only used categories in order', () => {
    const none = { ...m, cells: m.cells.filter((c) => c.villageId !== null) };
    expect(matrixRows(none, '镇级').map((r) => r.name)).toEqual(['东溪村', '石桥村']);
    expect(usedCategories(m)).toEqual(['education', 'site']);
  });

  it('totals every column', () => {
    const total = totalsOf(matrixRows(m, '镇级'), '合计');
    expect(total).toMatchObject({ total: 7, closed: 4, open: 3, overdue: 1, byCategory: { site: 3, education: 4 } });
  });
});
