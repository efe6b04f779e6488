/**
 * Every write route called successfully, in an order where each call makes sense: a month of
 * the township's work compressed into one run. Each step names the route, who calls it, how
 * (a table call of calls.ts, or its own), and the audit records it must leave, by entity type.
 * The audit suite fails on a write route no step calls, so a new route must join here.
 */
import { randomUUID } from 'node:crypto';
import { buildIdNumber, DEFAULT_RUBRIC, defaultRuleSet } from '@fupin/domain';
import { eq } from 'drizzle-orm';
import { users } from '../../apps/server/src/db/schema/index';
import { loginAs, TEST_PASSWORD } from '../../apps/server/test/fixtures';
import { registryWorkbook } from '../../apps/server/test/xlsx';
import { householdOf, type Req, rosterUpload, validCall } from './calls';
import { freshNotification, freshProblem } from './fresh';
import type { Area, World } from './world';

export interface Step {
  key: string;
  /** username, or null for nobody; a function for a session made just for the step */
  as: string | null | ((w: World) => Promise<string>);
  req?: (w: World, a: Area, s: State) => Promise<Req> | Req;
  /** audit records the call must leave, by entity type */
  expect: Record<string, number>;
  /** what to remember from the answer */
  keep?: (body: Record<string, unknown>, s: State, req: Req) => void;
  /** preparation that is not a write route (direct database changes, moving the clock) */
  before?: (w: World, a: Area, s: State) => Promise<void>;
}

/** What earlier steps made, for later ones. */
export type State = Record<string, string>;

const table = (key: string) => (w: World, a: Area) => validCall(key)(w, a);
const freshLogin = (username: string) => (w: World) => loginAs(w.app, username);

const sheetFor = (part: 'households' | 'groups' | 'village') =>
  Object.fromEntries(DEFAULT_RUBRIC[part].items.map((i) => [i.code, i.points]));

/** Scores every subject of every task of a judge in a round: steps made at run time. */
export function scoreSteps(judge: string, tasks: { villageId: string; part: string; subjects: { subjectId: string }[] }[]) {
  return tasks.flatMap((task) =>
    task.subjects.map(
      (subject): Step => ({
        key: 'POST /api/competition/scores',
        as: judge,
        req: (_w, _a, s) => ({
          body: {
            id: randomUUID(),
            roundId: s.round,
            villageId: task.villageId,
            part: task.part,
            subjectId: subject.subjectId,
            sheet: sheetFor(task.part as 'households'),
          },
        }),
        expect: { competition_score: 1 },
        keep: (_b, s, req) => {
          s.score ??= (req.body as { id: string }).id;
        },
      }),
    ),
  );
}

