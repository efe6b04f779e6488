import { describe, expect, it } from 'vitest';
import { shanghaiDate } from '../campaign/dates';
import { isOverdue, PROBLEM_STATUSES, type ProblemStatus } from '../problems/lifecycle';
import { daysUntil, isLapse, type LatenessState, lateness, problemLateness, reminderDue } from './lateness';

/** An instant given as Beijing wall-clock time. */
const bj = (local: string) => new Date(`${local}+08:00`);

describe('lateness of a duty due 2020-03-13', () => {
  it.each<[string, string | null, string, LatenessState, number]>([
    ['not done, the day before', null, '2020-03-12T23:59:59', 'pending', 0],
    ['not done, due exactly today (morning)', null, '2020-03-13T00:00:00', 'pending', 0],
    ['not done, due exactly today (last second)', null, '2020-03-13T23:59:59', 'pending', 0],
    ['not done, one day late (midnight in Beijing)', null, '2020-03-14T00:00:00', 'missing', 1],
    ['not done, one day late (evening)', null, '2020-03-14T23:59:59', 'missing', 1],
    ['not done, two days late', null, '2020-03-15T08:00:00', 'missing', 2],
    ['done the day before', '2020-03-12T10:00:00', '2020-03-20T00:00:00', 'on_time', 0],
    ['done on the deadline day, last second', '2020-03-13T23:59:59', '2020-03-20T00:00:00', 'on_time', 0],
    ['done one day late', '2020-03-14T00:00:00', '2020-03-20T00:00:00', 'late', 1],
    ['done five days late, seen later still', '2020-03-18T09:00:00', '2020-04-01T00:00:00', 'late', 5],
  ])('%s', (_label, done, now, state, days) => {
    expect(lateness('2020-03-13', done ? bj(done) : null, bj(now))).toEqual({ state, daysLate: days });
  });

  it('does not depend on the server’s zone: 16:00 UTC is already the next day in Shanghai', () => {
    expect(lateness('2020-03-13', null, new Date('2020-03-13T15:59:59Z')).state).toBe('pending');
    expect(lateness('2020-03-13', null, new Date('2020-03-13T16:00:00Z'))).toEqual({ state: 'missing', daysLate: 1 });
  });

  it('calls late and missing lapses, and nothing else', () => {
    expect(isLapse({ state: 'late', daysLate: 1 })).toBe(true);
    expect(isLapse({ state: 'missing', daysLate: 1 })).toBe(true);
    expect(isLapse({ state: 'on_time', daysLate: 0 })).toBe(false);
    expect(isLapse({ state: 'pending', daysLate: 0 })).toBe(false);
  });
});

describe('problemLateness', () => {
  const base = { deadline: '2020-03-16', submittedAt: null, closedAt: null };
  it.each<[string, ProblemStatus, string | null, string | null, string, LatenessState | null, number]>([
    ['open, on its deadline date in Beijing', 'open', null, null, '2020-03-16T22:00:00', 'pending', 0],
    ['open, overdue exactly from the next midnight', 'open', null, null, '2020-03-17T00:00:00', 'missing', 1],
    ['in rectification, three days past', 'in_rectification', null, null, '2020-03-19T12:00:00', 'missing', 3],
    ['reopened, a day past', 'reopened', null, null, '2020-03-17T10:00:00', 'missing', 1],
    ['submitted on the deadline day', 'submitted', '2020-03-16T20:00:00', null, '2020-03-25T00:00:00', 'on_time', 0],
    ['submitted a day after, awaiting verification', 'submitted', '2020-03-17T08:00:00', null, '2020-03-25T00:00:00', 'late', 1],
    ['closed after a late fix', 'closed', '2020-03-18T08:00:00', '2020-03-19T08:00:00', '2020-03-25T00:00:00', 'late', 2],
    ['closed with no submission recorded, on time', 'closed', null, '2020-03-15T08:00:00', '2020-03-25T00:00:00', 'on_time', 0],
  ])('%s', (_label, status, submitted, closed, now, state, days) => {
    const r = problemLateness(
      { ...base, status, submittedAt: submitted ? bj(submitted) : null, closedAt: closed ? bj(closed) : null },
      bj(now),
    );
    expect(r).toEqual(state ? { state, daysLate: days } : null);
  });

  it('gives no lateness to a problem without a deadline', () => {
    expect(problemLateness({ ...base, deadline: null, status: 'open' }, bj('2021-01-01T00:00:00'))).toBeNull();
  });

  it('calls an unfixed problem missing exactly when the ledger calls it overdue', () => {
    for (const status of PROBLEM_STATUSES) {
      for (let h = 0; h < 24 * 4; h += 1) {
        const now = new Date(bj('2020-03-15T00:00:00').getTime() + h * 3_600_000);
        const done = status === 'submitted' || status === 'closed';
        const l = problemLateness({ ...base, status, submittedAt: done ? bj('2020-03-14T00:00:00') : null }, now);
        expect(l?.state === 'missing', `${status} at ${now.toISOString()}`).toBe(
          isOverdue({ status, deadline: base.deadline }, shanghaiDate(now)),
        );
      }
    }
  });
});

describe('reminderDue: two days ahead, through the deadline day', () => {
  it.each<[string, string, boolean, number]>([
    ['three days away', '2020-03-12T23:59:59', false, 3],
    ['exactly two days away (midnight in Beijing)', '2020-03-13T00:00:00', true, 2],
    ['exactly two days away (evening)', '2020-03-13T20:00:00', true, 2],
    ['one day away', '2020-03-14T09:00:00', true, 1],
    ['due exactly today', '2020-03-15T09:00:00', true, 0],
    ['due today, last second', '2020-03-15T23:59:59', true, 0],
    ['one day late', '2020-03-16T00:00:00', false, -1],
  ])('deadline 2020-03-15, %s', (_label, now, due, days) => {
    expect(reminderDue('2020-03-15', bj(now))).toBe(due);
    expect(daysUntil('2020-03-15', bj(now))).toBe(days);
  });

  it('takes another lead', () => {
    expect(reminderDue('2020-03-15', bj('2020-03-10T12:00:00'), 5)).toBe(true);
    expect(reminderDue('2020-03-15', bj('2020-03-09T12:00:00'), 5)).toBe(false);
  });
});
