import { buildIdNumber } from '@fupin/domain';
import { describe, expect, it } from 'vitest';
import { idNumberFeedback, isMaskedId } from './id-number';

const TODAY = '2026-03-10';
const VALID = buildIdNumber('369901', '1968-04-12', 901, 'male');
const wrongCheck = `${VALID.slice(0, 17)}${VALID[17] === '0' ? '1' : '0'}`;

describe('idNumberFeedback', () => {
  it('says nothing while digits are still being typed', () => {
    expect(idNumberFeedback('3699011968', TODAY, false)).toEqual({ state: 'typing' });
    expect(idNumberFeedback('', TODAY, false)).toEqual({ state: 'empty' });
  });

  it('calls a short number short once the field is left', () => {
    expect(idNumberFeedback('3699011968', TODAY, true)).toMatchObject({ state: 'error', key: 'idcard.length' });
  });

  it('judges a wrong character at once', () => {
    expect(idNumberFeedback('36990A', TODAY, false)).toMatchObject({ state: 'error', key: 'idcard.characters' });
    expect(idNumberFeedback('3699011968041290A1', TODAY, false)).toMatchObject({ state: 'error', key: 'idcard.characters' });
  });

  it('finds a wrong check digit and a birth date in the future', () => {
    expect(idNumberFeedback(wrongCheck, TODAY, false)).toMatchObject({ state: 'error', key: 'idcard.check_digit' });
    const future = buildIdNumber('369901', '2027-01-01', 1, 'female');
    expect(idNumberFeedback(future, TODAY, false)).toMatchObject({ state: 'error', key: 'idcard.future_birth' });
  });

  it('reads sex and birth date from a valid number, lower-case x included', () => {
    const feedback = idNumberFeedback(` ${VALID.toLowerCase()} `, TODAY, false);
    expect(feedback).toMatchObject({ state: 'ok', facts: { sex: 'male', birthDate: '1968-04-12', normalized: VALID } });
  });
});

describe('isMaskedId', () => {
  it('recognises the server’s masked form', () => {
    expect(isMaskedId('3699**********1234')).toBe(true);
    expect(isMaskedId(VALID)).toBe(false);
    expect(isMaskedId(null)).toBe(false);
  });
});
