/**
 * Nobody where they do not belong: every route the application registers is called with the
 * ids of another township's (or another cadre's) data, as people of each role. None may answer
 * with success, none may show a byte of the other data, and nothing may change there.
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_PRIZES, DEFAULT_RUBRIC, defaultPhases, defaultRuleSet } from '@fupin/domain';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  competitionObjections,
  competitionRounds,
  competitionSamples,
  competitionScorePhotos,
  competitionScores,
  discrepancies,
  imports,
  jobs,
  notifications,
  orderProblems,
  problemEvidence,
  problems,
  ruleSets,
  sessions,
  sites,
  supervisionOrders,
  visits,
} from '../src/db/schema/index';
import ExcelJS from '../src/io/excel/exceljs';
import { as, type CountyFixture, loginAs, seedCounty } from './fixtures';
import { createTestApp, type TestApp } from './harness';
import { cleanForm } from './visit-form';

/** A valid body for every write route, aimed at township 2. A new write route must add one. */
function bodyFor(route: string, ids: Ids): unknown {
  const bodies: Record<string, unknown> = {
    'POST /api/units': { id: randomUUID(), parentId: ids.village, name: '入侵组', code: null },
    'PATCH /api/units/:id': { name: '被改名' },
    'DELETE /api/units/:id': undefined,
    'POST /api/users': {
      id: randomUUID(),
      username: 'intruder',
      displayName: '入侵者',
      homeUnitId: ids.township,
      password: 'abcd1234x',
    },
    'PATCH /api/users/:id': { displayName: '被改名' },
    'POST /api/work-units': { id: randomUUID(), townshipId: ids.township, name: '入侵单位' },
    'POST /api/users/roster': {},
    'PATCH /api/work-units/:id': { headName: '被改名' },
    'DELETE /api/work-units/:id': undefined,
    'POST /api/users/:id/reset-password': { password: 'abcd1234x' },
    'POST /api/users/:id/unlock': {},
    'POST /api/users/:id/revoke-sessions': {},
    'POST /api/users/:id/roles': { id: randomUUID(), role: 'cadre', unitId: ids.village },
    'DELETE /api/users/:id/roles/:assignmentId': undefined,
    'DELETE /api/me/sessions/:id': undefined,
    'POST /api/me/notifications/:id/read': {},
    'POST /api/me/notifications/read-all': {},
    'POST /api/households': { ...ids.householdBody, id: randomUUID(), householdNumber: 'INTRUDER-1', members: [] },
    'PUT /api/households/:id': { ...ids.householdBody, address: '被改' },
    'DELETE /api/households/:id': undefined,
    'POST /api/households/:id/pairings': { cadreId: ids.cadre },
    'DELETE /api/households/:id/pairings/:cadreId': undefined,
    'POST /api/registry/imports': {},
    'POST /api/registry/imports/:id/commit': {},
    'POST /api/registry/tags': { townshipId: ids.township, code: 'intruder', labelZh: '入侵', labelEn: 'Intruder' },
    'POST /api/rules/sets': { id: randomUUID(), townshipId: ids.township, definition: defaultRuleSet(2021) },
    'PUT /api/rules/sets/:id': { definition: defaultRuleSet(2020) },
    'POST /api/rules/sets/:id/preview': {},
    'POST /api/rules/sets/:id/activate': {},
    'POST /api/campaigns': { id: randomUUID(), townshipId: ids.township, year: 2021, name: '入侵' },
    'PUT /api/campaigns/:id': { name: '被改', phases: defaultPhases(2020) },
    'POST /api/visits': ids.visitBody,
    'POST /api/discrepancies/:id/decide': { decision: 'accept', confirmConflict: true },
    'POST /api/visits/summary/submit': { campaignId: ids.campaign, villageId: ids.village },
    'POST /api/visits/summary/reopen': { campaignId: ids.campaign, villageId: ids.village, reason: '入侵' },
    'POST /api/problems': { id: randomUUID(), unitId: ids.village, category: 'housing', description: '入侵问题' },
    'POST /api/problems/:id/transition': { action: 'start' },
    'POST /api/problems/:id/assign': { deadline: '2020-04-01' },
    'POST /api/problems/:id/escalate': { reason: '入侵上报' },
    'POST /api/problems/:id/evidence': {},
    'POST /api/orders': {
      id: randomUUID(),
      townshipId: ids.township,
      title: '入侵督办',
      deadline: '2020-04-01',
      responsibleUserIds: [ids.user],
      problemIds: [ids.problem],
    },
    'POST /api/sites': { id: randomUUID(), villageId: ids.village, kind: 'clinic', name: '入侵卫生室' },
    'POST /api/sites/:id/archive': {},
    'PUT /api/checklists/:target': {
      townshipId: ids.township,
      scope: 'site',
      items: [{ code: 'x1', text: '入侵项', evidence: 'none' }],
    },
    'POST /api/inspections': {
      id: randomUUID(),
      campaignId: ids.campaign,
      kind: 'village_self',
      villageId: ids.village,
      siteId: ids.site,
      inspectedAt: new Date().toISOString(),
      results: [{ code: 'cl1', ok: false }],
    },
    'POST /api/crosschecks': {
      id: randomUUID(),
      campaignId: ids.campaign,
      villageId: ids.village,
      inspectedAt: new Date().toISOString(),
      reviews: [],
      findings: [{ category: 'housing', description: '入侵发现' }],
    },
    'POST /api/problems/overdue-check': { townshipId: ids.township },
    'POST /api/inspections/summary/submit': { campaignId: ids.campaign, villageId: ids.village },
    'POST /api/inspections/summary/reopen': { campaignId: ids.campaign, villageId: ids.village, reason: '入侵' },
    'PUT /api/competition/settings': {
      townshipId: ids.township,
      rubric: DEFAULT_RUBRIC,
      prizes: DEFAULT_PRIZES,
      sampleSize: 5,
      publicityDays: 5,
      competitionWeight: 0.5,
    },
    'POST /api/competition/rounds': { id: randomUUID(), townshipId: ids.township, month: '2020-05' },
    'POST /api/competition/rounds/:id/villages/:villageId/redraw': { reason: '入侵重抽' },
    'PUT /api/competition/rounds/:id/nominations/:villageId': { groupIds: [] },
    'PUT /api/competition/rounds/:id/assignments': {
      assignments: [{ judgeId: ids.user, part: 'village', villageId: ids.village }],
    },
    'POST /api/competition/scores': {
      id: randomUUID(),
      roundId: ids.round,
      villageId: ids.village,
      part: 'village',
      subjectId: ids.village,
      sheet: { v_projects: 6 },
    },
    'POST /api/competition/rounds/:id/scores/:scoreId/photos': {},
    'POST /api/competition/rounds/:id/close': {},
    'POST /api/competition/rounds/:id/reopen': { reason: '入侵退回' },
    'POST /api/competition/rounds/:id/publish': {},
    'POST /api/competition/rounds/:id/withdraw': { reason: '入侵撤回' },
    'POST /api/competition/rounds/:id/finalise': {},
    'POST /api/competition/rounds/:id/objections': { id: randomUUID(), villageId: ids.village, text: '入侵异议' },
    'POST /api/competition/rounds/:id/objections/:objectionId/answer': { outcome: 'dismissed', answer: '入侵答复' },
    'PUT /api/competition/year-scores': {
      townshipId: ids.township,
      year: 2020,
      scores: [{ villageId: ids.village, otherScore: 50 }],
    },
  };
  if (!(route in bodies)) throw new Error(`scope test: add a body for ${route}`);
  return bodies[route];
}

