import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../errors';
import type { PasswordProblem } from '../password';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../password';
import { ROLES, SECTORS } from '../roles';
import { pageQuery } from '../schemas/common';
import { createUnitInput, createWorkUnitInput, updateUnitInput, updateWorkUnitInput } from '../schemas/org';
import {
  assignRoleInput,
  changePasswordInput,
  createUserInput,
  loginInput,
  resetPasswordInput,
  updateUserInput,
} from '../schemas/users';
import { type DivisionCodeProblem, UNIT_KINDS } from '../units';
import { describeFieldError } from './issues';
import { fieldLabel, hasMessage, LANGS, type Lang, pickLang, translate } from './messages';

describe('translate', () => {
  it.each<[Lang, string, Record<string, string | number>, string]>([
    ['zh-CN', 'ACCOUNT_LOCKED', { minutes: 15 }, '连续登录失败次数过多，账号已临时锁定，请 15 分钟后再试'],
    ['en', 'ACCOUNT_LOCKED', { minutes: 15 }, 'Too many failed logins; the account is locked. Try again in 15 minutes'],
    ['zh-CN', 'UNIT_CODE_TAKEN', { code: '369901101000', name: '新村镇' }, '区划代码 369901101000 已被「新村镇」使用'],
    ['en', 'UNIT_CODE_TAKEN', { code: '369901101000', name: 'Xincun' }, 'Division code 369901101000 is already used by "Xincun"'],
    // unknown placeholders stay as they are
    ['zh-CN', 'UNIT_CODE_TAKEN', { code: '369901101000' }, '区划代码 369901101000 已被「{name}」使用'],
    ['en', 'UNIT_CODE_TAKEN', {}, 'Division code {code} is already used by "{name}"'],
    ['en', 'NOT_FOUND', { other: 'x' }, '{entity} not found'],
    // zero is a value, not a missing parameter
    ['en', 'UNIT_HAS_CHILDREN', { name: 'V1', count: 0 }, '"V1" still has 0 units under it and cannot be deleted'],
    // values are inserted literally: no second substitution, no replacement patterns
    ['en', 'UNIT_CODE_TAKEN', { code: '{name}', name: 'X' }, 'Division code {name} is already used by "X"'],
    ['en', 'USERNAME_TAKEN', { username: "$& $' $1" }, 'Username "$& $\' $1" is taken'],
    // extra parameters are ignored
    ['zh-CN', 'issue.required', { min: 3 }, '必填'],
    ['zh-CN', 'issue.too_short', { min: 3 }, '至少 3 个字'],
    ['en', 'issue.too_short', { min: 3 }, 'at least 3 characters'],
    // unknown keys come back as they are
    ['zh-CN', 'no.such.key', {}, 'no.such.key'],
    ['en', 'no.such.key', {}, 'no.such.key'],
    ['en', 'field.nickname', {}, 'field.nickname'],
  ])('%s %s %j → %s', (lang, key, params, text) => {
    expect(translate(lang, key, params)).toBe(text);
  });

  it('defaults params to none', () => {
    expect(translate('en', 'NOT_FOUND')).toBe('{entity} not found');
    expect(translate('zh-CN', 'UNAUTHENTICATED')).toBe('请先登录');
  });

  it.each<[Lang, string]>([
    ['zh-CN', '至少 8 位'],
    ['en', 'at least 8 characters'],
  ])('says the password minimum in %s', (lang, text) => {
    expect(translate(lang, 'password.too_short')).toBe(text);
    expect(translate(lang, 'password.too_short')).toContain(String(PASSWORD_MIN_LENGTH));
    expect(translate(lang, 'password.too_long')).toContain(String(PASSWORD_MAX_LENGTH));
  });
});

describe('hasMessage', () => {
  it.each([
    ['VALIDATION_FAILED', true],
    ['issue.required', true],
    ['field.username', true],
    ['role.cadre', true],
    ['no.such.key', false],
    ['', false],
  ])('%j → %s', (key, has) => {
    expect(hasMessage(key)).toBe(has);
  });
});

/*
 * Names inherited from Object.prototype are not catalogue keys: a taken username 'constructor'
 * or a unit named 'toString' must not be translated, nor crash the error response.
 */
describe('names inherited from Object.prototype', () => {
  const inherited = ['toString', 'constructor', 'hasOwnProperty', 'valueOf', '__proto__'];
  it.each(inherited)('hasMessage(%j) is false', (key) => {
    expect(hasMessage(key)).toBe(false);
  });
  it.each(inherited)('translate(en, %j) returns the key', (key) => {
    expect(translate('en', key)).toBe(key);
  });
  it.each(inherited)('describeFieldError names the key %j instead of throwing', (key) => {
    expect(describeFieldError('zh-CN', { path: 'username', key })).toBe(`「用户名」：${key}`);
  });
});

