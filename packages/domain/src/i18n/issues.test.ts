import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { FieldError } from '../errors';
import { ROLES } from '../roles';
import { createUserInput } from '../schemas/users';
import { describeFieldError, I18N_PREFIX, type IssueLike, issueToFieldError, issueToFieldErrors } from './issues';
import type { Lang } from './messages';

/** The single issue a value raises against a schema, parsed as the server's validator does. */
function issueOf(schema: z.ZodType, value: unknown, params?: { reportInput?: boolean }): IssueLike {
  const result = schema.safeParse(value, params);
  if (result.success) throw new Error(`expected ${JSON.stringify(value)} to fail`);
  expect(result.error.issues).toHaveLength(1);
  return result.error.issues[0] as IssueLike;
}

describe('issueToFieldError with real zod issues', () => {
  it.each<[string, z.ZodType, unknown, FieldError]>([
    ['missing required field', z.object({ username: z.string() }), {}, { path: 'username', key: 'issue.required' }],
    [
      'null for a required field',
      z.object({ username: z.string() }),
      { username: null },
      { path: 'username', key: 'issue.required' },
    ],
    [
      'too short string',
      z.object({ username: z.string().min(3) }),
      { username: 'ab' },
      { path: 'username', key: 'issue.too_short', params: { min: 3 } },
    ],
    ['empty string where min is 1', z.object({ name: z.string().min(1) }), { name: '' }, { path: 'name', key: 'issue.required' }],
    [
      'blank string, trimmed, min 1',
      z.object({ name: z.string().trim().min(1) }),
      { name: '   ' },
      { path: 'name', key: 'issue.required' },
    ],
    [
      'too long string',
      z.object({ name: z.string().max(60) }),
      { name: 'x'.repeat(61) },
      { path: 'name', key: 'issue.too_long', params: { max: 60 } },
    ],
    [
      'number too small',
      z.object({ sortOrder: z.number().min(0) }),
      { sortOrder: -1 },
      { path: 'sortOrder', key: 'issue.too_small', params: { min: 0 } },
    ],
    [
      'number too big',
      z.object({ limit: z.number().max(500) }),
      { limit: 501 },
      { path: 'limit', key: 'issue.too_big', params: { max: 500 } },
    ],
    [
      'empty array where one is required',
      z.object({ roles: z.array(z.string()).min(1) }),
      { roles: [] },
      { path: 'roles', key: 'issue.required' },
    ],
    [
      'array too long',
      z.object({ roles: z.array(z.string()).max(2) }),
      { roles: ['a', 'b', 'c'] },
      { path: 'roles', key: 'issue.too_big', params: { max: 2 } },
    ],
    ['invalid enum value', z.object({ role: z.enum(ROLES) }), { role: 'admin' }, { path: 'role', key: 'issue.invalid_option' }],
    [
      'invalid literal',
      z.object({ kind: z.literal('village') }),
      { kind: 'group' },
      { path: 'kind', key: 'issue.invalid_option' },
    ],
    ['invalid uuid', z.object({ id: z.uuid() }), { id: 'not-a-uuid' }, { path: 'id', key: 'issue.invalid_uuid' }],
    ['invalid guid', z.object({ id: z.guid() }), { id: '1234' }, { path: 'id', key: 'issue.invalid_uuid' }],
    [
      '31 February via z.iso.date()',
      z.object({ from: z.iso.date() }),
      { from: '2021-02-31' },
      { path: 'from', key: 'issue.invalid_date' },
    ],
    [
      '29 February 2021 via z.iso.date()',
      z.object({ from: z.iso.date() }),
      { from: '2021-02-29' },
      { path: 'from', key: 'issue.invalid_date' },
    ],
    [
      'slashed date via z.iso.date()',
      z.object({ from: z.iso.date() }),
      { from: '2020/03/10' },
      { path: 'from', key: 'issue.invalid_date' },
    ],
    ['invalid date-time', z.object({ to: z.iso.datetime() }), { to: 'tomorrow' }, { path: 'to', key: 'issue.invalid_date' }],
    ['invalid e-mail', z.object({ email: z.email() }), { email: 'x' }, { path: 'email', key: 'issue.invalid_format' }],
    [
      'regex without a catalogue key',
      z.object({ phone: z.string().regex(/^\d+$/) }),
      { phone: 'abc' },
      { path: 'phone', key: 'issue.invalid_format' },
    ],
    [
      'custom message i18n:issue.division_code',
      z.object({ code: z.string().regex(/^\d{12}$/, { error: 'i18n:issue.division_code' }) }),
      { code: '123' },
      { path: 'code', key: 'issue.division_code' },
    ],
    [
      'refinement with a catalogue key',
      z.object({ username: z.string().refine(() => false, { message: 'i18n:issue.username' }) }),
      { username: 'x' },
      { path: 'username', key: 'issue.username' },
    ],
    [
      'refinement without a catalogue key',
      z.string().refine(() => false, { message: 'nope' }),
      'x',
      { path: '', key: 'issue.type' },
    ],
    ['unknown key', z.strictObject({ a: z.string() }), { a: 'x', b: 1 }, { path: 'b', key: 'issue.unknown_key' }],
    [
      'unknown key in a nested object',
      z.object({ filter: z.strictObject({ a: z.string() }) }),
      { filter: { a: 'x', zzz: 1 } },
      { path: 'filter.zzz', key: 'issue.unknown_key' },
    ],
    [
      'nested path with an array index',
      z.object({ members: z.array(z.object({ name: z.string().min(1) })) }),
      { members: [{ name: 'a' }, { name: 'b' }, { name: '' }] },
      { path: 'members.2.name', key: 'issue.required' },
    ],
    ['union mismatch', z.union([z.literal('a'), z.number()]), true, { path: '', key: 'issue.type' }],
  ])('%s', (_label, schema, value, expected) => {
    expect(issueToFieldError(issueOf(schema, value))).toEqual(expected);
  });
});

