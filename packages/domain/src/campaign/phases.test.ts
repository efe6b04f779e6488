import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from './dates';
import {
  checkPhases,
  defaultPhases,
  PHASE_CODES,
  PHASE_LABELS,
  type Phase,
  type PhaseCode,
  phaseOf,
  phasesStartingOn,
  type TaskState,
  taskState,
} from './phases';

describe('PHASE_LABELS', () => {
  it.each(PHASE_CODES)('%s is labelled in both languages', (code) => {
    expect(PHASE_LABELS[code].zh.trim()).not.toBe('');
    expect(PHASE_LABELS[code].en.trim()).not.toBe('');
  });

  it('labels no phase that does not exist', () => {
    expect(Object.keys(PHASE_LABELS).sort()).toEqual([...PHASE_CODES].sort());
  });
});

describe('defaultPhases', () => {
  // The 2020 plan (DOMAIN.md §4–§5).
  it.each<[PhaseCode, string, string]>([
    ['visit', '2020-03-10', '2020-03-13'],
    ['visit_summary', '2020-03-10', '2020-03-16'],
    ['self_inspection', '2020-03-10', '2020-03-13'],
    ['village_rectification', '2020-03-10', '2020-03-16'],
    ['sector_inspection', '2020-03-10', '2020-03-16'],
    ['analysis_meeting', '2020-03-18', '2020-03-18'],
    ['county_crosscheck', '2020-03-18', '2020-03-20'],
    ['town_crosscheck', '2020-03-20', '2020-03-25'],
    ['rectification_sprint', '2020-03-26', '2020-04-09'],
  ])('2020: %s runs %s to %s', (code, start, end) => {
    expect(phaseOf(defaultPhases(2020), code)).toEqual({ code, start, end });
  });

  it('the rectification sprint is 15 days, both ends included', () => {
    for (const year of [2019, 2020, 2021, 2024]) {
      const sprint = phaseOf(defaultPhases(year), 'rectification_sprint');
      expect(daysBetween(sprint.start, sprint.end) + 1).toBe(15);
    }
  });

  it.each([2019, 2020, 2021, 2024, 2100])(
    '%i: every phase once, in order, in that year, and the calendar checks clean',
    (year) => {
      const phases = defaultPhases(year);
      expect(phases.map((p) => p.code)).toEqual([...PHASE_CODES]);
      for (const p of phases) {
        expect(p.start.slice(0, 4)).toBe(String(year));
        expect(p.end.slice(0, 4)).toBe(String(year));
        expect(p.end >= p.start).toBe(true);
      }
      expect(checkPhases(phases)).toEqual([]);
    },
  );

  it('returns a fresh calendar each time (editing one does not edit the defaults)', () => {
    const a = defaultPhases(2020);
    a[0]!.end = '2020-03-20';
    expect(defaultPhases(2020)[0]!.end).toBe('2020-03-13');
  });
});

describe('checkPhases', () => {
  const good = defaultPhases(2020);
  const replace = (i: number, patch: Partial<Phase>) => good.map((p, j) => (j === i ? { ...p, ...patch } : p));

  it.each<[string, Phase[], { path: string; key: string }[]]>([
    ['the defaults', good, []],
    ['a one-day phase', replace(0, { start: '2020-03-10', end: '2020-03-10' }), []],
    ['phases in another order', [...good].reverse(), []],
    [
      'an end before its start',
      replace(1, { start: '2020-03-16', end: '2020-03-15' }),
      [{ path: 'phases.1.end', key: 'campaign.end_before_start' }],
    ],
    ['an end a year before', replace(8, { end: '2019-04-09' }), [{ path: 'phases.8.end', key: 'campaign.end_before_start' }]],
    ['a phase twice', [...good, good[3]!], [{ path: 'phases.9.code', key: 'campaign.phase_twice' }]],
    [
      'a phase twice instead of another',
      replace(2, { code: 'visit' }),
      [
        { path: 'phases.2.code', key: 'campaign.phase_twice' },
        { path: 'phases', key: 'campaign.phase_missing' },
      ],
    ],
    ['a phase missing', good.slice(0, 8), [{ path: 'phases', key: 'campaign.phase_missing' }]],
    ['no phases at all', [], PHASE_CODES.map(() => ({ path: 'phases', key: 'campaign.phase_missing' }))],
  ])('%s', (_label, phases, problems) => {
    expect(checkPhases(phases)).toEqual(problems);
  });
});

describe('phaseOf', () => {
  it.each(PHASE_CODES)('finds %s', (code) => {
    expect(phaseOf(defaultPhases(2020), code).code).toBe(code);
  });

  it('throws for a phase the calendar lacks', () => {
    expect(() => phaseOf([], 'visit')).toThrow('no phase visit');
    expect(() => phaseOf(defaultPhases(2020).slice(1), 'visit')).toThrow('no phase visit');
  });

  it('takes the first of two (checkPhases refuses such a calendar)', () => {
    const phases: Phase[] = [
      { code: 'visit', start: '2020-03-10', end: '2020-03-13' },
      { code: 'visit', start: '2020-04-10', end: '2020-04-13' },
    ];
    expect(phaseOf(phases, 'visit').start).toBe('2020-03-10');
  });
});

