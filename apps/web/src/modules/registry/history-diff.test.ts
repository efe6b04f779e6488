import { describe, expect, it } from 'vitest';
import { cadreNames, householdChanges, pairingOf } from './history-diff';

const member = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  id,
  name,
  idNumber: null,
  relation: 'son',
  sex: 'male',
  status: 'current',
  sortOrder: 0,
  createdAt: 'x',
  updatedAt: 'y',
  ...extra,
});

const doc = (extra: Record<string, unknown>, members: unknown[]) => ({
  id: 'h1',
  townshipId: 't1',
  version: 1,
  headName: '谭振华',
  address: '一组',
  tags: [],
  wageIncome: 1000,
  members,
  ...extra,
});

describe('householdChanges', () => {
  it('lists changed household fields and member changes, leaving bookkeeping out', () => {
    const before = doc({}, [member('a', '谭振华', { relation: 'head' }), member('b', '谭小军'), member('c', '李秀英')]);
    const after = doc({ version: 2, wageIncome: 1500, tags: ['marginal'] }, [
      member('a', '谭振华', { relation: 'head', sortOrder: 5 }),
      member('b', '谭小玲', { sex: 'female', status: 'moved_out' }),
      member('d', '谭新', { relation: 'grandchild' }),
    ]);
    const rows = householdChanges(before, after).map((c) => [c.member, c.memberChange, c.field, c.before, c.after]);
    expect(rows).toEqual([
      [null, null, 'tags', [], ['marginal']],
      [null, null, 'wageIncome', 1000, 1500],
      ['谭小玲', null, 'name', '谭小军', '谭小玲'],
      ['谭小玲', null, 'sex', 'male', 'female'],
      ['谭小玲', null, 'status', 'current', 'moved_out'],
      ['谭新', 'added', '', null, expect.objectContaining({ name: '谭新' })],
      ['李秀英', 'removed', '', expect.objectContaining({ name: '李秀英' }), null],
    ]);
  });

  it('on a create lists what was filled in and every member as added', () => {
    const rows = householdChanges(null, doc({ address: null }, [member('a', '谭振华')]));
    expect(rows.map((c) => c.field || c.memberChange)).toEqual(['headName', 'wageIncome', 'added']);
  });

  it('has nothing to say without documents', () => {
    expect(householdChanges(null, null)).toEqual([]);
  });
});

describe('pairings in the history', () => {
  it('names the cadre of an unpair from the earlier pair', () => {
    const entries = [
      { action: 'unpair', before: { cadreId: 'c1', since: '2026-01-01' }, after: null },
      { action: 'pair', before: null, after: { cadreId: 'c1', cadreName: '苏霞艳', since: '2026-01-01' } },
    ];
    const names = cadreNames(entries);
    expect(pairingOf(entries[0]!, names)).toEqual({ cadreId: 'c1', cadreName: '苏霞艳', since: '2026-01-01' });
    expect(pairingOf(entries[1]!, new Map())).toEqual({ cadreId: 'c1', cadreName: '苏霞艳', since: '2026-01-01' });
  });
});
