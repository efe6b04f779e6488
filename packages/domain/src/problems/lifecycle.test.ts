import { describe, expect, it } from 'vitest';
import { addDays } from '../campaign/dates';
import { permissionsOfRoles, ROLES, type Role } from '../roles';
import {
  ACTION_PERMISSION,
  isOverdue,
  PROBLEM_ACTIONS,
  PROBLEM_STATUS_LABELS,
  PROBLEM_STATUSES,
  type ProblemAction,
  type ProblemStatus,
  shouldEscalate,
  type TransitionRequest,
  transition,
} from './lifecycle';

const ALL_PERMISSIONS: ReadonlySet<string> = new Set(Object.values(ACTION_PERMISSION));

/** A request that passes every check but the state: evidence, a note, and a verifier who is not the fixer. */
function request(action: ProblemAction, status: ProblemStatus, patch: Partial<TransitionRequest> = {}): TransitionRequest {
  return {
    action,
    status,
    permissions: ALL_PERMISSIONS,
    actorId: 'verifier',
    submittedBy: 'fixer',
    evidenceCount: 1,
    note: '已核实',
    ...patch,
  };
}

/** Every (status × action) pair: the target status, or null when the state refuses the action. */
const MACHINE: Record<ProblemStatus, Record<ProblemAction, ProblemStatus | null>> = {
  open: { start: 'in_rectification', submit: 'submitted', verify: null, send_back: null, reopen: null },
  in_rectification: { start: null, submit: 'submitted', verify: null, send_back: null, reopen: null },
  submitted: { start: null, submit: null, verify: 'closed', send_back: 'in_rectification', reopen: null },
  closed: { start: null, submit: null, verify: null, send_back: null, reopen: 'reopened' },
  reopened: { start: 'in_rectification', submit: 'submitted', verify: null, send_back: null, reopen: null },
};

const PAIRS = PROBLEM_STATUSES.flatMap((status) =>
  PROBLEM_ACTIONS.map((action) => [status, action, MACHINE[status][action]] as const),
);
const ALLOWED = PAIRS.filter(([, , to]) => to !== null);

describe('the vocabulary of the ledger', () => {
  it('labels every status in both languages', () => {
    expect(Object.keys(PROBLEM_STATUS_LABELS).sort()).toEqual([...PROBLEM_STATUSES].sort());
    for (const label of Object.values(PROBLEM_STATUS_LABELS)) {
      expect(label.zh).not.toBe('');
      expect(label.en).not.toBe('');
    }
  });

  it.each<[ProblemAction, string]>([
    ['start', 'problem.rectify'],
    ['submit', 'problem.rectify'],
    ['verify', 'problem.verify'],
    ['send_back', 'problem.verify'],
    ['reopen', 'inspection.crosscheck'],
  ])('%s needs %s', (action, permission) => {
    expect(ACTION_PERMISSION[action]).toBe(permission);
  });

  it('the table below lists every status and every action', () => {
    expect(PAIRS).toHaveLength(PROBLEM_STATUSES.length * PROBLEM_ACTIONS.length);
    expect(ALLOWED).toHaveLength(8);
  });
});

describe('transition: every status × action', () => {
  it.each(PAIRS)('%s + %s → %s', (status, action, to) => {
    expect(transition(request(action, status))).toEqual(to === null ? { ok: false, reason: 'wrong_state' } : { ok: true, to });
  });
});

describe('transition: without the permission', () => {
  // Checked first, so a refused state is never revealed to someone who may not act at all.
  it.each(PAIRS)('%s + %s without its permission → no_permission', (status, action) => {
    const others = new Set([...ALL_PERMISSIONS].filter((p) => p !== ACTION_PERMISSION[action]));
    expect(transition(request(action, status, { permissions: others }))).toEqual({ ok: false, reason: 'no_permission' });
  });

  it.each(PROBLEM_ACTIONS)('%s with no permission at all → no_permission', (action) => {
    expect(transition(request(action, 'open', { permissions: new Set() }))).toEqual({ ok: false, reason: 'no_permission' });
  });

  it.each(PROBLEM_ACTIONS)('%s with only its own permission is enough', (action) => {
    const [status] = ALLOWED.find(([, a]) => a === action)!;
    const result = transition(request(action, status, { permissions: new Set([ACTION_PERMISSION[action]]) }));
    expect(result.ok).toBe(true);
  });
});