describe('taskState', () => {
  // The big visit: 03-10 to 03-13. Instants are UTC; Shanghai is UTC+8.
  const visit: Phase = { code: 'visit', start: '2020-03-10', end: '2020-03-13' };

  describe('not done', () => {
    it.each<[string, string, TaskState]>([
      ['a week before', '2020-03-03T04:00:00Z', 'upcoming'],
      ['23:59:59 Beijing the day before', '2020-03-09T15:59:59.999Z', 'upcoming'],
      ['00:00 Beijing on the first day (still 03-09 in UTC)', '2020-03-09T16:00:00Z', 'due'],
      ['04:00 Beijing on the first day (still 03-09 in UTC)', '2020-03-09T20:00:00Z', 'due'],
      ['midday on the first day', '2020-03-10T04:00:00Z', 'due'],
      ['a middle day', '2020-03-11T04:00:00Z', 'due'],
      ['00:00 Beijing on the last day', '2020-03-12T16:00:00Z', 'due'],
      ['23:59:59.999 Beijing on the last day', '2020-03-13T15:59:59.999Z', 'due'],
      ['00:00 Beijing the day after (still 03-13 in UTC)', '2020-03-13T16:00:00Z', 'missing'],
      ['the day after', '2020-03-14T04:00:00Z', 'missing'],
      ['a year after', '2021-03-10T04:00:00Z', 'missing'],
    ])('%s → %s', (_label, now, state) => {
      expect(taskState(visit, null, new Date(now))).toBe(state);
    });
  });

  describe('done', () => {
    it.each<[string, string, string, TaskState]>([
      ['early, before the phase began', '2020-03-09T04:00:00Z', '2020-03-09T05:00:00Z', 'done'],
      ['on the first day', '2020-03-10T04:00:00Z', '2020-03-20T04:00:00Z', 'done'],
      ['at 23:59:59.999 Beijing on the last day', '2020-03-13T15:59:59.999Z', '2020-03-20T04:00:00Z', 'done'],
      ['at 00:00 Beijing the day after (still 03-13 in UTC)', '2020-03-13T16:00:00Z', '2020-03-20T04:00:00Z', 'late'],
      ['a week late', '2020-03-20T04:00:00Z', '2020-03-20T05:00:00Z', 'late'],
      // once done, the clock no longer matters
      ['on time, looked at before the phase began', '2020-03-11T04:00:00Z', '2020-03-01T00:00:00Z', 'done'],
      ['late, looked at long after', '2020-03-14T00:00:00Z', '2030-01-01T00:00:00Z', 'late'],
    ])('%s → %s', (_label, doneAt, now, state) => {
      expect(taskState(visit, new Date(doneAt), new Date(now))).toBe(state);
    });
  });

  it.each<[string, string | null, TaskState]>([
    ['2020-03-17T15:59:59Z', null, 'upcoming'],
    ['2020-03-17T16:00:00Z', null, 'due'],
    ['2020-03-18T15:59:59Z', null, 'due'],
    ['2020-03-18T16:00:00Z', null, 'missing'],
    ['2020-03-19T04:00:00Z', '2020-03-18T15:59:59Z', 'done'],
    ['2020-03-19T04:00:00Z', '2020-03-18T16:00:00Z', 'late'],
  ])('a one-day phase (the analysis meeting, 03-18) at %s done at %s → %s', (now, doneAt, state) => {
    const meeting = phaseOf(defaultPhases(2020), 'analysis_meeting');
    expect(taskState(meeting, doneAt ? new Date(doneAt) : null, new Date(now))).toBe(state);
  });

  it.each(['America/New_York', 'UTC', 'Asia/Shanghai', 'Pacific/Kiritimati'])('gives the same answers with TZ=%s', (tz) => {
    const saved = process.env.TZ;
    process.env.TZ = tz;
    try {
      expect(taskState(visit, null, new Date('2020-03-09T16:00:00Z'))).toBe('due');
      expect(taskState(visit, null, new Date('2020-03-13T16:00:00Z'))).toBe('missing');
      expect(taskState(visit, new Date('2020-03-13T15:59:59Z'), new Date('2020-03-20T00:00:00Z'))).toBe('done');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('phasesStartingOn', () => {
  it.each([2020, 2021, 2024])('starting on 03-10 of %i is that year’s default calendar', (year) => {
    expect(phasesStartingOn(`${year}-03-10`)).toEqual(defaultPhases(year));
  });

  it.each<[string, number]>([
    ['2020-03-11', 1],
    ['2020-03-09', -1],
    ['2020-04-01', 22],
    ['2020-01-05', -65], // across 29 February
    ['2020-12-30', 295], // the sprint ends in the next year
    ['2021-02-28', -10],
  ])('starting on %s moves every phase by %i days', (start, shift) => {
    const year = Number(start.slice(0, 4));
    const moved = phasesStartingOn(start);
    expect(moved.map((p) => p.code)).toEqual([...PHASE_CODES]);
    expect(phaseOf(moved, 'visit').start).toBe(start);
    defaultPhases(year).forEach((p, i) => {
      expect(moved[i]).toEqual({ code: p.code, start: addDays(p.start, shift), end: addDays(p.end, shift) });
    });
    expect(checkPhases(moved)).toEqual([]);
  });

  it('keeps each phase’s length', () => {
    const lengths = (phases: Phase[]) => phases.map((p) => daysBetween(p.start, p.end));
    for (const start of ['2020-01-01', '2020-02-27', '2020-06-15', '2020-12-31', '2021-02-27']) {
      expect(lengths(phasesStartingOn(start))).toEqual(lengths(defaultPhases(2020)));
    }
  });

  it('a calendar moved into the new year', () => {
    const moved = phasesStartingOn('2020-12-30');
    expect(phaseOf(moved, 'visit')).toEqual({ code: 'visit', start: '2020-12-30', end: '2021-01-02' });
    expect(phaseOf(moved, 'rectification_sprint')).toEqual({
      code: 'rectification_sprint',
      start: '2021-01-15',
      end: '2021-01-29',
    });
  });
});
