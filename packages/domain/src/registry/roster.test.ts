import { describe, expect, it } from 'vitest';
import { normalizeMobile, readRosterRow } from './roster';

describe('a roster row', () => {
  it.each<[string, unknown[], unknown]>([
    [
      'a full row; the household list split on 、 and de-duplicated',
      ['张三', '13800001111', '县交通运输局', '3601、3602、3601'],
      { row: { name: '张三', mobile: '13800001111', workUnit: '县交通运输局', households: ['3601', '3602'] } },
    ],
    [
      'a mobile typed as a number, with no unit and no households',
      ['李四', 13900002222, null, null],
      { row: { name: '李四', mobile: '13900002222', workUnit: null, households: [] } },
    ],
    [
      'a mobile with spaces and dashes',
      ['王五', '139 0000-3333', '', ''],
      { row: { name: '王五', mobile: '13900003333', workUnit: null, households: [] } },
    ],
    [
      'ten digits',
      ['赵六', '1380000111', null, null],
      { issues: [{ column: 1, key: 'roster.bad_mobile', params: { value: '1380000111' } }] },
    ],
    [
      'a landline',
      ['赵六', '07971234567', null, null],
      { issues: [{ column: 1, key: 'roster.bad_mobile', params: { value: '07971234567' } }] },
    ],
    [
      'no name and no mobile',
      [null, ' ', '县水利局', '3601'],
      {
        issues: [
          { column: 0, key: 'issue.required' },
          { column: 1, key: 'issue.required' },
        ],
      },
    ],
    [
      'a name over 40 characters',
      ['张'.repeat(41), '13800001111', null, null],
      { issues: [{ column: 0, key: 'issue.too_long', params: { max: 40 } }] },
    ],
    ['a formula', ['张三', { formula: 'A1' }, null, null], { issues: [{ column: 1, key: 'sheet.formula' }] }],
  ])('%s', (_label, cells, expected) => {
    expect(readRosterRow(cells as never)).toEqual(expected);
  });

  it('keeps only digits of the separators people type', () => {
    expect(normalizeMobile(' 138-0000 1111 ')).toBe('13800001111');
  });
});
