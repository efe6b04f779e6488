import { describe, expect, it } from 'vitest';
import { countdown, groupTasks } from './model';

describe('the task list', () => {
  it('groups tasks by state, most urgent first, leaving out empty groups', () => {
    const tasks = [
      { state: 'done' as const },
      { state: 'due' as const },
      { state: 'missing' as const },
      { state: 'due' as const },
    ];
    expect(groupTasks(tasks).map((g) => [g.state, g.tasks.length])).toEqual([
      ['missing', 1],
      ['due', 2],
      ['done', 1],
    ]);
  });

  it('counts the visit phase down in Shanghai days, the end day still on time', () => {
    const phase = { start: '2026-03-10', end: '2026-03-13' };
    expect(countdown(phase, '2026-03-08')).toEqual({ kind: 'starts', days: 2 });
    expect(countdown(phase, '2026-03-10')).toEqual({ kind: 'left', days: 3 });
    expect(countdown(phase, '2026-03-13')).toEqual({ kind: 'lastDay' });
    expect(countdown(phase, '2026-03-15')).toEqual({ kind: 'passed', days: 2 });
  });
});
