/**
 * The publicity period (公示) of a round's bulletin and the objections raised in it. The ranking
 * is final only when the period has ended and every objection is answered; an objection that is
 * upheld means the scores were wrong, so that publication cannot be finalised: the office
 * corrects the scores and publishes again, with a new period. Dates are Shanghai calendar days
 * (ISO strings); the period's last day is still inside it, as a deadline's day is.
 */
import { z } from 'zod';
import { addDays, type IsoDate } from '../campaign/dates';
import type { FieldError } from '../errors';

/** Days a bulletin stays in publicity unless the township sets another length. */
export const DEFAULT_PUBLICITY_DAYS = 5;
export const publicityDaysSchema = z.number().int().min(1).max(30);

export interface PublicityPeriod {
  /** the day the bulletin is published */
  start: IsoDate;
  /** the last day objections are taken */
  end: IsoDate;
}

/** The period of a bulletin published on a day: that day and the following ones, `days` in all. */
export function publicityPeriod(publishedOn: IsoDate, days: number = DEFAULT_PUBLICITY_DAYS): PublicityPeriod {
  if (!publicityDaysSchema.safeParse(days).success) throw new RangeError(`bad publicity length: ${days}`);
  return { start: publishedOn, end: addDays(publishedOn, days - 1) };
}

/** Whether a day is inside the period (both ends included). */
export function isInPublicity(period: PublicityPeriod, on: IsoDate): boolean {
  return period.start <= on && on <= period.end;
}

export const OBJECTION_STATUSES = ['open', 'answered'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

export const OBJECTION_OUTCOMES = ['upheld', 'dismissed'] as const;
export type ObjectionOutcome = (typeof OBJECTION_OUTCOMES)[number];

export const OBJECTION_STATUS_LABELS: Record<ObjectionStatus, { zh: string; en: string }> = {
  open: { zh: '待答复', en: 'Open' },
  answered: { zh: '已答复', en: 'Answered' },
};

export const OBJECTION_OUTCOME_LABELS: Record<ObjectionOutcome, { zh: string; en: string }> = {
  upheld: { zh: '异议成立，更正后重新公示', en: 'Upheld: corrected and published again' },
  dismissed: { zh: '异议不成立，维持原结果', en: 'Dismissed: the result stands' },
};

/** What a village (or anyone the township lets) writes to object. */
export const objectionInput = z.object({
  text: z.string().trim().min(2).max(1000),
});

/** The office's answer: what it found, and whether the objection stands. */
export const objectionAnswerInput = z.object({
  answer: z.string().trim().min(2).max(1000),
  outcome: z.enum(OBJECTION_OUTCOMES),
});

export interface Objection {
  status: ObjectionStatus;
  outcome: ObjectionOutcome | null;
}

/** Why an objection may not be raised on a day: there is no period, or the day is outside it. */
export function checkRaiseObjection(period: PublicityPeriod | null, on: IsoDate): FieldError | null {
  if (period === null) return { path: '', key: 'competition.not_in_publicity' };
  if (!isInPublicity(period, on))
    return { path: '', key: 'competition.objection_outside_period', params: { start: period.start, end: period.end } };
  return null;
}

/** Answering an objection: open → answered; an answer given stays (a second one is refused, `competition.objection_answered`). */
export function answerObjection(
  objection: Objection,
  outcome: ObjectionOutcome,
): { ok: true; objection: Objection } | { ok: false; reason: 'already_answered' } {
  if (objection.status !== 'open') return { ok: false, reason: 'already_answered' };
  return { ok: true, objection: { status: 'answered', outcome } };
}

export type FinaliseRefusal = 'period_not_ended' | 'objections_open' | 'objection_upheld';

/**
 * Whether a published round's ranking may be finalised on a day: the period has ended (the day
 * is after its last day) and every objection of this publication is answered and dismissed.
 * The refusal carries a catalogue key and its parameters for the office.
 */
export function finaliseCheck(
  period: PublicityPeriod,
  objections: readonly Objection[],
  on: IsoDate,
): { ok: true } | { ok: false; reason: FinaliseRefusal; key: string; params: Record<string, string | number> } {
  if (on <= period.end)
    return { ok: false, reason: 'period_not_ended', key: 'competition.period_not_ended', params: { end: period.end } };
  const open = objections.filter((o) => o.status === 'open').length;
  if (open > 0) return { ok: false, reason: 'objections_open', key: 'competition.objections_open', params: { count: open } };
  const upheld = objections.filter((o) => o.outcome === 'upheld').length;
  if (upheld > 0)
    return { ok: false, reason: 'objection_upheld', key: 'competition.objection_upheld', params: { count: upheld } };
  return { ok: true };
}