describe('transition: evidence for a submitted fix', () => {
  it.each<[ProblemStatus, number, boolean]>([
    ['open', 0, false],
    ['open', 1, true],
    ['open', 5, true],
    ['in_rectification', 0, false],
    ['in_rectification', 1, true],
    ['reopened', 0, false],
    ['reopened', 1, true],
  ])('submit from %s with %i pieces of evidence → ok %s', (status, evidenceCount, ok) => {
    expect(transition(request('submit', status, { evidenceCount }))).toEqual(
      ok ? { ok: true, to: 'submitted' } : { ok: false, reason: 'needs_evidence' },
    );
  });

  it.each<[ProblemAction, ProblemStatus]>([
    ['start', 'open'],
    ['start', 'reopened'],
    ['verify', 'submitted'],
    ['send_back', 'submitted'],
    ['reopen', 'closed'],
  ])('%s from %s needs no evidence', (action, status) => {
    expect(transition(request(action, status, { evidenceCount: 0 })).ok).toBe(true);
  });

  it('the state is judged before the evidence', () => {
    expect(transition(request('submit', 'closed', { evidenceCount: 0 }))).toEqual({ ok: false, reason: 'wrong_state' });
  });
});

describe('transition: a note to send back or reopen', () => {
  const blank: [string, string | null][] = [
    ['null', null],
    ['empty', ''],
    ['spaces', '   '],
    ['tab and newline', '\t\n'],
    ['ideographic space', '\u3000'],
  ];

  it.each(blank)('send_back with a %s note → needs_note', (_label, note) => {
    expect(transition(request('send_back', 'submitted', { note }))).toEqual({ ok: false, reason: 'needs_note' });
  });

  it.each(blank)('reopen with a %s note → needs_note', (_label, note) => {
    expect(transition(request('reopen', 'closed', { note }))).toEqual({ ok: false, reason: 'needs_note' });
  });

  it.each<[ProblemAction, ProblemStatus, ProblemStatus]>([
    ['send_back', 'submitted', 'in_rectification'],
    ['reopen', 'closed', 'reopened'],
  ])('%s with a one-character note is ok', (action, status, to) => {
    expect(transition(request(action, status, { note: '缺' }))).toEqual({ ok: true, to });
    expect(transition(request(action, status, { note: '  照片不清  ' }))).toEqual({ ok: true, to });
  });

  it.each<[ProblemAction, ProblemStatus]>([
    ['start', 'open'],
    ['submit', 'open'],
    ['submit', 'in_rectification'],
    ['verify', 'submitted'],
  ])('%s from %s needs no note', (action, status) => {
    expect(transition(request(action, status, { note: null })).ok).toBe(true);
    expect(transition(request(action, status, { note: '   ' })).ok).toBe(true);
  });

  it('the state is judged before the note', () => {
    expect(transition(request('send_back', 'open', { note: null }))).toEqual({ ok: false, reason: 'wrong_state' });
    expect(transition(request('reopen', 'submitted', { note: '' }))).toEqual({ ok: false, reason: 'wrong_state' });
  });

  it('the note is judged before the person', () => {
    expect(transition(request('send_back', 'submitted', { note: ' ', actorId: 'fixer', submittedBy: 'fixer' }))).toEqual({
      ok: false,
      reason: 'needs_note',
    });
  });
});

describe('transition: the verifier is not the person who submitted', () => {
  it.each<[ProblemAction, ProblemStatus, string, string | null, ReturnType<typeof transition>]>([
    ['verify', 'submitted', 'fixer', 'fixer', { ok: false, reason: 'same_person' }],
    ['verify', 'submitted', 'verifier', 'fixer', { ok: true, to: 'closed' }],
    ['send_back', 'submitted', 'fixer', 'fixer', { ok: false, reason: 'same_person' }],
    ['send_back', 'submitted', 'verifier', 'fixer', { ok: true, to: 'in_rectification' }],
    // ids are compared exactly
    ['verify', 'submitted', 'Fixer', 'fixer', { ok: true, to: 'closed' }],
    // an unknown submitter does not stop a verifier (see the report: the server always records one)
    ['verify', 'submitted', 'verifier', null, { ok: true, to: 'closed' }],
    // the rule is about judging a fix; reopening and the fixer's own moves are not judgements
    ['reopen', 'closed', 'fixer', 'fixer', { ok: true, to: 'reopened' }],
    ['start', 'reopened', 'fixer', 'fixer', { ok: true, to: 'in_rectification' }],
    ['submit', 'in_rectification', 'fixer', 'fixer', { ok: true, to: 'submitted' }],
  ])('%s from %s by %s (submitted by %s) → %j', (action, status, actorId, submittedBy, result) => {
    expect(transition(request(action, status, { actorId, submittedBy }))).toEqual(result);
  });
});

/** The actions each role's permissions allow (DOMAIN.md §1, §5). */
const ROLE_ACTIONS: Record<Role, readonly ProblemAction[]> = {
  county_admin: ['start', 'submit', 'verify', 'send_back', 'reopen'],
  // reads the county and reopens what was closed too soon
  county_reviewer: ['reopen'],
  // township office: fixes and closes, but a cross-check is someone else's
  township_admin: ['start', 'submit', 'verify', 'send_back'],
  // verifies and leads the area cross-checks
  town_leader: ['verify', 'send_back', 'reopen'],
  // owns the sector's problems, closed by someone else
  sector_leader: ['start', 'submit'],
  discipline: [],
  judge: [],
  // rectification and closing of the village's own problems
  village_staff: ['start', 'submit', 'verify', 'send_back'],
  // rectification evidence for the paired households
  cadre: ['start', 'submit'],
};