export const ACCOUNT_STEPS: Step[] = [
  { key: 'POST /api/auth/login', as: null, req: table('POST /api/auth/login'), expect: { session: 1 } },
  {
    key: 'POST /api/me/password',
    as: freshLogin('t1.water'),
    req: () => ({ body: { currentPassword: TEST_PASSWORD, newPassword: 'water2020new' } }),
    expect: { user: 1 },
  },
  {
    key: 'DELETE /api/me/sessions/:id',
    as: freshLogin('t1.med'),
    before: async (w, _a, s) => {
      const other = await loginAs(w.app, 't1.med');
      const list = await w.app.inject({ method: 'GET', url: '/api/me/sessions', headers: { cookie: other } });
      s.session = (list.json().items as { id: string; current: boolean }[]).find((x) => x.current)?.id as string;
    },
    req: (_w, _a, s) => ({ over: { session: s.session } }),
    expect: { session: 1 },
  },
  { key: 'POST /api/auth/logout', as: freshLogin('t1.housing'), expect: { session: 1 } },
  {
    key: 'POST /api/me/notifications/:id/read',
    as: 't1.admin',
    before: async (w, a, s) => {
      s.notification = await freshNotification(w, w.userId('t1.admin'), a.townshipId);
    },
    req: (_w, _a, s) => ({ over: { notification: s.notification } }),
    expect: { notification: 1 },
  },
  {
    key: 'POST /api/me/notifications/read-all',
    as: 't1.admin',
    before: async (w, a) => {
      await freshNotification(w, w.userId('t1.admin'), a.townshipId);
      await freshNotification(w, w.userId('t1.admin'), a.townshipId);
    },
    expect: { notification: 1 },
  },
  {
    key: 'POST /api/units',
    as: 't1.admin',
    req: table('POST /api/units'),
    keep: (_b, s, req) => {
      s.unit = (req.body as { id: string }).id;
    },
    expect: { unit: 1 },
  },
  {
    key: 'PATCH /api/units/:id',
    as: 't1.admin',
    req: async (w, a, s) => ({ ...(await table('PATCH /api/units/:id')(w, a)), over: { villageId: s.unit } }),
    expect: { unit: 1 },
  },
  { key: 'DELETE /api/units/:id', as: 't1.admin', req: (_w, _a, s) => ({ over: { villageId: s.unit } }), expect: { unit: 1 } },
  {
    key: 'POST /api/work-units',
    as: 't1.admin',
    req: table('POST /api/work-units'),
    keep: (_b, s, req) => {
      s.workUnit = (req.body as { id: string }).id;
    },
    expect: { work_unit: 1 },
  },
  {
    key: 'PATCH /api/work-units/:id',
    as: 't1.admin',
    req: async (w, a, s) => ({ ...(await table('PATCH /api/work-units/:id')(w, a)), over: { workUnit: s.workUnit } }),
    expect: { work_unit: 1 },
  },
  {
    key: 'DELETE /api/work-units/:id',
    as: 't1.admin',
    req: (_w, _a, s) => ({ over: { workUnit: s.workUnit } }),
    expect: { work_unit: 1 },
  },
  { key: 'POST /api/users', as: 't1.admin', req: table('POST /api/users'), expect: { user: 1 } },
  {
    key: 'POST /api/users/roster',
    as: 't1.admin',
    req: async (_w, a) => ({ multipart: await rosterUpload('花名册审计', [a.householdNumber], '花名册新单位') }),
    // the account, its cadre role on the household's village, the new 派出单位, the pairing
    expect: { user: 1, role_assignment: 1, work_unit: 1, household: 1 },
  },
  { key: 'PATCH /api/users/:id', as: 't1.admin', req: table('PATCH /api/users/:id'), expect: { user: 1 } },
  {
    key: 'POST /api/users/:id/revoke-sessions',
    as: 't1.admin',
    before: async (w, a) => {
      await loginAs(w.app, a.username);
    },
    expect: { user: 1 },
  },
  {
    key: 'POST /api/users/:id/reset-password',
    as: 't1.admin',
    req: table('POST /api/users/:id/reset-password'),
    expect: { user: 1 },
  },
  {
    key: 'POST /api/users/:id/unlock',
    as: 't1.admin',
    before: async (w, a) => {
      await w.t.database.db
        .update(users)
        .set({ failedLogins: 5, lockedUntil: new Date('2020-03-10T02:00:00Z') })
        .where(eq(users.id, a.user));
    },
    expect: { user: 1 },
  },
  {
    key: 'POST /api/users/:id/roles',
    as: 't1.admin',
    req: table('POST /api/users/:id/roles'),
    keep: (_b, s, req) => {
      s.assignment = (req.body as { id: string }).id;
    },
    expect: { role_assignment: 1 },
  },
  {
    key: 'DELETE /api/users/:id/roles/:assignmentId',
    as: 't1.admin',
    req: (_w, _a, s) => ({ over: { assignment: s.assignment } }),
    expect: { role_assignment: 1 },
  },
];

