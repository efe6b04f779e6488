import { describe, expect, it } from 'vitest';
import { shanghaiDate } from '../campaign/dates';
import type { FieldError } from '../errors';
import {
  answerObjection,
  checkRaiseObjection,
  DEFAULT_PUBLICITY_DAYS,
  finaliseCheck,
  isInPublicity,
  OBJECTION_OUTCOME_LABELS,
  OBJECTION_OUTCOMES,
  OBJECTION_STATUS_LABELS,
  OBJECTION_STATUSES,
  type Objection,
  objectionAnswerInput,
  objectionInput,
  type PublicityPeriod,
  publicityPeriod,
} from './publicity';

/** Published on 2020-03-30 for five days: objections until 2020-04-03 inclusive. */
const PERIOD: PublicityPeriod = { start: '2020-03-30', end: '2020-04-03' };

const open: Objection = { status: 'open', outcome: null };
const dismissed: Objection = { status: 'answered', outcome: 'dismissed' };
const upheld: Objection = { status: 'answered', outcome: 'upheld' };

describe('publicityPeriod', () => {
  it.each<[string, number, PublicityPeriod]>([
    ['2020-03-30', 5, PERIOD],
    ['2020-03-30', 1, { start: '2020-03-30', end: '2020-03-30' }],
    ['2020-02-27', 5, { start: '2020-02-27', end: '2020-03-02' }], // across a leap day
    ['2020-12-30', 7, { start: '2020-12-30', end: '2021-01-05' }], // across the year
  ])('published %s for %s days → %j', (on, days, period) => {
    expect(publicityPeriod(on, days)).toEqual(period);
  });

  it('lasts five days unless set', () => {
    expect(DEFAULT_PUBLICITY_DAYS).toBe(5);
    expect(publicityPeriod('2020-03-30')).toEqual(PERIOD);
  });

  it.each([0, -1, 31, 2.5])('refuses %s days', (days) => {
    expect(() => publicityPeriod('2020-03-30', days)).toThrow(RangeError);
  });
});

describe('isInPublicity', () => {
  it.each<[string, boolean]>([
    ['2020-03-29', false],
    ['2020-03-30', true], // the day it is published
    ['2020-04-01', true],
    ['2020-04-03', true], // the last day is still inside
    ['2020-04-04', false],
  ])('%s → %s', (on, inside) => {
    expect(isInPublicity(PERIOD, on)).toBe(inside);
  });

  it('counts Shanghai days: 23:30 UTC on the last day is already the next day in Shanghai', () => {
    expect(isInPublicity(PERIOD, shanghaiDate(new Date('2020-04-03T15:59:59Z')))).toBe(true);
    expect(isInPublicity(PERIOD, shanghaiDate(new Date('2020-04-03T16:00:00Z')))).toBe(false);
  });
});

describe('checkRaiseObjection', () => {
  const outside: FieldError = {
    path: '',
    key: 'competition.objection_outside_period',
    params: { start: '2020-03-30', end: '2020-04-03' },
  };
  it.each<[PublicityPeriod | null, string, FieldError | null]>([
    [PERIOD, '2020-03-30', null],
    [PERIOD, '2020-04-03', null],
    [PERIOD, '2020-03-29', outside],
    [PERIOD, '2020-04-04', outside],
    [null, '2020-03-30', { path: '', key: 'competition.not_in_publicity' }],
  ])('period %j on %s → %j', (period, on, problem) => {
    expect(checkRaiseObjection(period, on)).toEqual(problem);
  });
});

describe('answerObjection', () => {
  it.each<[Objection, 'upheld' | 'dismissed', ReturnType<typeof answerObjection>]>([
    [open, 'dismissed', { ok: true, objection: dismissed }],
    [open, 'upheld', { ok: true, objection: upheld }],
    [dismissed, 'upheld', { ok: false, reason: 'already_answered' }],
    [upheld, 'dismissed', { ok: false, reason: 'already_answered' }],
  ])('%j answered %s → %j', (objection, outcome, result) => {
    expect(answerObjection(objection, outcome)).toEqual(result);
  });

  it('leaves the objection it was given as it was', () => {
    const before = { ...open };
    answerObjection(before, 'dismissed');
    expect(before).toEqual(open);
  });
});

describe('finaliseCheck', () => {
  it.each<[string, Objection[], string, ReturnType<typeof finaliseCheck>]>([
    ['no objection, after the period', [], '2020-04-04', { ok: true }],
    ['no objection, long after', [], '2020-06-01', { ok: true }],
    [
      'no objection, on the last day',
      [],
      '2020-04-03',
      { ok: false, reason: 'period_not_ended', key: 'competition.period_not_ended', params: { end: '2020-04-03' } },
    ],
    [
      'no objection, on the day it is published',
      [],
      '2020-03-30',
      { ok: false, reason: 'period_not_ended', key: 'competition.period_not_ended', params: { end: '2020-04-03' } },
    ],
    ['objections all dismissed, after the period', [dismissed, dismissed], '2020-04-04', { ok: true }],
    [
      'an objection open, after the period',
      [dismissed, open, open],
      '2020-04-04',
      { ok: false, reason: 'objections_open', key: 'competition.objections_open', params: { count: 2 } },
    ],
    [
      'an objection open, during the period',
      [open],
      '2020-04-01',
      { ok: false, reason: 'period_not_ended', key: 'competition.period_not_ended', params: { end: '2020-04-03' } },
    ],
    [
      'an objection upheld, after the period',
      [dismissed, upheld],
      '2020-04-04',
      { ok: false, reason: 'objection_upheld', key: 'competition.objection_upheld', params: { count: 1 } },
    ],
    [
      'open and upheld: the open one is answered first',
      [upheld, open],
      '2020-04-04',
      { ok: false, reason: 'objections_open', key: 'competition.objections_open', params: { count: 1 } },
    ],
  ])('%s', (_what, objections, on, result) => {
    expect(finaliseCheck(PERIOD, objections, on)).toEqual(result);
  });
});

describe('inputs', () => {
  it.each<[unknown, boolean]>([
    [{ text: '第3户产业得分与实际不符' }, true],
    [{ text: '  ' }, false],
    [{ text: 'x'.repeat(1001) }, false],
    [{}, false],
  ])('objection %j → %s', (input, ok) => {
    expect(objectionInput.safeParse(input).success).toBe(ok);
  });

  it.each<[unknown, boolean]>([
    [{ answer: '经复核，评分无误', outcome: 'dismissed' }, true],
    [{ answer: '经复核，更正为 6 分', outcome: 'upheld' }, true],
    [{ answer: '经复核', outcome: 'maybe' }, false],
    [{ answer: '', outcome: 'dismissed' }, false],
    [{ outcome: 'dismissed' }, false],
  ])('answer %j → %s', (input, ok) => {
    expect(objectionAnswerInput.safeParse(input).success).toBe(ok);
  });

  it('labels statuses and outcomes in both languages', () => {
    expect(Object.keys(OBJECTION_STATUS_LABELS)).toEqual([...OBJECTION_STATUSES]);
    expect(Object.keys(OBJECTION_OUTCOME_LABELS)).toEqual([...OBJECTION_OUTCOMES]);
    for (const label of [...Object.values(OBJECTION_STATUS_LABELS), ...Object.values(OBJECTION_OUTCOME_LABELS)]) {
      expect(label.zh).toMatch(/\p{Script=Han}/u);
      expect(label.en).toMatch(/^[^\p{Script=Han}]+$/u);
    }
  });
});