interface Ids {
  county: string;
  notification: string;
  campaign: string;
  problem: string;
  evidence: string;
  order: string;
  site: string;
  discrepancy: string;
  visit: string;
  visitBody: Record<string, unknown>;
  importId: string;
  ruleSet: string;
  job: string;
  household: string;
  householdBody: Record<string, unknown>;
  cadre: string;
  township: string;
  village: string;
  user: string;
  assignment: string;
  workUnit: string;
  session: string;
  round: string;
  objection: string;
  score: string;
  photo: string;
  secrets: string[];
}

/** Query strings naming township 2, for routes that require one. */
const QUERIES: Record<string, (ids: Ids) => string> = {
  '/api/registry/template.xlsx': (ids) => `?unitId=${ids.township}`,
  '/api/registry/imports': (ids) => `?unitId=${ids.township}`,
  '/api/registry/tags': (ids) => `?townshipId=${ids.township}`,
  '/api/registry/cadres': (ids) => `?townshipId=${ids.township}`,
  '/api/work-units': (ids) => `?townshipId=${ids.township}`,
  '/api/users/roster': (ids) => `?townshipId=${ids.township}`,
  '/api/users/roster-template.xlsx': (ids) => `?townshipId=${ids.township}`,
  '/api/users/roster.xlsx': (ids) => `?townshipId=${ids.township}`,
  '/api/rules/sets': (ids) => `?townshipId=${ids.township}`,
  '/api/rules/active': (ids) => `?unitId=${ids.village}`,
  '/api/rules/default': () => '?year=2020',
  '/api/campaigns': (ids) => `?townshipId=${ids.township}`,
  '/api/campaigns/current': (ids) => `?unitId=${ids.village}`,
  '/api/visits/tasks': (ids) => `?campaignId=${ids.campaign}`,
  '/api/visits': (ids) => `?householdId=${ids.household}`,
  '/api/visits/summary': (ids) => `?campaignId=${ids.campaign}&villageId=${ids.village}`,
  '/api/visits/summary.xlsx': (ids) => `?campaignId=${ids.campaign}&villageId=${ids.village}`,
  '/api/visits/overview': (ids) => `?campaignId=${ids.campaign}`,
  '/api/visits/overview.xlsx': (ids) => `?campaignId=${ids.campaign}`,
  '/api/discrepancies': (ids) => `?villageId=${ids.village}`,
  '/api/problems/matrix': (ids) => `?townshipId=${ids.township}`,
  '/api/problems/matrix.xlsx': (ids) => `?townshipId=${ids.township}`,
  '/api/problems/overdue': (ids) => `?townshipId=${ids.township}`,
  '/api/checklists': (ids) => `?townshipId=${ids.township}`,
  '/api/inspections': (ids) => `?campaignId=${ids.campaign}`,
  '/api/inspections/summary': (ids) => `?campaignId=${ids.campaign}&villageId=${ids.village}`,
  '/api/inspections/summary.xlsx': (ids) => `?campaignId=${ids.campaign}&villageId=${ids.village}`,
  '/api/inspections/overview': (ids) => `?campaignId=${ids.campaign}`,
  '/api/competition/settings': (ids) => `?townshipId=${ids.township}`,
  '/api/competition/rounds': (ids) => `?townshipId=${ids.township}`,
  '/api/competition/year': (ids) => `?townshipId=${ids.township}&year=2020`,
  '/api/competition/year.xlsx': (ids) => `?townshipId=${ids.township}&year=2020`,
  '/api/dashboard': (ids) => `?unitId=${ids.township}`,
  '/api/dashboard/visits': (ids) => `?unitId=${ids.township}`,
  '/api/dashboard/problems': (ids) => `?unitId=${ids.township}`,
  '/api/dashboard/summaries': (ids) => `?unitId=${ids.township}`,
  '/api/dashboard/county': (ids) => `?countyId=${ids.county}`,
  '/api/accountability': (ids) => `?unitId=${ids.township}`,
  '/api/accountability/lapses': (ids) => `?unitId=${ids.township}`,
  '/api/accountability/lapses.xlsx': (ids) => `?unitId=${ids.township}`,
};