describe('fieldLabel', () => {
  it.each<[Lang, string, string]>([
    ['zh-CN', 'username', '用户名'],
    ['en', 'username', 'Username'],
    ['zh-CN', 'code', '区划代码'],
    ['en', 'homeUnitId', 'Unit'],
    ['zh-CN', 'homeUnitId', '所属单位'],
    // the last non-numeric segment names the field
    ['zh-CN', 'members.2.name', '姓名'],
    ['en', 'members.2.name', 'Name'],
    ['zh-CN', 'items.10.code', '区划代码'],
    ['zh-CN', 'user.displayName', '姓名'],
    ['en', 'members.0.phone', 'Mobile'],
    ['zh-CN', 'username.', '用户名'],
    ['zh-CN', 'members.0', '家庭成员'],
    // unknown fields are named by their path segment
    ['zh-CN', 'nickname', 'nickname'],
    ['en', 'members.2.nickname', 'nickname'],
    ['zh-CN', '3', '3'],
    ['en', '', ''],
  ])('%s %j → %s', (lang, path, label) => {
    expect(fieldLabel(lang, path)).toBe(label);
  });
});

describe('pickLang', () => {
  it.each<[string | null | undefined, Lang]>([
    ['en', 'en'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['EN', 'en'],
    [' en ', 'en'],
    [undefined, 'zh-CN'],
    [null, 'zh-CN'],
    ['', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-CN', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['fr', 'zh-CN'],
    ['de-DE', 'zh-CN'],
    ['zh-CN,en;q=0.9', 'zh-CN'],
  ])('%j → %s', (preference, lang) => {
    expect(pickLang(preference)).toBe(lang);
  });

  it('offers exactly Chinese and English', () => {
    expect(LANGS).toEqual(['zh-CN', 'en']);
  });
});

describe('the catalogues', () => {
  // exhaustive by type: adding a problem to the union without adding it here fails typecheck
  const divisionProblems = { format: true, padding: true, parent_prefix: true } satisfies Record<DivisionCodeProblem, true>;
  const passwordProblems = {
    too_short: true,
    too_long: true,
    needs_letter_and_digit: true,
    same_as_username: true,
  } satisfies Record<PasswordProblem, true>;
  const issueKeys = [
    'issue.required',
    'issue.type',
    'issue.too_short',
    'issue.too_long',
    'issue.too_small',
    'issue.too_big',
    'issue.not_integer',
    'issue.invalid_option',
    'issue.invalid_format',
    'issue.invalid_uuid',
    'issue.invalid_date',
    'issue.unknown_key',
    'issue.division_code',
    'issue.username',
  ];
  const inputSchemas = [
    createUnitInput,
    updateUnitInput,
    createUserInput,
    updateUserInput,
    createWorkUnitInput,
    updateWorkUnitInput,
    loginInput,
    changePasswordInput,
    resetPasswordInput,
    assignRoleInput,
    pageQuery,
  ];
  const fieldKeys = [...new Set(inputSchemas.flatMap((s) => Object.keys(s.shape)))].map((f) => `field.${f}`);
  const keys = [
    ...ERROR_CODES,
    ...issueKeys,
    ...Object.keys(divisionProblems).map((p) => `division.${p}`),
    ...Object.keys(passwordProblems).map((p) => `password.${p}`),
    'password.same_as_old',
    ...ROLES.map((r) => `role.${r}`),
    ...SECTORS.map((s) => `sector.${s}`),
    ...UNIT_KINDS.map((k) => `kind.${k}`),
    ...['unit', 'user', 'session', 'household', 'member', 'role_assignment', 'work_unit'].map((e) => `entity.${e}`),
    ...['users', 'households', 'roles', 'cadres'].map((w) => `what.${w}`),
    ...fieldKeys,
    'field.from',
    'field.to',
  ];
  const han = /\p{Script=Han}/u;
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it.each(keys)('%s exists in Chinese and in English', (key) => {
    expect(hasMessage(key)).toBe(true);
    const zh = translate('zh-CN', key);
    const en = translate('en', key);
    expect(zh).not.toBe(key);
    expect(en).not.toBe(key);
    // translate falls back to Chinese: an English text without Han characters proves the en entry exists
    expect(en).not.toMatch(han);
    expect(zh).toMatch(han);
    expect(placeholders(en)).toEqual(placeholders(zh));
  });
});
