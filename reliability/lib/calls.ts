/**
 * One well-formed request for every write route, aimed at an area of the world. The bad-input
 * suite mutates these, the access matrix sends them as every role, and the audit suite runs them
 * for real. A write route missing here fails every suite that enumerates routes, so a new route
 * must come with its valid call.
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_PRIZES, DEFAULT_RUBRIC, defaultPhases, defaultRuleSet, type Household } from '@fupin/domain';
import { and, asc, eq } from 'drizzle-orm';
import { households, members } from '../../apps/server/src/db/schema/index';
import { TEST_PASSWORD } from '../../apps/server/test/fixtures';
import { cleanForm } from '../../apps/server/test/visit-form';
import { rosterWorkbook } from '../../apps/server/test/xlsx';
import type { Area, World } from './world';

export interface Multipart {
  file: Buffer;
  filename: string;
  contentType: string;
  /** text fields sent before the file */
  fields?: Record<string, string>;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A 帮扶干部花名册 of one new cadre (a mobile of their own) paired with the given households. */
export async function rosterUpload(name: string, households: string[] = [], workUnit?: string): Promise<Multipart> {
  const mobile = `139${String(next()).padStart(8, '0')}`;
  const file = await rosterWorkbook([{ 姓名: name, 手机号码: mobile, 派出单位: workUnit, 结对户编号: households.join('、') }]);
  return { file, filename: '花名册.xlsx', contentType: XLSX, fields: { password: TEST_PASSWORD } };
}

/** A request: body (JSON) or a file, and path parameters other than the area's own. */
export interface Req {
  body?: unknown;
  multipart?: Multipart;
  over?: Partial<Area>;
}

export type CallFor = (w: World, a: Area) => Promise<Req> | Req;

let serial = 0;
const next = () => ++serial;

/** The township administrator of an area's township (who may read everything there). */
export function ownerOf(a: Area): string {
  return a.name === 'A' || a.name === 'B' ? 't1.admin' : a.name === 'C' ? 't2.admin' : 't3.admin';
}

/** A household as the API shows it, built from the database (any area, whoever asks). */
export async function householdOf(w: World, a: Area, id = a.household): Promise<Household> {
  const db = w.t.database.db;
  const [h] = await db
    .select()
    .from(households)
    .where(and(eq(households.townshipId, a.townshipId), eq(households.id, id)));
  if (!h) throw new Error(`no household ${id}`);
  const ms = await db
    .select()
    .from(members)
    .where(and(eq(members.townshipId, a.townshipId), eq(members.householdId, id)))
    .orderBy(asc(members.sortOrder));
  return { ...h, members: ms } as unknown as Household;
}

/** A tiny JPEG's first bytes: enough for the type check by magic number. */
export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 7)]);