function fill(url: string, ids: Ids): string {
  return `${url
    .replace(':assignmentId', ids.assignment)
    .replace(':evidenceId', ids.evidence)
    .replace(':villageId', ids.village)
    .replace(':objectionId', ids.objection)
    .replace(':scoreId', ids.score)
    .replace(':photoId', ids.photo)
    .replace(/^\/api\/competition\/rounds\/:id/, `/api/competition/rounds/${ids.round}`)
    .replace(':target', 'clinic')
    .replace(/^\/api\/problems\/:id/, `/api/problems/${ids.problem}`)
    .replace(/^\/api\/orders\/:id/, `/api/orders/${ids.order}`)
    .replace(/^\/api\/sites\/:id/, `/api/sites/${ids.site}`)
    .replace(/^\/api\/registry\/imports\/:id/, `/api/registry/imports/${ids.importId}`)
    .replace(/^\/api\/rules\/sets\/:id/, `/api/rules/sets/${ids.ruleSet}`)
    .replace(/^\/api\/jobs\/:id/, `/api/jobs/${ids.job}`)
    .replace(/^\/api\/campaigns\/:id/, `/api/campaigns/${ids.campaign}`)
    .replace(/^\/api\/visits\/:id/, `/api/visits/${ids.visit}`)
    .replace(/^\/api\/discrepancies\/:id/, `/api/discrepancies/${ids.discrepancy}`)
    .replace(':cadreId', ids.cadre)
    .replace(/^\/api\/households\/:id/, `/api/households/${ids.household}`)
    .replace(/^\/api\/units\/:id/, `/api/units/${ids.village}`)
    .replace(/^\/api\/users\/:id/, `/api/users/${ids.user}`)
    .replace(/^\/api\/work-units\/:id/, `/api/work-units/${ids.workUnit}`)
    .replace(/^\/api\/me\/sessions\/:id/, `/api/me/sessions/${ids.session}`)
    .replace(/^\/api\/me\/notifications\/:id/, `/api/me/notifications/${ids.notification}`)}${QUERIES[url]?.(ids) ?? ''}`;
}

