import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type IssueLike, issueToFieldError } from '../i18n/issues';
import { clientId, divisionCode, isoDate, optionalText, pageOf, pageQuery, text } from './common';

describe('divisionCode', () => {
  it.each<[unknown, string | null]>([
    ['369901101001', '369901101001'],
    [' 369901101001 ', '369901101001'],
    [null, null],
    [undefined, null],
  ])('accepts %j as %j', (value, parsed) => {
    expect(divisionCode.parse(value)).toBe(parsed);
  });

  it.each<[unknown, string]>([
    ['36990110100', 'issue.division_code'],
    ['3699011010011', 'issue.division_code'],
    ['36990110100a', 'issue.division_code'],
    ['', 'issue.division_code'],
    ['３６９９０１１０１００１', 'issue.division_code'],
  ])('refuses %j with %s', (value, key) => {
    const result = divisionCode.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => issueToFieldError(i as IssueLike).key)).toEqual([key]);
  });
});

describe('isoDate', () => {
  it.each([
    ['2020-03-10', true],
    ['2020-02-29', true],
    ['2021-02-29', false],
    ['2020-04-31', false],
    ['2020-13-01', false],
    ['2020-3-10', false],
    ['20200310', false],
    ['2020-03-10T00:00:00Z', false],
  ])('%j → %s', (value, ok) => {
    const result = isoDate.safeParse(value);
    expect(result.success).toBe(ok);
    if (!result.success) expect(issueToFieldError(result.error.issues[0] as IssueLike).key).toBe('issue.invalid_date');
  });
});

describe('clientId', () => {
  it.each([
    ['0f8fad5b-d9cb-469f-a165-70867728950e', true],
    [crypto.randomUUID(), true],
    ['0f8fad5b-d9cb-469f-a165-70867728950', false],
    ['not-a-uuid', false],
    ['', false],
  ])('%j → %s', (value, ok) => {
    expect(clientId.safeParse(value).success).toBe(ok);
  });
});

describe('text and optionalText', () => {
  it.each<[unknown, boolean, string | undefined]>([
    ['  新村  ', true, '新村'],
    ['a', true, 'a'],
    ['   ', false, undefined],
    ['x'.repeat(10), true, 'x'.repeat(10)],
    ['x'.repeat(11), false, undefined],
  ])('text(1, 10) %j → %s', (value, ok, parsed) => {
    const result = text(1, 10).safeParse(value);
    expect(result.success).toBe(ok);
    if (result.success) expect(result.data).toBe(parsed);
  });

  it.each<[unknown, string | null]>([
    ['  13800000000 ', '13800000000'],
    ['', null],
    ['   ', null],
    [null, null],
    [undefined, null],
  ])('optionalText(20) %j → %j', (value, parsed) => {
    expect(optionalText(20).parse(value)).toBe(parsed);
  });

  it('optionalText refuses text over its limit', () => {
    expect(optionalText(3).safeParse('abcd').success).toBe(false);
  });
});

describe('pageQuery', () => {
  it.each<[unknown, { limit: number; offset: number } | null]>([
    [{}, { limit: 50, offset: 0 }],
    [
      { limit: '20', offset: '40' },
      { limit: 20, offset: 40 },
    ],
    [{ limit: 1 }, { limit: 1, offset: 0 }],
    [{ limit: 500 }, { limit: 500, offset: 0 }],
    [{ limit: 0 }, null],
    [{ limit: 501 }, null],
    [{ offset: -1 }, null],
    [{ limit: '2.5' }, null],
    [{ limit: 'x' }, null],
  ])('%j → %j', (value, parsed) => {
    const result = pageQuery.safeParse(value);
    if (parsed === null) expect(result.success).toBe(false);
    else expect(result.data).toEqual(parsed);
  });
});

describe('pageOf', () => {
  it('wraps items with a whole-number total', () => {
    const page = pageOf(z.string());
    expect(page.safeParse({ items: ['a'], total: 1 }).success).toBe(true);
    expect(page.safeParse({ items: [1], total: 1 }).success).toBe(false);
    expect(page.safeParse({ items: [], total: 0.5 }).success).toBe(false);
  });
});
