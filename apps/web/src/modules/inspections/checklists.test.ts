import { describe, expect, it } from 'vitest';
import { checkChecklist, defaultChecklists, itemsOf, validKindCode } from './checklists';

const T = '0190a1b2-0000-7000-8000-000000000001';

describe('checklists on the client', () => {
  it('falls back to the default lists of every site kind and sector', () => {
    const lists = defaultChecklists();
    expect(lists.map((c) => c.target)).toEqual([
      'poverty_office',
      'clinic',
      'workshop',
      'industry_base',
      'education',
      'medical',
      'housing',
      'water',
    ]);
    expect(itemsOf(lists, 'clinic').map((i) => i.code)).toEqual(['cl1', 'cl2', 'cl3', 'cl4']);
    expect(itemsOf(undefined, 'water')).toHaveLength(4);
    expect(itemsOf(lists, 'nothing')).toEqual([]);
  });

  it('names each row’s problems as the server would: a repeated code, a short text, a bad code', () => {
    const found = checkChecklist({
      townshipId: T,
      scope: 'site',
      label: null,
      needsLabel: false,
      items: [
        { code: 'c1', text: '有村医', evidence: 'photo' },
        { code: 'c1', text: '药', evidence: 'photo' },
        { code: 'c 3', text: '有药品', evidence: 'none' },
      ],
    });
    expect(found.rows[1]?.code?.key).toBe('checklist.duplicate_code');
    expect(found.rows[1]?.text).toMatchObject({ key: 'issue.too_short', params: { min: 2 } });
    expect(found.rows[2]?.code?.key).toBe('issue.invalid_format');
    expect(found.rows[0]).toBeUndefined();
    expect(found.count).toBe(3);
  });

  it('asks a name of a new site kind and at least one item', () => {
    const found = checkChecklist({ townshipId: T, scope: 'site', label: ' ', needsLabel: true, items: [] });
    expect(found.label?.key).toBe('issue.required');
    expect(found.list?.key).toBe('issue.required');
    expect(found.count).toBe(2);
    expect(
      checkChecklist({
        townshipId: T,
        scope: 'site',
        label: '幸福院',
        needsLabel: true,
        items: [{ code: 'e1', text: '有专人管理', evidence: 'photo' }],
      }).count,
    ).toBe(0);
  });

  it('accepts codes of new site kinds in lower-case latin', () => {
    expect(validKindCode('elder_home')).toBe(true);
    expect(validKindCode('Elder')).toBe(false);
    expect(validKindCode('幸福院')).toBe(false);
    expect(validKindCode('water')).toBe(false);
  });
});