describe('transition by role', () => {
  it('lists every role', () => {
    expect(Object.keys(ROLE_ACTIONS).sort()).toEqual([...ROLES].sort());
  });

  const cases = ROLES.flatMap((role) => ALLOWED.map(([status, action, to]) => [role, action, status, to] as const));

  it.each(cases)('%s: %s from %s', (role, action, status, to) => {
    const result = transition(request(action, status, { permissions: permissionsOfRoles([role]) }));
    expect(result).toEqual(ROLE_ACTIONS[role].includes(action) ? { ok: true, to } : { ok: false, reason: 'no_permission' });
  });

  it('roles combine: a village staff member who is also paired as a cadre may still not close their own fix', () => {
    const permissions = permissionsOfRoles(['village_staff', 'cadre']);
    expect(transition(request('submit', 'in_rectification', { permissions, actorId: 'li' }))).toEqual({
      ok: true,
      to: 'submitted',
    });
    expect(transition(request('verify', 'submitted', { permissions, actorId: 'li', submittedBy: 'li' }))).toEqual({
      ok: false,
      reason: 'same_person',
    });
  });

  it('a whole life: open → fixed → closed → reopened by a cross-check → sent back → closed', () => {
    const cadre = permissionsOfRoles(['cadre']);
    const staff = permissionsOfRoles(['village_staff']);
    const reviewer = permissionsOfRoles(['county_reviewer']);
    const leader = permissionsOfRoles(['town_leader']);
    const steps: [ProblemAction, ReadonlySet<string>, string, string | null, string | null, ProblemStatus][] = [
      ['start', cadre, 'cadre', null, null, 'in_rectification'],
      ['submit', cadre, 'cadre', null, null, 'submitted'],
      ['verify', staff, 'staff', 'cadre', null, 'closed'],
      ['reopen', reviewer, 'reviewer', 'cadre', '复核发现住房仍为危房', 'reopened'],
      ['start', cadre, 'cadre', null, null, 'in_rectification'],
      ['submit', cadre, 'cadre', null, null, 'submitted'],
      ['send_back', leader, 'leader', 'cadre', '缺少鉴定报告', 'in_rectification'],
      ['submit', staff, 'staff', null, null, 'submitted'],
      ['verify', leader, 'leader', 'staff', null, 'closed'],
    ];
    let status: ProblemStatus = 'open';
    for (const [action, permissions, actorId, submittedBy, note, to] of steps) {
      const result = transition({ action, status, permissions, actorId, submittedBy, evidenceCount: 1, note });
      expect(result, `${action} from ${status}`).toEqual({ ok: true, to });
      status = to;
    }
  });
});

describe('isOverdue and shouldEscalate', () => {
  const deadline = '2020-03-16';
  const days: [string, string][] = [
    ['long before', '2020-03-01'],
    ['the day before', addDays(deadline, -1)],
    ['the deadline itself', deadline],
    ['the day after', addDays(deadline, 1)],
    ['a month after', '2020-04-16'],
  ];
  const late = new Set(['the day after', 'a month after']);
  const cases = PROBLEM_STATUSES.flatMap((status) => days.map(([label, today]) => [status, label, today] as const));

  it.each(cases)('%s on %s', (status, label, today) => {
    const overdue = late.has(label) && status !== 'closed' && status !== 'submitted';
    expect(isOverdue({ status, deadline }, today)).toBe(overdue);
    expect(shouldEscalate({ level: 'village', status, deadline }, today)).toBe(overdue);
    expect(shouldEscalate({ level: 'township', status, deadline }, today)).toBe(false);
  });

  it.each(PROBLEM_STATUSES)('%s with no deadline is never overdue nor escalated', (status) => {
    for (const today of ['2000-01-01', '2020-03-16', '2099-12-31']) {
      expect(isOverdue({ status, deadline: null }, today)).toBe(false);
      expect(shouldEscalate({ level: 'village', status, deadline: null }, today)).toBe(false);
    }
  });

  it.each<[string, string, boolean]>([
    ['2020-03-31', '2020-03-31', false],
    ['2020-03-31', '2020-04-01', true],
    ['2020-02-28', '2020-02-29', true],
    ['2020-02-29', '2020-02-29', false],
    ['2020-02-29', '2020-03-01', true],
    ['2020-12-31', '2021-01-01', true],
    ['2020-12-31', '2020-12-31', false],
    ['2021-01-01', '2020-12-31', false],
  ])('deadline %s, today %s → overdue %s (month and year ends)', (deadline, today, overdue) => {
    expect(isOverdue({ status: 'open', deadline }, today)).toBe(overdue);
    expect(shouldEscalate({ level: 'village', status: 'in_rectification', deadline }, today)).toBe(overdue);
  });
});
