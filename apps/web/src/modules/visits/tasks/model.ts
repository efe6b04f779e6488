/** The task list's arithmetic: groups by state in the order a cadre works them, and the visit phase's countdown. */
import { daysBetween, type IsoDate, type Phase } from '@fupin/domain';
import type { Task, TaskState } from '../api';

/** Most urgent first: overdue, due now, not yet open, then the done ones. */
export const STATE_ORDER: TaskState[] = ['missing', 'due', 'upcoming', 'late', 'done'];

export function groupTasks<T extends Pick<Task, 'state'>>(tasks: readonly T[]): { state: TaskState; tasks: T[] }[] {
  return STATE_ORDER.map((state) => ({ state, tasks: tasks.filter((t) => t.state === state) })).filter((g) => g.tasks.length > 0);
}

export type Countdown =
  | { kind: 'starts'; days: number }
  | { kind: 'left'; days: number }
  | { kind: 'lastDay' }
  | { kind: 'passed'; days: number };

/** Where today (a Shanghai date) stands against a phase: the end day itself is still on time. */
export function countdown(phase: Pick<Phase, 'start' | 'end'>, today: IsoDate): Countdown {
  if (today < phase.start) return { kind: 'starts', days: daysBetween(today, phase.start) };
  if (today === phase.end) return { kind: 'lastDay' };
  if (today < phase.end) return { kind: 'left', days: daysBetween(today, phase.end) };
  return { kind: 'passed', days: daysBetween(phase.end, today) };
}
