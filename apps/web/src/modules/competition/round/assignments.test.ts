import { describe, expect, it } from 'vitest';
import type { RoundVillage } from '../api';
import { assignmentsOf, cell, gridOf } from './assignments';

const village = (villageId: string, judges: Partial<RoundVillage['judges']>): RoundVillage =>
  ({
    villageId,
    villageName: villageId,
    judges: { households: [], groups: [], village: [], ...judges },
  }) as RoundVillage;

const a = village('v-a', { households: [{ id: 'j1', name: '甲' }], village: [{ id: 'j2', name: '乙' }] });
const b = village('v-b', {
  groups: [
    { id: 'j1', name: '甲' },
    { id: 'j3', name: '丙' },
  ],
});

describe('the judges’ grid', () => {
  it('holds every village and part, empty where nobody is assigned', () => {
    const g = gridOf([a, b]);
    expect(Object.keys(g)).toHaveLength(6);
    expect(g[cell('v-a', 'households')]).toEqual(['j1']);
    expect(g[cell('v-a', 'groups')]).toEqual([]);
    expect(g[cell('v-b', 'groups')]).toEqual(['j1', 'j3']);
  });

  it('goes back to the same list it came from, in village and part order', () => {
    expect(assignmentsOf([a, b], gridOf([a, b]))).toEqual([
      { judgeId: 'j1', part: 'households', villageId: 'v-a' },
      { judgeId: 'j2', part: 'village', villageId: 'v-a' },
      { judgeId: 'j1', part: 'groups', villageId: 'v-b' },
      { judgeId: 'j3', part: 'groups', villageId: 'v-b' },
    ]);
  });

  it('sends what was edited, and nothing of villages it was not given', () => {
    const g = { ...gridOf([a, b]), [cell('v-a', 'village')]: [], [cell('v-b', 'village')]: ['j2'], 'v-c:groups': ['j9'] };
    expect(assignmentsOf([a, b], g)).toEqual([
      { judgeId: 'j1', part: 'households', villageId: 'v-a' },
      { judgeId: 'j1', part: 'groups', villageId: 'v-b' },
      { judgeId: 'j3', part: 'groups', villageId: 'v-b' },
      { judgeId: 'j2', part: 'village', villageId: 'v-b' },
    ]);
    expect(assignmentsOf([], g)).toEqual([]);
  });
});