/*
 * Zod 4 leaves `input` out of issues unless parsing with `{ reportInput: true }`; the mapping must
 * still tell a wrong value (格式不正确 / 必须是整数) from a missing one (必填).
 */
describe('issueToFieldError, invalid_type without reportInput', () => {
  it.each<[string, z.ZodType, unknown, FieldError]>([
    [
      'non-integer',
      z.object({ sortOrder: z.number().int() }),
      { sortOrder: 1.5 },
      { path: 'sortOrder', key: 'issue.not_integer' },
    ],
    ['string for a number', z.object({ sortOrder: z.number() }), { sortOrder: 'x' }, { path: 'sortOrder', key: 'issue.type' }],
    ['number for a string', z.object({ name: z.string() }), { name: 5 }, { path: 'name', key: 'issue.type' }],
  ])('%s', (_label, schema, value, expected) => {
    expect(issueToFieldError(issueOf(schema, value))).toEqual(expected);
  });
});

/* An `unrecognized_keys` issue lists every unknown key of one object: one field error each. */
describe('issueToFieldErrors, several unknown keys in one object', () => {
  it('gives each unknown key its own error instead of a nested path', () => {
    const issue = issueOf(z.strictObject({ a: z.string() }), { a: 'x', b: 1, c: 2 });
    expect(issueToFieldError(issue).path).toBe('b');
    expect(issueToFieldErrors(issue)).toEqual([
      { path: 'b', key: 'issue.unknown_key' },
      { path: 'c', key: 'issue.unknown_key' },
    ]);
  });
});

describe('issueToFieldError, invalid_type with reportInput', () => {
  it.each<[string, z.ZodType, unknown, FieldError]>([
    [
      'non-integer',
      z.object({ sortOrder: z.number().int() }),
      { sortOrder: 1.5 },
      { path: 'sortOrder', key: 'issue.not_integer' },
    ],
    ['string for a number', z.object({ sortOrder: z.number() }), { sortOrder: 'x' }, { path: 'sortOrder', key: 'issue.type' }],
    ['number for a string', z.object({ name: z.string() }), { name: 5 }, { path: 'name', key: 'issue.type' }],
    ['missing field', z.object({ name: z.string() }), {}, { path: 'name', key: 'issue.required' }],
    ['null field', z.object({ name: z.string() }), { name: null }, { path: 'name', key: 'issue.required' }],
  ])('%s', (_label, schema, value, expected) => {
    expect(issueToFieldError(issueOf(schema, value, { reportInput: true }))).toEqual(expected);
  });
});

