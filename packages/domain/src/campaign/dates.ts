/**
 * Calendar dates of the campaign. Deadlines are dates in Asia/Shanghai (UTC+8, no daylight
 * saving since 1991), so a deadline of 03-13 holds until 23:59:59 Beijing time that day,
 * whatever the server's own time zone.
 */

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** An ISO calendar date, YYYY-MM-DD. */
export type IsoDate = string;

/** The calendar date in Shanghai at an instant. */
export function shanghaiDate(instant: Date): IsoDate {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Shanghai calendar date begins. */
export function startOfShanghaiDay(date: IsoDate): Date {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - SHANGHAI_OFFSET_MS);
}

/** Whether a deadline date has passed at an instant: the whole deadline day is still on time. */
export function isPastDeadline(deadline: IsoDate, now: Date): boolean {
  return shanghaiDate(now) > deadline;
}

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Adds days to a calendar date. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Age in whole years on a reference date: the birthday itself counts (born 1975-03-10 is 45 on 2020-03-10). */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const by = Number(birthDate.slice(0, 4));
  const oy = Number(on.slice(0, 4));
  const hadBirthday = on.slice(5) >= birthDate.slice(5);
  return oy - by - (hadBirthday ? 0 : 1);
}
