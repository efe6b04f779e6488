import { describe, expect, it } from 'vitest';
import type { UnitKind } from './roles';
import { checkDivisionCode, childKindOf, type DivisionCodeProblem, significantDigits, UNIT_KINDS } from './units';

const COUNTY = { kind: 'county', code: '369901000000' } as const;
const TOWNSHIP = { kind: 'township', code: '369901101000' } as const;
const VILLAGE = { kind: 'village', code: '369901101001' } as const;

type Parent = { kind: UnitKind; code: string | null } | null;

describe('UNIT_KINDS', () => {
  it('orders the tree from the top', () => {
    expect(UNIT_KINDS).toEqual(['county', 'township', 'village', 'group']);
  });
});

describe('childKindOf', () => {
  it.each<[UnitKind, UnitKind | null]>([
    ['county', 'township'],
    ['township', 'village'],
    ['village', 'group'],
    ['group', null],
  ])('%s → %s', (kind, child) => {
    expect(childKindOf(kind)).toBe(child);
  });
});

describe('significantDigits', () => {
  it.each<[UnitKind, number]>([
    ['county', 6],
    ['township', 9],
    ['village', 12],
    ['group', 12],
  ])('%s → %i', (kind, digits) => {
    expect(significantDigits(kind)).toBe(digits);
  });
});

describe('checkDivisionCode', () => {
  it.each<[string, string, UnitKind, Parent, DivisionCodeProblem | null]>([
    // counties: six digits then six zeros
    ['county', '369901000000', 'county', null, null],
    ['county, real code (Dongcheng, Beijing)', '110101000000', 'county', null, null],
    ['county code with township digits', '369901101000', 'county', null, 'padding'],
    ['county code with village digits', '369901000001', 'county', null, 'padding'],
    ['county code of a province (zero county digits)', '369000000000', 'county', null, 'padding'],
    // townships: nine digits then 000, township digits nonzero
    ['township under its county', '369901101000', 'township', COUNTY, null],
    ['township without parent', '369901101000', 'township', null, null],
    ['township with all-zero township digits', '369901000000', 'township', COUNTY, 'padding'],
    ['township code with village digits', '369901101001', 'township', COUNTY, 'padding'],
    ['township of another county', '369902101000', 'township', COUNTY, 'parent_prefix'],
    ['padding is reported before the prefix', '369902000000', 'township', COUNTY, 'padding'],
    ['township under a county without code', '369902101000', 'township', { kind: 'county', code: null }, null],
    // villages: last three digits nonzero
    ['village under its township', '369901101001', 'village', TOWNSHIP, null],
    ['village 201 under its township', '369901101201', 'village', TOWNSHIP, null],
    ['village with all-zero village digits', '369901101000', 'village', TOWNSHIP, 'padding'],
    ['village of another township', '369901102001', 'village', TOWNSHIP, 'parent_prefix'],
    ['village of another county', '369902101001', 'village', TOWNSHIP, 'parent_prefix'],
    ['village under a township without code', '369901102001', 'village', { kind: 'township', code: null }, null],
    // groups have no official code: only the format is checked
    ['group with the village code', '369901101001', 'group', VILLAGE, null],
    ['group with any twelve digits', '999999999999', 'group', VILLAGE, null],
    ['group with all zeros', '000000000000', 'group', VILLAGE, null],
    ['group with letters', 'abcdefghijkl', 'group', VILLAGE, 'format'],
    ['group with 11 digits', '36990110100', 'group', VILLAGE, 'format'],
    // format
    ['11 digits', '36990100000', 'county', null, 'format'],
    ['13 digits', '3699010000000', 'county', null, 'format'],
    ['6-digit county code', '369901', 'county', null, 'format'],
    ['empty', '', 'township', COUNTY, 'format'],
    ['letter', '36990110100a', 'village', TOWNSHIP, 'format'],
    ['leading space', ' 369901000000', 'county', null, 'format'],
    ['trailing newline', '369901000000\n', 'county', null, 'format'],
    ['full-width digits', '３６９９０１００００００', 'county', null, 'format'],
    ['format is reported before the prefix', '369902', 'township', COUNTY, 'format'],
  ])('%s: %j as %s → %s', (_label, code, kind, parent, problem) => {
    expect(checkDivisionCode(code, kind, parent)).toBe(problem);
  });

  it('accepts every well-formed chain county → township → village', () => {
    for (const t of ['001', '100', '101', '999']) {
      const township = `369901${t}000`;
      expect(checkDivisionCode(township, 'township', COUNTY)).toBeNull();
      for (const v of ['001', '010', '100', '999']) {
        const village = `369901${t}${v}`;
        expect(checkDivisionCode(village, 'village', { kind: 'township', code: township })).toBeNull();
        expect(checkDivisionCode(village, 'group', { kind: 'village', code: village })).toBeNull();
      }
    }
  });
});