export const REGISTRY_STEPS: Step[] = [
  {
    key: 'POST /api/households',
    as: 't1.admin',
    req: (_w, a) => ({
      body: {
        id: randomUUID(),
        villageId: a.villageId,
        householdNumber: 'AUDIT-1',
        povertyStatus: 'none',
        members: [
          {
            id: randomUUID(),
            name: '审计甲',
            idNumber: buildIdNumber('369901', '1975-05-05', 401, 'male'),
            relation: 'head',
            sex: 'male',
            birthDate: null,
          },
        ],
      },
    }),
    keep: (b, s) => {
      s.household = b.id as string;
    },
    expect: { household: 1 },
  },
  {
    key: 'PUT /api/households/:id',
    as: 't1.admin',
    req: async (w, a, s) => ({
      body: { ...(await householdOf(w, a, s.household)), address: '审计村一组 1 号' },
      over: { household: s.household },
    }),
    expect: { household: 1 },
  },
  {
    key: 'POST /api/households/:id/pairings',
    as: 't1.admin',
    req: (_w, a, s) => ({ body: { cadreId: a.cadreId }, over: { household: s.household } }),
    expect: { household: 1 },
  },
  {
    key: 'DELETE /api/households/:id/pairings/:cadreId',
    as: 't1.admin',
    req: (_w, _a, s) => ({ over: { household: s.household } }),
    expect: { household: 1 },
  },
  {
    key: 'DELETE /api/households/:id',
    as: 't1.admin',
    req: (_w, _a, s) => ({ over: { household: s.household } }),
    expect: { household: 1 },
  },
  {
    key: 'POST /api/registry/imports',
    as: 't1.admin',
    req: async (w, a) => ({
      multipart: {
        file: await registryWorkbook(
          [{ 户编号: 'AUDIT-IMP', 村: await villageName(w, a), 户主姓名: '审计乙', 贫困户状态: '非建档立卡户' }],
          [
            {
              户编号: 'AUDIT-IMP',
              姓名: '审计乙',
              身份证号: buildIdNumber('369901', '1977-07-07', 402, 'male'),
              与户主关系: '户主',
            },
          ],
        ),
        filename: '农户.xlsx',
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
    }),
    keep: (b, s) => {
      s.importId = b.id as string;
    },
    expect: { import: 1 },
  },
  {
    key: 'POST /api/registry/imports/:id/commit',
    as: 't1.admin',
    req: (_w, _a, s) => ({ over: { importId: s.importId } }),
    expect: { import: 1, household: 1 },
  },
  { key: 'POST /api/registry/tags', as: 't1.admin', req: table('POST /api/registry/tags'), expect: { household_tag: 1 } },
];

async function villageName(w: World, a: Area): Promise<string> {
  const res = await w.app.inject({
    method: 'GET',
    url: `/api/units/${a.villageId}`,
    headers: { cookie: await w.cookie('t1.admin') },
  });
  return res.json().name as string;
}

export const RULE_STEPS: Step[] = [
  {
    key: 'POST /api/rules/sets',
    as: 't1.admin',
    req: table('POST /api/rules/sets'),
    keep: (_b, s, req) => {
      s.draft = (req.body as { id: string }).id;
    },
    expect: { rule_set: 1 },
  },
  {
    key: 'PUT /api/rules/sets/:id',
    as: 't1.admin',
    req: async (w, a, s) => ({ ...(await table('PUT /api/rules/sets/:id')(w, a)), over: { ruleSet: s.draft } }),
    expect: { rule_set: 1 },
  },
  { key: 'POST /api/rules/sets/:id/preview', as: 't1.admin', req: (_w, _a, s) => ({ over: { ruleSet: s.draft } }), expect: {} },
  // Two transactions by design: the request marks the set and starts the job; the job's end activates it.
  {
    key: 'POST /api/rules/sets/:id/activate',
    as: 't1.admin',
    req: (_w, _a, s) => ({ over: { ruleSet: s.draft } }),
    // start, activate, and the retired set's own record
    expect: { rule_set: 3 },
  },
  {
    key: 'POST /api/rules/sets',
    as: 't1.admin',
    req: (_w, a) => ({ body: { id: randomUUID(), townshipId: a.townshipId, definition: defaultRuleSet(2022) } }),
    keep: (_b, s, req) => {
      s.draft2 = (req.body as { id: string }).id;
    },
    expect: { rule_set: 1 },
  },
  {
    key: 'DELETE /api/rules/sets/:id',
    as: 't1.admin',
    req: (_w, _a, s) => ({ over: { ruleSet: s.draft2 } }),
    expect: { rule_set: 1 },
  },
];

export const CAMPAIGN_STEPS: Step[] = [
  { key: 'POST /api/campaigns', as: 't1.admin', req: table('POST /api/campaigns'), expect: { campaign: 1 } },
  { key: 'PUT /api/campaigns/:id', as: 't1.admin', req: table('PUT /api/campaigns/:id'), expect: { campaign: 1 } },
  { key: 'POST /api/visits', as: 't1.cadre001', req: table('POST /api/visits'), expect: { visit: 1 } },
  {
    key: 'POST /api/discrepancies/:id/decide',
    as: 't1.v01',
    req: table('POST /api/discrepancies/:id/decide'),
    expect: { discrepancy: 1 },
  },
  {
    key: 'POST /api/visits/summary/submit',
    as: 't1.v01',
    req: table('POST /api/visits/summary/submit'),
    expect: { visit_summary: 1 },
  },
  {
    key: 'POST /api/visits/summary/reopen',
    as: 't1.admin',
    req: table('POST /api/visits/summary/reopen'),
    expect: { visit_summary: 1 },
  },
];

export const LEDGER_STEPS: Step[] = [
  {
    key: 'POST /api/problems',
    as: 't1.admin',
    req: table('POST /api/problems'),
    keep: (_b, s, req) => {
      s.problem = (req.body as { id: string }).id;
    },
    expect: { problem: 1 },
  },
  ...(['transition', 'assign', 'evidence', 'escalate'] as const).map(
    (verb): Step => ({
      key: `POST /api/problems/:id/${verb}`,
      as: verb === 'evidence' || verb === 'escalate' ? 't1.v01' : 't1.admin',
      req: async (w, a, s) => ({ ...(await table(`POST /api/problems/:id/${verb}`)(w, a)), over: { problem: s.problem } }),
      expect: { problem: 1 },
    }),
  ),
  {
    key: 'POST /api/problems/overdue-check',
    as: 't1.admin',
    before: async (w, a) => {
      await freshProblem(w, a, { deadline: '2020-03-01' });
    },
    req: table('POST /api/problems/overdue-check'),
    // two moves of one problem: marked overdue, then escalated to the township
    expect: { problem: 2 },
  },
  {
    key: 'POST /api/orders',
    as: 't1.admin',
    req: async (w, a, s) => ({ body: { ...((await table('POST /api/orders')(w, a)).body as object), problemIds: [s.problem] } }),
    expect: { order: 1, problem: 1 },
  },
  {
    key: 'POST /api/sites',
    as: 't1.v01',
    req: table('POST /api/sites'),
    keep: (_b, s, req) => {
      s.site = (req.body as { id: string }).id;
    },
    expect: { site: 1 },
  },
  { key: 'POST /api/sites/:id/archive', as: 't1.v01', req: (_w, _a, s) => ({ over: { site: s.site } }), expect: { site: 1 } },
  { key: 'PUT /api/checklists/:target', as: 't1.admin', req: table('PUT /api/checklists/:target'), expect: { checklist: 1 } },
  { key: 'POST /api/inspections', as: 't1.v01', req: table('POST /api/inspections'), expect: { inspection: 1, problem: 1 } },
  { key: 'POST /api/crosschecks', as: 'reviewer', req: table('POST /api/crosschecks'), expect: { inspection: 1, problem: 1 } },
  {
    key: 'POST /api/inspections/summary/submit',
    as: 't1.v01',
    req: table('POST /api/inspections/summary/submit'),
    expect: { inspection_summary: 1 },
  },
  {
    key: 'POST /api/inspections/summary/reopen',
    as: 't1.admin',
    req: table('POST /api/inspections/summary/reopen'),
    expect: { inspection_summary: 1 },
  },
];