export const VALID: Record<string, CallFor> = {
  'POST /api/auth/login': () => ({ body: { username: 't1.housing', password: TEST_PASSWORD } }),
  'POST /api/auth/logout': () => ({}),
  // A wrong current password: the suites that only need a well-formed call never change one.
  'POST /api/me/password': () => ({ body: { currentPassword: 'not-the-password-1', newPassword: 'better2020x' } }),
  'DELETE /api/me/sessions/:id': () => ({}),
  'POST /api/me/notifications/:id/read': () => ({}),
  'POST /api/me/notifications/read-all': () => ({}),
  'POST /api/units': (_w, a) => ({ body: { id: randomUUID(), parentId: a.villageId, name: `新组${next()}`, code: null } }),
  'PATCH /api/units/:id': (_w, a) => ({ body: { name: `${a.name}村${next()}` } }),
  'DELETE /api/units/:id': () => ({}),
  'POST /api/users': (_w, a) => ({
    body: {
      id: randomUUID(),
      username: `new.user${next()}`,
      displayName: '新账号',
      phone: null,
      homeUnitId: a.villageId,
      password: 'initial2020x',
    },
  }),
  'PATCH /api/users/:id': () => ({ body: { displayName: `改名${next()}` } }),
  'POST /api/work-units': (_w, a) => ({ body: { id: randomUUID(), townshipId: a.townshipId, name: `派出单位${next()}` } }),
  'PATCH /api/work-units/:id': () => ({ body: { headName: `负责人${next()}`, headTitle: '局长' } }),
  'DELETE /api/work-units/:id': () => ({}),
  'POST /api/users/:id/reset-password': () => ({ body: { password: `reset${next()}pass` } }),
  'POST /api/users/:id/unlock': () => ({}),
  'POST /api/users/:id/revoke-sessions': () => ({}),
  'POST /api/users/:id/roles': (_w, a) => ({ body: { id: randomUUID(), role: 'cadre', unitId: a.villageId } }),
  'DELETE /api/users/:id/roles/:assignmentId': () => ({}),
  'POST /api/households': (_w, a) => ({
    body: {
      id: randomUUID(),
      villageId: a.villageId,
      householdNumber: `N${a.name}${next()}`,
      povertyStatus: 'none',
      members: [],
    },
  }),
  'PUT /api/households/:id': async (w, a) => ({ body: { ...(await householdOf(w, a)), address: `${a.name}村${next()}号` } }),
  'DELETE /api/households/:id': () => ({}),
  'POST /api/households/:id/pairings': (_w, a) => ({ body: { cadreId: a.cadreId } }),
  'DELETE /api/households/:id/pairings/:cadreId': () => ({}),
  'POST /api/registry/imports': () => ({
    multipart: { file: Buffer.from('not a workbook'), filename: '农户.xlsx', contentType: 'application/octet-stream' },
  }),
  'POST /api/registry/imports/:id/commit': () => ({}),
  'POST /api/users/roster': async () => ({ multipart: await rosterUpload('花名册干部') }),
  'POST /api/registry/tags': (_w, a) => ({
    body: { townshipId: a.townshipId, code: `tag${next()}`, labelZh: '自定标签', labelEn: 'Own tag' },
  }),
  'POST /api/rules/sets': (_w, a) => ({ body: { id: randomUUID(), townshipId: a.townshipId, definition: defaultRuleSet(2021) } }),
  'PUT /api/rules/sets/:id': () => ({ body: { definition: defaultRuleSet(2021), note: '调整' } }),
  'DELETE /api/rules/sets/:id': () => ({}),
  'POST /api/rules/sets/:id/preview': () => ({}),
  'POST /api/rules/sets/:id/activate': () => ({}),
  'POST /api/campaigns': (_w, a) => ({
    body: { id: randomUUID(), townshipId: a.townshipId, year: 2021 + (next() % 79), name: '新一年的活动' },
  }),
  'PUT /api/campaigns/:id': () => ({ body: { name: `2020年大走访大排查大比武（第${next()}版）`, phases: defaultPhases(2020) } }),
  'POST /api/visits': async (w, a) => ({ body: cleanForm(await householdOf(w, a), a.campaignId) }),
  'POST /api/discrepancies/:id/decide': () => ({ body: { decision: 'reject', note: '核实无误' } }),
  'POST /api/visits/summary/submit': (_w, a) => ({ body: { campaignId: a.campaignId, villageId: a.villageId } }),
  'POST /api/visits/summary/reopen': (_w, a) => ({
    body: { campaignId: a.campaignId, villageId: a.villageId, reason: '数据有误，退回修改' },
  }),
  'POST /api/problems': (_w, a) => ({
    body: {
      id: randomUUID(),
      unitId: a.villageId,
      category: 'housing',
      description: '住房漏雨，需要维修',
      deadline: '2020-03-25',
    },
  }),
  'POST /api/problems/:id/transition': () => ({ body: { action: 'start', measures: '安排维修' } }),
  'POST /api/problems/:id/assign': () => ({ body: { deadline: '2020-04-01', measures: '限期整改' } }),
  'POST /api/problems/:id/escalate': () => ({ body: { reason: '村级无法解决' } }),
  'POST /api/problems/:id/evidence': () => ({ multipart: { file: JPEG, filename: '整改照片.jpg', contentType: 'image/jpeg' } }),
  'POST /api/problems/overdue-check': (_w, a) => ({ body: { townshipId: a.townshipId } }),
  'POST /api/orders': (w, a) => ({
    body: {
      id: randomUUID(),
      townshipId: a.townshipId,
      title: '督办整改住房问题',
      deadline: '2020-04-01',
      responsibleUserIds: [w.userId(ownerOf(a))],
      problemIds: [a.problem],
    },
  }),
  'POST /api/sites': (_w, a) => ({ body: { id: randomUUID(), villageId: a.villageId, kind: 'clinic', name: `卫生室${next()}` } }),
  'POST /api/sites/:id/archive': () => ({}),
  'PUT /api/checklists/:target': (_w, a) => ({
    body: {
      townshipId: a.townshipId,
      scope: 'site',
      items: [{ code: 'cl1', text: '有标准化村卫生室，有合格村医在岗', evidence: 'photo' }],
    },
  }),
  'POST /api/inspections': (_w, a) => ({
    body: {
      id: randomUUID(),
      campaignId: a.campaignId,
      kind: 'village_self',
      villageId: a.villageId,
      siteId: a.site,
      inspectedAt: '2020-03-10T02:00:00.000Z',
      results: [{ code: 'cl1', ok: false, note: '药品过期' }],
    },
  }),
  'POST /api/crosschecks': (_w, a) => ({
    body: {
      id: randomUUID(),
      campaignId: a.campaignId,
      villageId: a.villageId,
      inspectedAt: '2020-03-10T02:00:00.000Z',
      reviews: [],
      findings: [{ category: 'housing', description: '复核发现住房漏雨' }],
    },
  }),
  'POST /api/inspections/summary/submit': (_w, a) => ({ body: { campaignId: a.campaignId, villageId: a.villageId } }),
  'POST /api/inspections/summary/reopen': (_w, a) => ({
    body: { campaignId: a.campaignId, villageId: a.villageId, reason: '数据有误，退回修改' },
  }),
  'PUT /api/competition/settings': (_w, a) => ({
    body: {
      townshipId: a.townshipId,
      rubric: DEFAULT_RUBRIC,
      prizes: DEFAULT_PRIZES,
      sampleSize: 1,
      publicityDays: 5,
      competitionWeight: 0.5,
    },
  }),
  'PUT /api/competition/year-scores': (_w, a) => ({
    body: { townshipId: a.townshipId, year: 2020, scores: [{ villageId: a.villageId, otherScore: 80 }] },
  }),
  'POST /api/competition/rounds': (_w, a) => ({ body: { id: randomUUID(), townshipId: a.townshipId, month: '2020-04' } }),
  'POST /api/competition/rounds/:id/villages/:villageId/redraw': () => ({ body: { reason: '抽中户外出务工' } }),
  'PUT /api/competition/rounds/:id/nominations/:villageId': (_w, a) => ({ body: { groupIds: [a.groupId] } }),
  'PUT /api/competition/rounds/:id/assignments': (w, a) => ({
    body: {
      assignments: [{ judgeId: w.userId(a.name === 'C' ? 't2.judge1' : 't1.judge1'), part: 'village', villageId: a.villageId }],
    },
  }),
  'POST /api/competition/scores': (_w, a) => ({
    body: {
      id: randomUUID(),
      roundId: a.round,
      villageId: a.villageId,
      part: 'village',
      subjectId: a.villageId,
      sheet: Object.fromEntries(DEFAULT_RUBRIC.village.items.map((i) => [i.code, i.points])),
    },
  }),
  'POST /api/competition/rounds/:id/scores/:scoreId/photos': () => ({
    multipart: { file: JPEG, filename: '现场照片.jpg', contentType: 'image/jpeg' },
  }),
  'DELETE /api/competition/rounds/:id/scores/:scoreId/photos/:photoId': () => ({}),
  'POST /api/competition/rounds/:id/close': () => ({}),
  'POST /api/competition/rounds/:id/reopen': () => ({ body: { reason: '评分有误，退回重评' } }),
  'POST /api/competition/rounds/:id/publish': () => ({}),
  'POST /api/competition/rounds/:id/withdraw': () => ({ body: { reason: '排名有误，撤回重算' } }),
  'POST /api/competition/rounds/:id/finalise': () => ({}),
  'POST /api/competition/rounds/:id/objections': (_w, a) => ({
    body: { id: randomUUID(), villageId: a.villageId, text: '看户评分偏低，请复核' },
  }),
  'POST /api/competition/rounds/:id/objections/:objectionId/answer': () => ({
    body: { outcome: 'dismissed', answer: '经复核评分无误' },
  }),
};

/** The valid call of a route; fails loudly for a route this table does not know yet. */
export function validCall(key: string): CallFor {
  const call = VALID[key];
  if (!call) throw new Error(`reliability/lib/calls.ts: add a valid call for ${key}`);
  return call;
}
