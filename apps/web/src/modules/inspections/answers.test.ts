import type { ChecklistItem } from '@fupin/domain';
import { describe, expect, it } from 'vitest';
import { type Answers, tally, toResults } from './answers';

const items: ChecklistItem[] = [
  { code: 'ed1', text: '无失学辍学', evidence: 'document' },
  { code: 'ed2', text: '送教上门', evidence: 'document' },
  { code: 'ed3', text: '资助应享尽享', evidence: 'document' },
];
const V = '0190a1b2-0000-7000-8000-00000000000a';
const H = '0190a1b2-0000-7000-8000-00000000000b';

describe('checklist answers', () => {
  it('counts what is answered and failed, and names what is open', () => {
    const answers: Answers = { ed1: { ok: true, note: '', places: [] }, ed3: { ok: false, note: '', places: [] } };
    expect(tally(items, answers)).toEqual({ total: 3, done: 2, failed: 1, open: ['ed2'] });
  });

  it('sends every answered item, a note only when written', () => {
    const answers: Answers = {
      ed1: { ok: true, note: '  ', places: [] },
      ed2: { ok: false, note: ' 一名学生未送教 ', places: [] },
    };
    expect(toResults(items, answers)).toEqual([
      { code: 'ed1', ok: true, note: null, householdId: null, villageId: null },
      { code: 'ed2', ok: false, note: '一名学生未送教', householdId: null, villageId: null },
    ]);
  });

  it('sends a failed item once per place it names, without repeats or blank places', () => {
    const answers: Answers = {
      ed1: {
        ok: false,
        note: '辍学',
        places: [
          { villageId: V, householdId: H },
          { villageId: V, householdId: H },
          { villageId: null, householdId: null },
          { villageId: V, householdId: null },
        ],
      },
      // a passed item forgets the places it named while it was failed
      ed2: { ok: true, note: '', places: [{ villageId: V, householdId: null }] },
    };
    expect(toResults(items, answers)).toEqual([
      { code: 'ed1', ok: false, note: '辍学', householdId: H, villageId: V },
      { code: 'ed1', ok: false, note: '辍学', householdId: null, villageId: V },
      { code: 'ed2', ok: true, note: null, householdId: null, villageId: null },
    ]);
  });
});