/** The text of an answer, an .xlsx opened and its cells read out, for the secrets check. */
async function textOf(res: { body: string; rawPayload: Buffer; headers: Record<string, unknown> }): Promise<string> {
  if (!String(res.headers['content-type'] ?? '').includes('spreadsheetml')) return res.body;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const cells: string[] = [];
  for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
  return cells.join('\n');
}

describe('scope: another township’s and another cadre’s data', () => {
  let t: TestApp;
  let county: CountyFixture;
  let ids: Ids;
  beforeAll(async () => {
    t = await createTestApp();
    county = await seedCounty(t.database);
    const admin2 = county.users.get('t2.admin');
    await loginAs(t.app, 't2.admin');
    const [session] = await t.database.db
      .select()
      .from(sessions)
      .where(eq(sessions.userId, admin2?.id as string));
    const t2 = county.townships[1]?.data;
    const h = t2?.households[0] as unknown[];
    const cadre = t2?.users.find((u) => u.username === 't2.cadre001');
    const importId = randomUUID();
    await t.database.db.insert(imports).values({
      townshipId: county.townships[1]?.id as string,
      id: importId,
      unitId: county.townships[1]?.id as string,
      fileName: 't2.xlsx',
      status: 'checked',
      createdBy: admin2?.id as string,
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    const [ruleSet] = await t.database.db
      .select()
      .from(ruleSets)
      .where(eq(ruleSets.townshipId, county.townships[1]?.id as string));
    const job = randomUUID();
    await t.database.db.insert(jobs).values({
      townshipId: county.townships[1]?.id as string,
      id: job,
      kind: 'recompute_flags',
      status: 'done',
      startedAt: new Date(),
    });
    const campaign = county.campaignIds[1] as string;
    const visit = randomUUID();
    await t.database.db.insert(visits).values({
      townshipId: county.townships[1]?.id as string,
      id: visit,
      campaignId: campaign,
      householdId: h[1] as string,
      visitorId: admin2?.id as string,
      formType: 'registered',
      visitedAt: new Date(),
      receivedAt: new Date(),
      baseVersion: 1,
      form: { secret: h[1] },
      computed: {},
      plausibility: [],
      membersConfirmed: 1,
    });
    const household = {
      id: h[1],
      version: 1,
      members: [],
      housingStructure: null,
      housingGrade: null,
      otherSafeHouse: false,
      povertyStatus: 'none',
      wageIncome: 0,
      businessIncome: 0,
      propertyIncome: 0,
      transferIncome: 0,
      industryProjects: [],
    };
    const visitBody = { ...cleanForm(household as never, campaign), members: [{ memberId: null, name: '甲', check: 'present' }] };
    const discrepancy = randomUUID();
    await t.database.db.insert(discrepancies).values({
      townshipId: county.townships[1]?.id as string,
      id: discrepancy,
      visitId: visit,
      householdId: h[1] as string,
      kind: 'field',
      field: 'address',
      registryValue: null,
      observedValue: '入侵地址',
      status: 'pending',
      createdAt: new Date(),
    });
    const t2id = county.townships[1]?.id as string;
    const now = new Date();
    const problem = randomUUID();
    await t.database.db.insert(problems).values({
      townshipId: t2id,
      id: problem,
      source: 'visit',
      category: 'housing',
      villageId: county.village(1, 0),
      householdId: h[1] as string,
      description: '乙镇秘密问题',
      level: 'village',
      status: 'submitted',
      submittedBy: cadre?.id as string,
      campaignId: campaign,
      createdAt: now,
      updatedAt: now,
    });
    const evidence = randomUUID();
    await t.database.db.insert(problemEvidence).values({
      townshipId: t2id,
      id: evidence,
      problemId: problem,
      fileName: '乙镇照片.jpg',
      mimeType: 'image/jpeg',
      size: 4,
      data: Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
      uploadedBy: cadre?.id as string,
      uploadedAt: now,
    });
    const order = randomUUID();
    await t.database.db.insert(supervisionOrders).values({
      townshipId: t2id,
      id: order,
      number: '督办〔2020〕1号',
      title: '乙镇秘密督办',
      deadline: '2020-04-01',
      responsibleUserIds: [admin2?.id as string],
      issuedBy: admin2?.id as string,
      issuedAt: now,
    });
    await t.database.db.insert(orderProblems).values({ townshipId: t2id, orderId: order, problemId: problem });
    const site = randomUUID();
    await t.database.db.insert(sites).values({
      townshipId: t2id,
      id: site,
      villageId: county.village(1, 0),
      kind: 'clinic',
      name: '乙镇秘密卫生室',
      createdAt: now,
    });
    // Township 2's March round, published, with a sample and an objection.
    const round = randomUUID();
    await t.database.db.insert(competitionRounds).values({
      townshipId: t2id,
      id: round,
      month: '2020-03',
      status: 'published',
      rubric: DEFAULT_RUBRIC,
      prizes: DEFAULT_PRIZES,
      sampleSize: 5,
      publicityDays: 5,
      publishedOn: '2020-03-10',
      ranking: { publishedAt: now.toISOString(), rows: [] },
      createdAt: now,
    });
    await t.database.db.insert(competitionSamples).values({
      townshipId: t2id,
      roundId: round,
      villageId: county.village(1, 0),
      record: {
        method: 'fnv1a32-mulberry32-fisher-yates',
        version: 1,
        seed: '乙镇秘密种子',
        size: 1,
        population: [h[1]],
        sample: [h[1]],
      },
      drawnAt: now,
    });
    const objection = randomUUID();
    await t.database.db.insert(competitionObjections).values({
      townshipId: t2id,
      id: objection,
      roundId: round,
      villageId: county.village(1, 0),
      text: '乙镇秘密异议',
      raisedAt: now,
      status: 'open',
    });
    // A judge's sheet of that round with a photo.
    const score = randomUUID();
    await t.database.db.insert(competitionScores).values({
      townshipId: t2id,
      id: score,
      roundId: round,
      villageId: county.village(1, 0),
      part: 'village',
      subjectId: county.village(1, 0),
      judgeId: admin2?.id as string,
      sheet: { v_projects: 6 },
      note: '乙镇秘密评语',
      submittedAt: now,
    });
    const photo = randomUUID();
    await t.database.db.insert(competitionScorePhotos).values({
      townshipId: t2id,
      id: photo,
      scoreId: score,
      fileName: '乙镇秘密照片.jpg',
      mimeType: 'image/jpeg',
      size: 4,
      data: Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
      uploadedBy: admin2?.id as string,
      uploadedAt: now,
    });
    // A message of township 2's office: nobody else may read or mark it.
    const notification = randomUUID();
    await t.database.db.insert(notifications).values({
      townshipId: t2id,
      id: notification,
      userId: admin2?.id as string,
      kind: 'order_issued',
      params: { number: '督办〔2020〕1号', title: '乙镇秘密督办', deadline: '2020-04-01', problems: 1 },
      link: { target: 'order', id: order, query: {} },
      dedupeKey: `order:${order}`,
      createdAt: now,
    });
    ids = {
      county: county.countyId,
      notification,
      round,
      objection,
      score,
      photo,
      campaign,
      problem,
      evidence,
      order,
      site,
      discrepancy,
      visit,
      visitBody,
      importId,
      ruleSet: ruleSet?.id as string,
      job,
      household: h[1] as string,
      householdBody: { villageId: h[2], groupId: h[3], householdNumber: h[4], povertyStatus: 'none', members: [], version: 1 },
      cadre: cadre?.id as string,
      township: county.townships[1]?.id as string,
      village: county.village(1, 0),
      user: admin2?.id as string,
      assignment: admin2?.roles[0]?.id as string,
      workUnit: t2?.workUnits[0]?.[0] as string,
      session: session?.id as string,
      // Anything of township 2 that must never appear in an answer to township 1's people.
      secrets: [
        county.townships[1]?.id as string,
        county.village(1, 0),
        county.village(1, 1),
        ...(t2?.users.map((u) => u.id) ?? []),
        ...(t2?.users.map((u) => u.username) ?? []),
        // its 派出单位' ids and heads' phones (their names are generated and may repeat township 1's)
        ...(t2?.workUnits.flatMap((row) => [row[0] as string, row[5] as string]) ?? []),
        ...(t2?.households.map((row) => row[1] as string) ?? []),
        ...(t2?.members.map((row) => row[5] as string) ?? []),
        problem,
        order,
        site,
        notification,
        '乙镇秘密问题',
        '乙镇秘密督办',
        '乙镇秘密卫生室',
        round,
        objection,
        '乙镇秘密种子',
        '乙镇秘密异议',
      ],
    };
  });
  afterAll(() => t.close());

  const routes = () =>
    t.app.routeAccess.filter(
      (r) =>
        r.url.startsWith('/api/') &&
        r.method !== 'HEAD' &&
        !r.url.startsWith('/api/docs') &&
        r.url !== '/api/auth/login' &&
        r.url !== '/api/auth/logout',
    );

  it.each(['t1.cadre001', 't1.v01', 't1.admin', 't1.discipline', 't1.leader', 't1.edu', 't1.judge1'])(
    '%s reaches nothing of township 2 through any route',
    async (username) => {
      const user = as(t.app, await loginAs(t.app, username));
      const countT2 = async () =>
        (
          await t.database.db
            .select({ n: sql<number>`count(*)::int` })
            .from(auditLog)
            .where(eq(auditLog.townshipId, ids.township))
        )[0]?.n;
      const before = await countT2();
      const checked: string[] = [];
      for (const r of routes()) {
        const key = `${r.method} ${r.url}`;
        const url = fill(r.url, ids);
        const res =
          r.method === 'GET'
            ? await user.get(url)
            : r.method === 'DELETE'
              ? await user.delete(url)
              : r.method === 'PATCH'
                ? await user.patch(url, bodyFor(key, ids))
                : r.method === 'PUT'
                  ? await user.put(url, bodyFor(key, ids))
                  : r.url === '/api/me/password'
                    ? null
                    : await user.post(url, bodyFor(key, ids));
        if (!res) continue;
        checked.push(key);
        const text = await textOf(res);
        for (const secret of ids.secrets) expect(text.includes(secret), `${username} ${key} shows ${secret}`).toBe(false);
        if (res.statusCode < 300) {
          // Only lists (filtered to the reader's scope) and one's own account may answer with success.
          expect(
            [
              'GET /api/units',
              'GET /api/users',
              'GET /api/audit',
              'GET /api/households',
              'GET /api/registry/imports',
              'GET /api/registry/export.xlsx',
              'GET /api/registry/not-out.xlsx',
              'GET /api/registry/duplicates',
              'GET /api/rules/default',
              'GET /api/discrepancies',
              'GET /api/problems',
              'GET /api/problems/ledger.xlsx',
              'GET /api/orders',
              'GET /api/sites',
              'GET /api/inspections',
              'GET /api/competition/rounds',
              'GET /api/competition/my-tasks',
              'GET /api/me',
              'GET /api/me/sessions',
              'GET /api/me/notifications',
              'GET /api/me/notifications/unread-count',
              'POST /api/me/notifications/read-all',
              'GET /api/health',
            ],
            `${username} ${key} answered ${res.statusCode}`,
          ).toContain(key);
        }
      }
      expect(checked.length).toBeGreaterThan(15);
      expect(await countT2()).toBe(before);
    },
  );

  it('a cadre sees neither other cadres’ accounts nor the audit log, and only their own part of the tree', async () => {
    const cadre = as(t.app, await loginAs(t.app, 't1.cadre001'));
    expect((await cadre.get('/api/users')).statusCode).toBe(403);
    const other = county.townships[0]?.data.users.find((u) => u.username === 't1.cadre002') ?? county.users.get('t1.v01');
    expect((await cadre.get(`/api/users/${other?.id}`)).statusCode).toBe(403);
    expect((await cadre.get('/api/audit')).statusCode).toBe(403);
    const units = (await cadre.get('/api/units')).json().items as { id: string; kind: string }[];
    const own = county.users.get('t1.cadre001')?.roles[0]?.unitId;
    const villages = units.filter((u) => u.kind === 'village').map((u) => u.id);
    expect(villages).toEqual([own]);
  });

  it('the county sees both townships; a township only itself', async () => {
    const countyAdmin = as(t.app, await loginAs(t.app, 'countyadmin'));
    const all = (await countyAdmin.get('/api/units')).json().items.map((u: { id: string }) => u.id);
    expect(all).toContain(county.village(0, 0));
    expect(all).toContain(county.village(1, 0));
    const admin1 = as(t.app, await loginAs(t.app, 't1.admin'));
    const mine = (await admin1.get('/api/units')).json().items.map((u: { id: string }) => u.id);
    expect(mine).toContain(county.village(0, 0));
    expect(mine).not.toContain(county.village(1, 0));
    const users = (await admin1.get('/api/users?limit=500')).json();
    expect(users.items.every((u: { username: string }) => !u.username.startsWith('t2.'))).toBe(true);
    expect(users.total).toBeGreaterThan(5);
  });

  it('read-only roles change nothing even in their own township', async () => {
    for (const username of ['t1.discipline', 't1.leader', 'reviewer']) {
      const user = as(t.app, await loginAs(t.app, username));
      const res = await user.patch(`/api/units/${county.village(0, 0)}`, { name: '改名' });
      expect(res.statusCode, username).toBe(403);
    }
  });
});
