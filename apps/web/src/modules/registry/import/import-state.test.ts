import { describe, expect, it } from 'vitest';
import type { ImportJob } from '../import-api';
import { errorText, importStep } from './import-state';

const job = (status: ImportJob['status']) => ({ status }) as ImportJob;

describe('importStep', () => {
  it('follows the import from the unit to the result', () => {
    expect(importStep(false, undefined)).toEqual({ current: 0, status: 'process' });
    expect(importStep(true, undefined)).toEqual({ current: 1, status: 'process' });
    expect(importStep(true, job('reading'))).toEqual({ current: 2, status: 'process' });
    expect(importStep(true, job('checked'))).toEqual({ current: 2, status: 'process' });
    expect(importStep(true, job('invalid'))).toEqual({ current: 2, status: 'error' });
    expect(importStep(true, job('failed'))).toEqual({ current: 2, status: 'error' });
    expect(importStep(true, job('committed'))).toEqual({ current: 3, status: 'finish' });
  });
});

describe('errorText', () => {
  const base = { sheet: '成员信息', row: 3, column: 'C', header: '身份证号' };
  it('keeps only the explanation after the place the other columns show', () => {
    expect(errorText({ ...base, message: '成员信息 第 3 行 C 列（身份证号）：身份证号校验码错误（最后一位不对）' })).toBe(
      '身份证号校验码错误（最后一位不对）',
    );
    expect(errorText({ ...base, message: '成员信息 row 3, column C (身份证号): wrong check digit (the last character)' })).toBe(
      'wrong check digit (the last character)',
    );
  });

  it('keeps a message of another shape whole', () => {
    expect(errorText({ ...base, message: '缺少工作表「户信息」' })).toBe('缺少工作表「户信息」');
  });
});
