import { describe, expect, it } from 'vitest';
import { type IssueLike, issueToFieldError } from '../i18n/issues';
import { assignRoleInput, createUserInput, loginInput, username } from './users';

describe('username', () => {
  it.each<[string, string]>([
    ['abc', 'abc'],
    ['li.ming', 'li.ming'],
    ['li_ming-2020', 'li_ming-2020'],
    ['T1.Admin', 'T1.Admin'],
    ['123', '123'],
    ['a'.repeat(32), 'a'.repeat(32)],
    ['  liming  ', 'liming'],
  ])('accepts %j as %j', (value, parsed) => {
    expect(username.parse(value)).toBe(parsed);
  });

  it.each([['ab'], ['a'.repeat(33)], [''], ['李明'], ['li ming'], ['li@ming'], ['li+ming'], ['li/ming'], ['  ab  ']])(
    'refuses %j with issue.username',
    (value) => {
      const result = username.safeParse(value);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((i) => issueToFieldError(i as IssueLike))).toEqual([{ path: '', key: 'issue.username' }]);
    },
  );
});

describe('createUserInput', () => {
  const base = {
    id: '0f8fad5b-d9cb-469f-a165-70867728950e',
    username: 'liming',
    displayName: '李明',
    homeUnitId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    password: 'x',
  };

  it('accepts a user and turns an absent phone into null', () => {
    expect(createUserInput.parse(base)).toEqual({ ...base, phone: null, workUnitId: null });
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['short username', { ...base, username: 'ab' }, 'username', 'issue.username'],
    ['empty display name', { ...base, displayName: ' ' }, 'displayName', 'issue.required'],
    ['long display name', { ...base, displayName: '李'.repeat(41) }, 'displayName', 'issue.too_long'],
    ['empty password', { ...base, password: '' }, 'password', 'issue.required'],
    ['long phone', { ...base, phone: '1'.repeat(21) }, 'phone', 'issue.too_long'],
    ['bad home unit', { ...base, homeUnitId: 'T1' }, 'homeUnitId', 'issue.invalid_uuid'],
  ])('refuses %s', (_label, input, path, key) => {
    const result = createUserInput.safeParse(input);
    expect(result.error?.issues.map((i) => issueToFieldError(i as IssueLike))).toMatchObject([{ path, key }]);
  });
});

describe('loginInput', () => {
  it.each<[Record<string, unknown>, boolean]>([
    [{ username: 'liming', password: 'p' }, true],
    [{ username: ' ', password: 'p' }, false],
    [{ username: 'liming', password: '' }, false],
    [{ username: 'x'.repeat(65), password: 'p' }, false],
    [{ username: 'liming', password: 'p'.repeat(257) }, false],
  ])('%j → %s', (input, ok) => {
    expect(loginInput.safeParse(input).success).toBe(ok);
  });
});

describe('assignRoleInput', () => {
  const base = { id: '0f8fad5b-d9cb-469f-a165-70867728950e', role: 'cadre', unitId: '7c9e6679-7425-40de-944b-e07fc1f90ae7' };
  it.each<[Record<string, unknown>, Record<string, unknown> | null]>([
    [base, { sector: null, title: null }],
    [{ ...base, role: 'sector_leader', sector: 'water' }, { sector: 'water' }],
    [
      { ...base, sector: null, title: ' 第一书记 ' },
      { sector: null, title: '第一书记' },
    ],
    [{ ...base, role: 'admin' }, null],
    [{ ...base, sector: 'roads' }, null],
  ])('%j → %j', (input, expected) => {
    const result = assignRoleInput.safeParse(input);
    if (expected === null) expect(result.success).toBe(false);
    else expect(result.data).toMatchObject(expected);
  });
});
