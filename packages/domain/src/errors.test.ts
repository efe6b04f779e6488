import { describe, expect, it } from 'vitest';
import { DomainError, ERROR_CODES, fieldError } from './errors';

describe('DomainError', () => {
  it('carries its code, parameters and fields', () => {
    const e = new DomainError('UNIT_CODE_TAKEN', { code: '369901101000', name: '新村镇' }, [
      { path: 'code', key: 'UNIT_CODE_TAKEN' },
    ]);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('DomainError');
    expect(e.code).toBe('UNIT_CODE_TAKEN');
    expect(e.params).toEqual({ code: '369901101000', name: '新村镇' });
    expect(e.fields).toEqual([{ path: 'code', key: 'UNIT_CODE_TAKEN' }]);
    expect(e.message).toBe('UNIT_CODE_TAKEN {"code":"369901101000","name":"新村镇"}');
  });

  it('defaults to no parameters and no fields', () => {
    const e = new DomainError('FORBIDDEN');
    expect(e.params).toEqual({});
    expect(e.fields).toEqual([]);
  });
});

describe('fieldError', () => {
  it.each([
    ['username', 'issue.required', undefined, [{ path: 'username', key: 'issue.required' }]],
    ['name', 'issue.too_long', { max: 60 }, [{ path: 'name', key: 'issue.too_long', params: { max: 60 } }]],
  ])('%s %s %j', (path, key, params, fields) => {
    const e = fieldError(path, key, params);
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.params).toEqual({});
    expect(e.fields).toStrictEqual(fields);
  });
});

describe('ERROR_CODES', () => {
  it('has no duplicates', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });
});
