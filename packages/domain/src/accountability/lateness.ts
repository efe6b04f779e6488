/**
 * How late a duty is against its deadline, and when a reminder of a deadline is due. Deadlines
 * are Shanghai calendar dates and the deadline day itself is still on time (dates.ts), so a
 * problem due 03-16 is one day late from 03-17 00:00 Beijing time, whatever the server's zone.
 */
import { daysBetween, type IsoDate, shanghaiDate } from '../campaign/dates';
import type { ProblemStatus } from '../problems/lifecycle';

/**
 * pending — not done, the deadline not passed; on_time — done on or before the deadline day;
 * late — done after it; missing — not done and the deadline day is over.
 */
export type LatenessState = 'pending' | 'on_time' | 'late' | 'missing';

export interface Lateness {
  state: LatenessState;
  /** whole days after the deadline: until the day it was done (late), or until today (missing); else 0 */
  daysLate: number;
}

/** The lateness of a duty due on a date, done at an instant (or not yet), seen at `now`. */
export function lateness(deadline: IsoDate, doneAt: Date | null, now: Date): Lateness {
  if (doneAt) {
    const days = daysBetween(deadline, shanghaiDate(doneAt));
    return days > 0 ? { state: 'late', daysLate: days } : { state: 'on_time', daysLate: 0 };
  }
  const days = daysBetween(deadline, shanghaiDate(now));
  return days > 0 ? { state: 'missing', daysLate: days } : { state: 'pending', daysLate: 0 };
}

/** Whether a lateness is a lapse the accountability view lists (late or missing). */
export function isLapse(l: Lateness): l is Lateness & { state: 'late' | 'missing' } {
  return l.state === 'late' || l.state === 'missing';
}

/**
 * The lateness of a problem of the ledger: its duty is done once a fix is submitted with
 * evidence (the verifier's pace is not the rectifier's), or when it was closed. Agrees with
 * `isOverdue`: an unfixed problem is missing exactly when it is overdue. No deadline, no lapse.
 */
export function problemLateness(
  p: { status: ProblemStatus; deadline: IsoDate | null; submittedAt: Date | null; closedAt: Date | null },
  now: Date,
): Lateness | null {
  if (!p.deadline) return null;
  const done = p.status === 'submitted' || p.status === 'closed';
  return lateness(p.deadline, done ? (p.submittedAt ?? p.closedAt) : null, now);
}

/** Days from today (in Shanghai) until a deadline: 0 on the day, negative once past. */
export function daysUntil(deadline: IsoDate, now: Date): number {
  return daysBetween(shanghaiDate(now), deadline);
}

/** How many days ahead a deadline reminder goes out. */
export const REMINDER_LEAD_DAYS = 2;

/**
 * Whether a reminder of a deadline is due at `now`: from two days before it through the deadline
 * day itself. The window (rather than the one day) lets a daily job that missed a day, or work
 * assigned with a deadline tomorrow, still remind; the job keeps one reminder per person and deadline.
 */
export function reminderDue(deadline: IsoDate, now: Date, leadDays = REMINDER_LEAD_DAYS): boolean {
  const days = daysUntil(deadline, now);
  return days >= 0 && days <= leadDays;
}