describe('issueToFieldError with hand-made issues (the shape the server rebuilds)', () => {
  it.each<[string, IssueLike, FieldError]>([
    [
      'catalogue message wins over the code',
      { code: 'too_small', path: ['code'], message: `${I18N_PREFIX}issue.division_code`, origin: 'string', minimum: 5 },
      { path: 'code', key: 'issue.division_code' },
    ],
    [
      'error-code key in the message',
      { code: 'custom', path: ['code'], message: 'i18n:UNIT_CODE_INVALID' },
      { path: 'code', key: 'UNIT_CODE_INVALID' },
    ],
    [
      'prefix only in the middle is not a key',
      { code: 'custom', path: [], message: 'x i18n:issue.required' },
      { path: '', key: 'issue.type' },
    ],
    ['no message', { code: 'invalid_value', path: ['role'] }, { path: 'role', key: 'issue.invalid_option' }],
    [
      'numeric path segments',
      { code: 'invalid_type', path: ['members', 0, 'idNumber'], expected: 'string', input: undefined },
      { path: 'members.0.idNumber', key: 'issue.required' },
    ],
    [
      'invalid_type with an input',
      { code: 'invalid_type', path: ['a'], expected: 'string', input: 3 },
      { path: 'a', key: 'issue.type' },
    ],
    [
      'invalid_type int with an input',
      { code: 'invalid_type', path: ['a'], expected: 'int', input: 2.5 },
      { path: 'a', key: 'issue.not_integer' },
    ],
    [
      'too_small on a bigint',
      { code: 'too_small', path: ['n'], origin: 'bigint', minimum: 5n },
      { path: 'n', key: 'issue.too_small', params: { min: 5 } },
    ],
    [
      'too_big on a bigint',
      { code: 'too_big', path: ['n'], origin: 'bigint', maximum: 9n },
      { path: 'n', key: 'issue.too_big', params: { max: 9 } },
    ],
    [
      'too_small string min 0',
      { code: 'too_small', path: ['s'], origin: 'string', minimum: 0 },
      { path: 's', key: 'issue.required' },
    ],
    [
      'too_small string min 2',
      { code: 'too_small', path: ['s'], origin: 'string', minimum: 2 },
      { path: 's', key: 'issue.too_short', params: { min: 2 } },
    ],
    ['too_small array', { code: 'too_small', path: ['a'], origin: 'array', minimum: 3 }, { path: 'a', key: 'issue.required' }],
    [
      'invalid_format other',
      { code: 'invalid_format', path: ['p'], format: 'regex' },
      { path: 'p', key: 'issue.invalid_format' },
    ],
    [
      'unrecognized_keys at the root',
      { code: 'unrecognized_keys', path: [], keys: ['x'] },
      { path: 'x', key: 'issue.unknown_key' },
    ],
    ['unrecognized_keys without keys', { code: 'unrecognized_keys', path: ['f'] }, { path: 'f', key: 'issue.unknown_key' }],
    ['unknown code', { code: 'not_multiple_of', path: ['n'] }, { path: 'n', key: 'issue.type' }],
  ])('%s', (_label, issue, expected) => {
    expect(issueToFieldError(issue)).toEqual(expected);
  });
});

describe('describeFieldError', () => {
  it.each<[Lang, FieldError, string]>([
    ['zh-CN', { path: 'username', key: 'issue.too_short', params: { min: 3 } }, '「用户名」：至少 3 个字'],
    ['en', { path: 'username', key: 'issue.too_short', params: { min: 3 } }, 'Username: at least 3 characters'],
    ['zh-CN', { path: 'name', key: 'issue.too_long', params: { max: 60 } }, '「名称」：最多 60 个字'],
    ['en', { path: 'name', key: 'issue.too_long', params: { max: 60 } }, 'Name: at most 60 characters'],
    ['zh-CN', { path: 'code', key: 'issue.division_code' }, '「区划代码」：应为 12 位数字的统计用区划代码'],
    ['en', { path: 'code', key: 'issue.division_code' }, 'Division code: must be a 12-digit statistical division code'],
    ['zh-CN', { path: 'sortOrder', key: 'issue.too_small', params: { min: 0 } }, '「排序」：不能小于 0'],
    ['en', { path: 'limit', key: 'issue.too_big', params: { max: 500 } }, 'Page size: must be at most 500'],
    ['zh-CN', { path: 'from', key: 'issue.invalid_date' }, '「开始时间」：不是有效的日期（应为 年-月-日）'],
    ['zh-CN', { path: 'members.2.name', key: 'issue.required' }, '「姓名」：必填'],
    ['en', { path: 'members.2.name', key: 'issue.required' }, 'Name: required'],
    ['zh-CN', { path: '', key: 'issue.required' }, '必填'],
    ['en', { path: '', key: 'issue.required' }, 'required'],
    ['zh-CN', { path: 'nickname', key: 'issue.required' }, '「nickname」：必填'],
    ['en', { path: 'nickname', key: 'issue.required' }, 'nickname: required'],
    ['zh-CN', { path: 'username', key: 'no.such.key' }, '「用户名」：no.such.key'],
    ['zh-CN', { path: 'username', key: 'issue.too_short' }, '「用户名」：至少 {min} 个字'],
    [
      'zh-CN',
      { path: 'code', key: 'UNIT_CODE_INVALID', params: { reason: '应为 12 位数字' } },
      '「区划代码」：区划代码不正确：应为 12 位数字',
    ],
    ['en', { path: 'username', key: 'USERNAME_TAKEN', params: { username: 'liming' } }, 'Username: Username "liming" is taken'],
  ])('%s %j → %s', (lang, error, text) => {
    expect(describeFieldError(lang, error)).toBe(text);
  });

  it.each<[Lang, string]>([
    ['zh-CN', '「用户名」：只能使用字母、数字、点、横线和下划线，3 到 32 位'],
    ['en', 'Username: letters, digits, dot, dash and underscore only, 3 to 32 characters'],
  ])('describes a bad username from the real schema in %s', (lang, text) => {
    const input = {
      id: crypto.randomUUID(),
      username: 'ab',
      displayName: '李明',
      homeUnitId: crypto.randomUUID(),
      password: 'x',
    };
    const result = createUserInput.safeParse(input);
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((i) => describeFieldError(lang, issueToFieldError(i as IssueLike)));
    expect(messages).toEqual([text]);
  });
});
