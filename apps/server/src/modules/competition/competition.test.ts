/**
 * A month's 大比武 through the API: settings, a round with reproducible samples (verified, and a
 * redraw audited), nominations, judges (never on their own village), scoring (items named when
 * out of range, replacing a sheet, findings into the ledger), closing only when every sheet is
 * in, publishing the ranking of rankVillages, objections in the publicity period only,
 * finalising after it, and the bulletin as a page and a table.
 */
import { randomUUID } from 'node:crypto';
import {
  DEFAULT_PRIZES,
  DEFAULT_RUBRIC,
  drawSample,
  isEligibleForSample,
  type PovertyStatus,
  rankVillages,
  scoreVillage,
  type VillageScore,
} from '@fupin/domain';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CountyFixture } from '../../../test/fixtures';
import { createTestApp, type TestApp } from '../../../test/harness';
import { auditLog, households, pairings } from '../../db/schema/index';
import {
  addMarginalHouseholds,
  type Client,
  fullSheet,
  idOf,
  nameOf,
  nominateFirstGroups,
  type RoundDetail,
  readXlsx,
  type Submitted,
  scoreEverything,
  sessions,
} from './competition.fixtures';

describe('a month of the competition', () => {
  let t: TestApp;
  let county: CountyFixture;
  let township: string;
  let v0: string;
  let v1: string;
  const s = sessions(() => t);
  const roundId = randomUUID();
  let detail: RoundDetail;
  let submitted: Submitted;

  const admin = () => s.user('t1.admin');
  const getRound = async (client: Client, id = roundId) => {
    const res = await client.get(`/api/competition/rounds/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as RoundDetail;
  };
  const audits = (entityType: string, action: string) =>
    t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.townshipId, township), eq(auditLog.entityType, entityType), eq(auditLog.action, action)));

  beforeAll(async () => {
    t = await createTestApp();
    const { seedCounty } = await import('../../../test/fixtures');
    county = await seedCounty(t.database);
    township = county.townships[0]?.id as string;
    v0 = county.village(0, 0);
    v1 = county.village(0, 1);
    await addMarginalHouseholds(t, township, [v0, v1]);
  });
  afterAll(() => t.close());

  it('settings start at the defaults and refuse a bad rubric or a weight below half, naming the field', async () => {
    const a = await admin();
    const defaults = (await a.get(`/api/competition/settings?townshipId=${township}`)).json();
    expect(defaults).toMatchObject({
      saved: false,
      sampleSize: 5,
      publicityDays: 5,
      competitionWeight: 0.5,
      prizes: DEFAULT_PRIZES,
    });
    expect(defaults.rubric).toEqual(DEFAULT_RUBRIC);
    const body = {
      townshipId: township,
      rubric: DEFAULT_RUBRIC,
      prizes: DEFAULT_PRIZES,
      sampleSize: 3,
      publicityDays: 5,
      competitionWeight: 0.6,
    };
    const badRubric = structuredClone(DEFAULT_RUBRIC);
    badRubric.village.items[3]!.points = 5;
    let res = await a.put('/api/competition/settings', { ...body, rubric: badRubric });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([
      { path: 'rubric.village.items', message: '「评分项」：本部分各评分项分值之和应等于本部分满分' },
    ]);
    badRubric.village.max = 31;
    res = await a.put('/api/competition/settings', { ...body, rubric: badRubric });
    expect(res.json().error.fields).toEqual([
      { path: 'rubric', message: '「评分细则」：看户、看组、看村三部分满分合计应为 100 分' },
    ]);
    res = await a.put('/api/competition/settings', { ...body, competitionWeight: 0.4 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('「大比武得分占比」：大比武得分占年终考评的比例应在 0.5 到 1 之间（不低于 50%）');
    res = await a.put('/api/competition/settings', body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ saved: true, sampleSize: 3, competitionWeight: 0.6, version: 1 });
    expect(await audits('competition_settings', 'save')).toHaveLength(1);
    // A judge reads the settings but cannot change them; a village reaches neither.
    expect((await (await s.user('t1.judge1')).get(`/api/competition/settings?townshipId=${township}`)).statusCode).toBe(200);
    expect((await (await s.user('t1.judge1')).put('/api/competition/settings', body)).statusCode).toBe(403);
    expect((await (await s.user('t1.v01')).get(`/api/competition/settings?townshipId=${township}`)).statusCode).toBe(403);
  });

  it('a round freezes the settings and draws every village’s sample from its eligible households, reproducibly', async () => {
    const a = await admin();
    const res = await a.post('/api/competition/rounds', { id: roundId, townshipId: township, month: '2020-03' });
    expect(res.statusCode, res.body).toBe(200);
    detail = res.json();
    expect(detail.round).toMatchObject({ status: 'scoring', month: '2020-03', publishedOn: null });
    expect(detail.villages.map((v) => v.villageId)).toEqual([v0, v1]);
    // The population is exactly the registry's eligible households of the village.
    const rows = await t.database.db
      .select({
        id: households.id,
        villageId: households.villageId,
        povertyStatus: households.povertyStatus,
        tags: households.tags,
        current: sql<number>`(select count(*)::int from members m where m.township_id = households.township_id
                              and m.household_id = households.id and m.status = 'current')`,
      })
      .from(households)
      .where(eq(households.townshipId, township));
    for (const v of detail.villages) {
      const eligible = rows
        .filter(
          (h) =>
            h.villageId === v.villageId &&
            isEligibleForSample({ povertyStatus: h.povertyStatus as PovertyStatus, tags: h.tags, currentMembers: h.current }),
        )
        .map((h) => h.id)
        .sort();
      expect(eligible.length).toBeGreaterThanOrEqual(3);
      expect(v.sample?.populationSize).toBe(eligible.length);
      expect(v.sample?.seed).toMatch(/^2020-03-[0-9a-f]{12}$/);
      const verify = (await a.get(`/api/competition/rounds/${roundId}/samples/${v.villageId}/verify`)).json();
      expect(verify.population).toEqual(eligible);
      expect(verify.matches).toBe(true);
      // Anyone can redraw from the seed with the domain's method and get the same households.
      expect(drawSample(eligible, 3, verify.seed).sample).toEqual(verify.recorded);
      expect(v.sample?.households.map((h) => h.id)).toEqual(verify.recorded);
      expect(v.sample?.households.every((h) => h.headName.length > 0)).toBe(true);
    }
    // A village checks its own draw; the same id again is the same round; another id for the month is refused.
    const v01 = await s.user('t1.v01');
    expect((await v01.get(`/api/competition/rounds/${roundId}/samples/${v0}/verify`)).json().matches).toBe(true);
    expect((await v01.get(`/api/competition/rounds/${roundId}/samples/${v1}/verify`)).statusCode).toBe(403);
    expect((await a.post('/api/competition/rounds', { id: roundId, townshipId: township, month: '2020-03' })).statusCode).toBe(
      200,
    );
    const again = await a.post('/api/competition/rounds', { id: randomUUID(), townshipId: township, month: '2020-03' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('2020-03 的大比武已经建立');
    // A change of settings does not move the round under way.
    const later = structuredClone(DEFAULT_RUBRIC);
    later.households.items[0]!.points = 7;
    later.households.items[1]!.points = 9;
    const saved = await a.put('/api/competition/settings', {
      townshipId: township,
      rubric: later,
      prizes: DEFAULT_PRIZES,
      sampleSize: 3,
      publicityDays: 5,
      competitionWeight: 0.6,
      version: 1,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await getRound(a)).rubric).toEqual(DEFAULT_RUBRIC);
  });

  it('a redraw changes the seed, is audited with its reason, and still verifies', async () => {
    const a = await admin();
    const before = detail.villages[0]?.sample?.seed;
    const res = await a.post(`/api/competition/rounds/${roundId}/villages/${v0}/redraw`, { reason: '抽中户外出务工无法入户' });
    expect(res.statusCode, res.body).toBe(200);
    detail = res.json();
    const after = detail.villages[0]?.sample?.seed;
    expect(after).not.toBe(before);
    const [entry] = await audits('competition_sample', 'redraw');
    expect(entry?.unitId).toBe(v0);
    expect(entry?.before).toMatchObject({ seed: before });
    expect(entry?.after).toMatchObject({ seed: after, reason: '抽中户外出务工无法入户' });
    expect((await a.get(`/api/competition/rounds/${roundId}/samples/${v0}/verify`)).json().matches).toBe(true);
    expect(
      (await (await s.user('t1.v01')).post(`/api/competition/rounds/${roundId}/villages/${v0}/redraw`, { reason: '自己重抽' }))
        .statusCode,
    ).toBe(403);
  });

  it('each village nominates two of its own groups, and sees only its own village', async () => {
    const v01 = await s.user('t1.v01');
    const mine = await getRound(v01);
    expect(mine.villages.map((v) => v.villageId)).toEqual([v0]);
    const groups = mine.villages[0]?.groups ?? [];
    const url = `/api/competition/rounds/${roundId}/nominations/${v0}`;
    let res = await v01.put(url, { groupIds: [groups[0]?.id] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('「自报小组」：每个村应自报 2 个小组');
    const other = detail.villages[1]?.groups[0]?.id;
    res = await v01.put(url, { groupIds: [groups[0]?.id, other] });
    expect(res.statusCode).toBe(400);
    expect((await v01.put(`/api/competition/rounds/${roundId}/nominations/${v1}`, { groupIds: [] })).statusCode).toBe(403);
    await nominateFirstGroups(
      new Map([
        [v0, v01],
        [v1, await s.user('t1.v02')],
      ]),
      roundId,
      detail,
    );
    detail = await getRound(await admin());
    expect(detail.villages.every((v) => v.nomination?.groupIds.length === 2)).toBe(true);
    expect(await audits('competition_nomination', 'nominate')).toHaveLength(2);
  });

  it('refuses a judge on their own village, naming the judge and the village, and a non-judge', async () => {
    const a = await admin();
    const [paired] = await t.database.db
      .select({ id: households.id })
      .from(households)
      .where(and(eq(households.townshipId, township), eq(households.villageId, v0)))
      .limit(1);
    await t.database.db.insert(pairings).values({
      townshipId: township,
      householdId: paired?.id as string,
      cadreId: idOf(county, 't1.judge1'),
      since: '2020-01-01',
      createdAt: new Date(),
    });
    const url = `/api/competition/rounds/${roundId}/assignments`;
    let res = await a.put(url, { assignments: [{ judgeId: idOf(county, 't1.judge1'), part: 'households', villageId: v0 }] });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe(
      `评分员「${nameOf(county, 't1.judge1')}」不能给本村「${detail.villages[0]?.villageName}」评分`,
    );
    // The grid learns each judge's own villages before saving.
    const judges = await a.get(`/api/competition/rounds/${roundId}/judges`);
    expect(judges.statusCode, judges.body).toBe(200);
    const own = new Map(judges.json().items.map((j: { id: string; ownVillageIds: string[] }) => [j.id, j.ownVillageIds]));
    expect(own.get(idOf(county, 't1.judge1'))).toContain(v0);
    expect(own.get(idOf(county, 't1.judge2'))).not.toContain(v0);
    expect((await (await s.user('t1.judge1')).get(`/api/competition/rounds/${roundId}/judges`)).statusCode).toBe(403);
    res = await a.put(url, { assignments: [{ judgeId: idOf(county, 't1.v01'), part: 'village', villageId: v1 }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('COMPETITION_NOT_A_JUDGE');
    const all = (judge: string, villageId: string) =>
      (['households', 'groups', 'village'] as const).map((part) => ({ judgeId: idOf(county, judge), part, villageId }));
    res = await a.put(url, {
      assignments: [
        ...all('t1.judge1', v1),
        ...all('t1.judge2', v0),
        { judgeId: idOf(county, 't1.judge3'), part: 'village', villageId: v0 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    // A judge sees the villages assigned to them, and their tasks.
    const judge1 = await s.user('t1.judge1');
    expect((await getRound(judge1)).villages.map((v) => v.villageId)).toEqual([v1]);
    const tasks = (await judge1.get('/api/competition/my-tasks')).json().items;
    expect(tasks.map((x: { part: string }) => x.part)).toEqual(['households', 'groups', 'village']);
    expect(tasks[0].subjects).toHaveLength(3);
    expect(tasks[0].items.map((i: { code: string }) => i.code)).toEqual(DEFAULT_RUBRIC.households.items.map((i) => i.code));
    expect(tasks[1].subjects.map((x: { subjectId: string }) => x.subjectId)).toEqual(detail.villages[1]?.nomination?.groupIds);
  });

  it('scores: only the assigned judge, never on their own village, every item within its points', async () => {
    const judge2 = await s.user('t1.judge2');
    const household = detail.villages[0]?.sample?.households[0]?.id as string;
    const items = DEFAULT_RUBRIC.households.items;
    const body = { id: randomUUID(), roundId, villageId: v0, part: 'households', subjectId: household, sheet: fullSheet(items) };
    let res = await judge2.post('/api/competition/scores', { ...body, sheet: { ...fullSheet(items), h_industry: 9 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('「产业发展」的得分应在 0 到 8 分之间');
    const { h_policy: _, ...missing } = fullSheet(items);
    res = await judge2.post('/api/competition/scores', { ...body, sheet: missing });
    expect(res.json().error.message).toBe('「政策落实」尚未评分');
    res = await judge2.post('/api/competition/scores', { ...body, subjectId: detail.villages[1]?.sample?.households[0]?.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('subjectId');
    // judge1 is not assigned to village 0; judge3 is, but has since been paired there.
    res = await (await s.user('t1.judge1')).post('/api/competition/scores', body);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('COMPETITION_NOT_ASSIGNED');
    const [h] = await t.database.db
      .select({ id: households.id })
      .from(households)
      .where(and(eq(households.townshipId, township), eq(households.villageId, v0)))
      .limit(1);
    await t.database.db.insert(pairings).values({
      townshipId: township,
      householdId: h?.id as string,
      cadreId: idOf(county, 't1.judge3'),
      since: '2020-01-01',
      createdAt: new Date(),
    });
    res = await (await s.user('t1.judge3')).post('/api/competition/scores', {
      ...body,
      part: 'village',
      subjectId: v0,
      sheet: fullSheet(DEFAULT_RUBRIC.village.items),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('COMPETITION_OWN_VILLAGE');
    // The right judge: submitted, retried (unchanged), replaced with a new id (audited before/after).
    res = await judge2.post('/api/competition/scores', body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ outcome: 'submitted', total: 50 });
    expect((await judge2.post('/api/competition/scores', body)).json().outcome).toBe('unchanged');
    res = await judge2.post('/api/competition/scores', {
      ...body,
      id: randomUUID(),
      sheet: { ...fullSheet(items), h_policy: 6.5 },
    });
    expect(res.json()).toMatchObject({ outcome: 'replaced', total: 48.5, id: body.id });
    const [replaced] = await audits('competition_score', 'replace');
    expect(replaced?.before).toMatchObject({ sheet: { h_policy: 8 } });
    expect(replaced?.after).toMatchObject({ sheet: { h_policy: 6.5 } });
    res = await judge2.post('/api/competition/scores', { ...body, subjectId: detail.villages[0]?.sample?.households[1]?.id });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('IDEMPOTENCY_CONFLICT');
  });

  it('an unsolved 两不愁三保障 problem a judge finds goes to the ledger with source competition, once', async () => {
    const judge2 = await s.user('t1.judge2');
    const household = detail.villages[0]?.sample?.households[2]?.id as string;
    const body = {
      id: randomUUID(),
      roundId,
      villageId: v0,
      part: 'households',
      subjectId: household,
      sheet: { ...fullSheet(DEFAULT_RUBRIC.households.items), h_basic_needs: 0 },
      note: '住房为危房',
      findings: [{ category: 'housing', description: '住房为C级危房，尚未改造' }],
    };
    const res = await judge2.post('/api/competition/scores', body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().problems).toHaveLength(1);
    await judge2.post('/api/competition/scores', { ...body, id: randomUUID(), note: '复核：住房为危房' });
    const ledger = (await (await admin()).get(`/api/problems?source=competition&villageId=${v0}`)).json();
    expect(ledger.total).toBe(1);
    expect(ledger.items[0]).toMatchObject({
      source: 'competition',
      category: 'housing',
      householdId: household,
      level: 'village',
      deadline: '2020-03-25',
      description: '住房为C级危房，尚未改造',
    });
    const bad = await judge2.post('/api/competition/scores', {
      ...body,
      findings: [{ category: 'income', description: '收入偏低' }],
    });
    expect(bad.statusCode).toBe(400);
  });

  it('closing is refused with the list of what is missing, then allowed; scores lock', async () => {
    const a = await admin();
    let res = await a.post(`/api/competition/rounds/${roundId}/close`);
    expect(res.statusCode).toBe(409);
    const error = res.json().error;
    expect(error.code).toBe('COMPETITION_SCORES_MISSING');
    const messages = error.fields.map((f: { message: string }) => f.message);
    const [name0, name1] = detail.villages.map((v) => v.villageName);
    expect(messages).toContain(`${name0}：看村尚未评分`);
    expect(messages).toContain(`${name1}：看村尚未评分`);
    expect(messages).toContain(`${name0}：看户「${detail.villages[0]?.sample?.households[1]?.headName}」尚未评分`);
    expect(error.message).toBe(`还有 ${messages.length} 项评分未完成，不能锁定本轮大比武`);
    // Village 0 a little behind village 1 in 看户; village 1 loses a point in 看村.
    submitted = await scoreEverything(
      [await s.user('t1.judge2'), await s.user('t1.judge1')],
      roundId,
      (villageId, part, i, items) => {
        const sheet = fullSheet(items);
        if (villageId === v0 && part === 'households') sheet.h_industry = 5 + i;
        if (villageId === v0 && part === 'groups') sheet.g_tidy = 4.5;
        if (villageId === v1 && part === 'village') sheet.v_projects = 5;
        return sheet;
      },
    );
    const progress = await getRound(a);
    expect(progress.villages.every((v) => v.complete)).toBe(true);
    expect(progress.villages[0]?.progress).toEqual({
      households: { in: 3, expected: 3 },
      groups: { in: 2, expected: 2 },
      village: { in: 1, expected: 1 },
    });
    expect(progress.preview).toHaveLength(2);
    res = await a.post(`/api/competition/rounds/${roundId}/close`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().round.status).toBe('closed');
    const late = await (await s.user('t1.judge1')).post('/api/competition/scores', {
      id: randomUUID(),
      roundId,
      villageId: v1,
      part: 'village',
      subjectId: v1,
      sheet: fullSheet(DEFAULT_RUBRIC.village.items),
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe('本轮大比武当前为「已锁定」，不能进行此操作');
  });

  it('an objection before publication is refused; publishing stores the ranking of rankVillages', async () => {
    const v01 = await s.user('t1.v01');
    let res = await v01.post(`/api/competition/rounds/${roundId}/objections`, {
      id: randomUUID(),
      villageId: v0,
      text: '看户评分偏低',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('排名尚未公示，不能提出异议');
    res = await (await admin()).post(`/api/competition/rounds/${roundId}/publish`);
    expect(res.statusCode, res.body).toBe(200);
    detail = res.json();
    expect(detail.round).toMatchObject({
      status: 'published',
      publishedOn: '2020-03-10',
      publicity: { start: '2020-03-10', end: '2020-03-14' },
    });
    // The same sheets through the domain's own scoring (the first 看户 sheet of village 0 was scored before: 48.5 then replaced; the third carries the finding).
    const scores: VillageScore[] = detail.villages.map((v) => {
      const mine = submitted.get(v.villageId)!;
      const result = scoreVillage(DEFAULT_RUBRIC, {
        villageId: v.villageId,
        households: mine.households,
        groups: mine.groups,
        village: mine.village[0]!,
      });
      if (!result.ok) throw new Error('unscorable');
      return result.score;
    });
    const expected = rankVillages(
      scores.map((x, i) => ({ ...x, order: i + 1 })),
      DEFAULT_PRIZES,
    );
    expect(detail.ranking?.map((r) => [r.villageId, r.rank, r.households, r.groups, r.village, r.total, r.moneyFen])).toEqual(
      expected.map((r) => [r.villageId, r.rank, r.households, r.groups, r.village, r.total, r.moneyFen]),
    );
    expect(detail.ranking?.map((r) => r.moneyText)).toEqual(['+5,000.00', '−5,000.00']);
    expect(detail.ranking?.[0]?.villageId).toBe(v1);
    expect(await audits('competition_round', 'publish')).toHaveLength(1);
  });

  it('objections only in the period; finalising waits for its end and for every answer', async () => {
    const a = await admin();
    const v01 = await s.user('t1.v01');
    const objection = { id: randomUUID(), villageId: v0, text: '看户第二户产业发展评分偏低，请复核' };
    let res = await v01.post(`/api/competition/rounds/${roundId}/objections`, objection);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'open', current: true, villageId: v0 });
    expect((await v01.post(`/api/competition/rounds/${roundId}/objections`, objection)).statusCode).toBe(200);
    expect((await v01.post(`/api/competition/rounds/${roundId}/objections`, { ...objection, villageId: v1 })).statusCode).toBe(
      403,
    );
    res = await a.post(`/api/competition/rounds/${roundId}/finalise`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('不能确认排名：公示期到 2020-03-14 结束，之后才能确认排名');

    t.clock.set('2020-03-15T02:00:00Z');
    s.forget();
    const v01Later = await s.user('t1.v01');
    res = await v01Later.post(`/api/competition/rounds/${roundId}/objections`, {
      id: randomUUID(),
      villageId: v0,
      text: '逾期异议',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('只能在公示期内（2020-03-10 至 2020-03-14）提出异议');
    const admin2 = await admin();
    res = await admin2.post(`/api/competition/rounds/${roundId}/finalise`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('不能确认排名：还有 1 条异议未答复');
    const answer = `/api/competition/rounds/${roundId}/objections/${objection.id}/answer`;
    res = await admin2.post(answer, { outcome: 'dismissed', answer: '经复核，该户产业奖补未落实，评分无误' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'answered', outcome: 'dismissed' });
    expect((await admin2.post(answer, { outcome: 'upheld', answer: '再答一次' })).json().error.code).toBe(
      'COMPETITION_OBJECTION_ANSWERED',
    );
    res = await admin2.post(`/api/competition/rounds/${roundId}/finalise`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().round.status).toBe('final');
    expect((await audits('competition_objection', 'answer')).length).toBe(1);
  });

  it('the bulletin as a page and as a government table, money summing to the prizes', async () => {
    const v02 = await s.user('t1.v02');
    const res = await v02.get(`/api/competition/rounds/${roundId}/bulletin`);
    expect(res.statusCode, res.body).toBe(200);
    const b = res.json();
    expect(b).toMatchObject({
      title: '清溪镇2020年3月脱贫攻坚“大比武”排名通报',
      status: 'final',
      publicity: { start: '2020-03-10', end: '2020-03-14' },
      totals: { rewardsFen: 500_000, deductionsFen: -500_000 },
    });
    // Village 1's staff see their own objections only: none.
    expect(b.objections).toEqual([]);
    expect((await (await s.user('t1.admin')).get(`/api/competition/rounds/${roundId}/bulletin`)).json().objections).toHaveLength(
      1,
    );
    const xlsx = await v02.get(`/api/competition/rounds/${roundId}/bulletin.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain(encodeURIComponent('清溪镇2020年3月'));
    const rows = await readXlsx(xlsx.rawPayload);
    expect(rows[0]?.[0]).toBe('清溪镇2020年3月脱贫攻坚“大比武”排名通报');
    const header = rows.findIndex((r) => r[0] === '名次');
    expect(rows[header]).toEqual([
      '名次',
      '村',
      '看户（50分）',
      '看组（20分）',
      '看村（30分）',
      '总分',
      '奖惩金额（元）',
      '备注',
    ]);
    const body = rows.slice(header + 1, header + 3);
    expect(body.map((r) => [Number(r[0]), r[1], Number(r[5]), Number(r[6])])).toEqual(
      b.rows.map((r: { rank: number; villageName: string; total: number; money: number }) => [
        r.rank,
        r.villageName,
        r.total,
        r.money,
      ]),
    );
    expect(body.reduce((sum, r) => sum + Number(r[6]), 0)).toBe(0);
    expect(rows.find((r) => r[0] === '奖励合计')?.[6]).toBe('5000');
    expect(rows.find((r) => r[0] === '扣减合计')?.[6]).toBe('-5000');
  });

  it('scoped: another township’s admin neither sees nor reaches this round', async () => {
    const other = await s.user('t2.admin');
    expect((await other.get(`/api/competition/rounds/${roundId}`)).statusCode).toBe(403);
    expect((await other.get('/api/competition/rounds')).json().items).toEqual([]);
    const mine = (await (await admin()).get('/api/competition/rounds')).json().items;
    expect(mine.map((r: { id: string }) => r.id)).toEqual([roundId]);
    // A cadre has no part in the competition.
    expect((await (await s.user('t1.cadre001')).get('/api/competition/rounds')).statusCode).toBe(403);
  });
});
