import { describe, expect, it } from 'vitest';
import { type IssueLike, issueToFieldError } from '../i18n/issues';
import { createUnitInput, unitKind, updateUnitInput } from './org';

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const PARENT = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const base = { id: ID, parentId: PARENT, name: '新村' };

function fieldErrors(result: { success: boolean; error?: { issues: readonly unknown[] } }) {
  return (result.error?.issues ?? []).map((i) => issueToFieldError(i as IssueLike));
}

describe('createUnitInput', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['code null', { ...base, code: null }, { code: null, sortOrder: 0 }],
    ['code omitted', base, { code: null }],
    ['12-digit code', { ...base, code: '369901101001' }, { code: '369901101001' }],
    ['code with spaces around', { ...base, code: ' 369901101001 ' }, { code: '369901101001' }],
    ['name trimmed', { ...base, name: '  新村  ' }, { name: '新村' }],
    ['sort order given', { ...base, sortOrder: 7 }, { sortOrder: 7 }],
    ['sort order at the maximum', { ...base, sortOrder: 100_000 }, { sortOrder: 100_000 }],
  ])('accepts %s', (_label, input, expected) => {
    const result = createUnitInput.safeParse(input);
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject(expected);
  });

  it.each<[string, Record<string, unknown>, { path: string; key: string; params?: Record<string, number> }]>([
    ['11-digit code', { ...base, code: '36990110100' }, { path: 'code', key: 'issue.division_code' }],
    ['13-digit code', { ...base, code: '3699011010011' }, { path: 'code', key: 'issue.division_code' }],
    ['code with a letter', { ...base, code: '36990110100X' }, { path: 'code', key: 'issue.division_code' }],
    ['empty code', { ...base, code: '' }, { path: 'code', key: 'issue.division_code' }],
    ['empty name', { ...base, name: '' }, { path: 'name', key: 'issue.required' }],
    ['blank name', { ...base, name: '   ' }, { path: 'name', key: 'issue.required' }],
    ['name of 61 characters', { ...base, name: '村'.repeat(61) }, { path: 'name', key: 'issue.too_long', params: { max: 60 } }],
    ['negative sort order', { ...base, sortOrder: -1 }, { path: 'sortOrder', key: 'issue.too_small', params: { min: 0 } }],
    [
      'sort order too big',
      { ...base, sortOrder: 100_001 },
      { path: 'sortOrder', key: 'issue.too_big', params: { max: 100_000 } },
    ],
    ['bad id', { ...base, id: 'x' }, { path: 'id', key: 'issue.invalid_uuid' }],
    ['missing parent', { id: ID, name: '新村' }, { path: 'parentId', key: 'issue.required' }],
  ])('refuses %s', (_label, input, expected) => {
    const result = createUnitInput.safeParse(input);
    expect(result.success).toBe(false);
    expect(fieldErrors(result)).toEqual([expected]);
  });
});

describe('updateUnitInput', () => {
  it.each<[Record<string, unknown>, boolean]>([
    [{}, true],
    [{ name: '新名' }, true],
    [{ code: null }, true],
    [{ code: '369901101001' }, true],
    [{ code: '123' }, false],
    [{ name: '' }, false],
    [{ sortOrder: -1 }, false],
  ])('%j → %s', (input, ok) => {
    expect(updateUnitInput.safeParse(input).success).toBe(ok);
  });

  it('leaves the code out when it is not sent, and clears it when null is sent', () => {
    expect(updateUnitInput.parse({}).code).toBeUndefined();
    expect(updateUnitInput.parse({ code: null }).code).toBeNull();
  });
});

describe('unitKind', () => {
  it.each([
    ['county', true],
    ['township', true],
    ['village', true],
    ['group', true],
    ['province', false],
  ])('%j → %s', (kind, ok) => {
    expect(unitKind.safeParse(kind).success).toBe(ok);
  });
});
