/**
 * Two months and the year: a round reopened to correct a score (a shared first place, the money
 * shared), an upheld objection that keeps the ranking from being final until the bulletin is
 * withdrawn and published again, a second month, then the year's table: monthly totals, the
 * annual score as the mean of the final rounds, the other score and the evaluation with the weight.
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_PRIZES, DEFAULT_RUBRIC, type RubricItem, yearEndEvaluation } from '@fupin/domain';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CountyFixture, seedCounty } from '../../../test/fixtures';
import { createTestApp, type TestApp } from '../../../test/harness';
import { auditLog } from '../../db/schema/index';
import {
  addMarginalHouseholds,
  fullSheet,
  idOf,
  nominateFirstGroups,
  type RoundDetail,
  readXlsx,
  scoreEverything,
  sessions,
} from './competition.fixtures';

describe('two months and the year', () => {
  let t: TestApp;
  let county: CountyFixture;
  let township: string;
  let v0: string;
  let v1: string;
  const s = sessions(() => t);
  const march = randomUUID();
  const april = randomUUID();

  const admin = () => s.user('t1.admin');
  const post = async (url: string, body: unknown = {}, status = 200) => {
    const res = await (await admin()).post(url, body);
    expect(res.statusCode, res.body).toBe(status);
    return res.json();
  };
  /** Moves the clock to 09:00 Beijing time of a day and signs everyone in again. */
  const on = (day: string) => {
    t.clock.set(`${day}T01:00:00Z`);
    s.forget();
  };

  /** A round started, nominated, judged (judge2 on village 0, judge1 on village 1) and scored. */
  async function scoredRound(id: string, month: string, sheetFor: Parameters<typeof scoreEverything>[2]) {
    const a = await admin();
    const created = await a.post('/api/competition/rounds', { id, townshipId: township, month });
    expect(created.statusCode, created.body).toBe(200);
    const detail = created.json() as RoundDetail;
    await nominateFirstGroups(
      new Map([
        [v0, await s.user('t1.v01')],
        [v1, await s.user('t1.v02')],
      ]),
      id,
      detail,
    );
    const all = (judge: string, villageId: string) =>
      (['households', 'groups', 'village'] as const).map((part) => ({ judgeId: idOf(county, judge), part, villageId }));
    const assigned = await a.put(`/api/competition/rounds/${id}/assignments`, {
      assignments: [...all('t1.judge2', v0), ...all('t1.judge1', v1)],
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    await scoreEverything([await s.user('t1.judge2'), await s.user('t1.judge1')], id, sheetFor);
  }

  const villageSheet = (projects: number) => ({ ...fullSheet(DEFAULT_RUBRIC.village.items), v_projects: projects });
  const rescoreVillage1 = async (roundId: string, projects: number) => {
    const res = await (await s.user('t1.judge1')).post('/api/competition/scores', {
      id: randomUUID(),
      roundId,
      villageId: v1,
      part: 'village',
      subjectId: v1,
      sheet: villageSheet(projects),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().outcome).toBe('replaced');
  };

  beforeAll(async () => {
    t = await createTestApp();
    county = await seedCounty(t.database);
    township = county.townships[0]?.id as string;
    v0 = county.village(0, 0);
    v1 = county.village(0, 1);
    await addMarginalHouseholds(t, township, [v0, v1]);
    const res = await (await admin()).put('/api/competition/settings', {
      townshipId: township,
      rubric: DEFAULT_RUBRIC,
      prizes: DEFAULT_PRIZES,
      sampleSize: 2,
      publicityDays: 5,
      competitionWeight: 0.7,
    });
    expect(res.statusCode, res.body).toBe(200);
  });
  afterAll(() => t.close());

  it('a closed round reopens with a reason; a tie at the top shares the rank and the money', async () => {
    await scoredRound(march, '2020-03', (villageId, part, _i, items: RubricItem[]) =>
      villageId === v1 && part === 'village' ? villageSheet(5) : fullSheet(items),
    );
    await post(`/api/competition/rounds/${march}/close`);
    expect((await post(`/api/competition/rounds/${march}/reopen`, {}, 400)).error.fields[0].path).toBe('reason');
    const reopened = await post(`/api/competition/rounds/${march}/reopen`, { reason: '看村项目建设评分有误，退回更正' });
    expect(reopened.round).toMatchObject({ status: 'scoring', note: '看村项目建设评分有误，退回更正' });
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'competition_round'), eq(auditLog.action, 'reopen')));
    expect(audit?.after).toMatchObject({ status: 'scoring', reason: '看村项目建设评分有误，退回更正' });
    await rescoreVillage1(march, 6);
    await post(`/api/competition/rounds/${march}/close`);
    const published = (await post(`/api/competition/rounds/${march}/publish`)) as RoundDetail;
    // Both villages at 100: one shared first place, 5,000 − 5,000 shared equally.
    expect(published.ranking?.map((r) => [r.rank, r.total, r.moneyFen, r.moneyText])).toEqual([
      [1, 100, 0, '0.00'],
      [1, 100, 0, '0.00'],
    ]);
  });

  it('an upheld objection keeps the ranking from being final until it is withdrawn, corrected and published again', async () => {
    const objection = { id: randomUUID(), villageId: v0, text: '东村看村项目建设尚未验收，不应满分' };
    expect((await (await s.user('t1.v01')).post(`/api/competition/rounds/${march}/objections`, objection)).statusCode).toBe(200);
    on('2020-03-16');
    await post(`/api/competition/rounds/${march}/objections/${objection.id}/answer`, {
      outcome: 'upheld',
      answer: '经核实项目未验收，更正看村得分后重新公示',
    });
    const refused = await post(`/api/competition/rounds/${march}/finalise`, {}, 409);
    expect(refused.error.message).toBe('不能确认排名：有 1 条异议成立，请更正评分后重新公示');
    expect((await post(`/api/competition/rounds/${march}/withdraw`, { reason: '异议成立，更正看村得分' })).round).toMatchObject({
      status: 'scoring',
      publishedOn: null,
    });
    await rescoreVillage1(march, 5);
    await post(`/api/competition/rounds/${march}/close`);
    const again = (await post(`/api/competition/rounds/${march}/publish`)) as RoundDetail;
    expect(again.round.publicity).toEqual({ start: '2020-03-16', end: '2020-03-20' });
    expect(again.ranking?.map((r) => [r.villageId, r.rank, r.total, r.moneyFen])).toEqual([
      [v0, 1, 100, 500_000],
      [v1, 2, 99, -500_000],
    ]);
    // The objection belongs to the withdrawn publication: shown, but no longer current.
    expect(again.objections).toEqual([expect.objectContaining({ id: objection.id, outcome: 'upheld', current: false })]);
    on('2020-03-21');
    expect((await post(`/api/competition/rounds/${march}/finalise`)).round.status).toBe('final');
  });

  it('a second month, then the year: monthly totals, the mean, the other score and the weighted evaluation', async () => {
    on('2020-04-10');
    await scoredRound(april, '2020-04', (villageId, part, _i, items) => {
      const sheet = fullSheet(items);
      if (villageId === v0 && part === 'households') sheet.h_industry = 6;
      return sheet;
    });
    await post(`/api/competition/rounds/${april}/close`);
    await post(`/api/competition/rounds/${april}/publish`);
    on('2020-04-15');
    await post(`/api/competition/rounds/${april}/finalise`);

    const a = await admin();
    let year = (await a.get(`/api/competition/year?townshipId=${township}&year=2020`)).json();
    expect(year.competitionWeight).toBe(0.7);
    expect(year.months.map((m: { month: string; status: string }) => [m.month, m.status])).toEqual([
      ['2020-03', 'final'],
      ['2020-04', 'final'],
    ]);
    const row = (villageId: string) => year.villages.find((v: { villageId: string }) => v.villageId === villageId);
    expect(row(v0)).toMatchObject({ competitionScore: 99, roundsCounted: 2, otherScore: null, evaluation: null });
    expect(row(v0).monthly.map((m: { total: number }) => m.total)).toEqual([100, 98]);
    expect(row(v1)).toMatchObject({ competitionScore: 99.5 });
    expect(row(v1).monthly.map((m: { rank: number }) => m.rank)).toEqual([2, 1]);

    const bad = await a.put('/api/competition/year-scores', {
      townshipId: township,
      year: 2020,
      scores: [{ villageId: v0, otherScore: 100.5 }],
    });
    expect(bad.statusCode).toBe(400);
    const res = await a.put('/api/competition/year-scores', {
      townshipId: township,
      year: 2020,
      scores: [
        { villageId: v0, otherScore: 80 },
        { villageId: v1, otherScore: 90.5 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    year = res.json();
    expect(row(v0)).toMatchObject({ otherScore: 80, evaluation: 93.3 });
    expect(row(v1)).toMatchObject({
      otherScore: 90.5,
      evaluation: yearEndEvaluation({ competitionScore: 99.5, otherScore: 90.5, weight: 0.7 }),
    });
    expect(row(v1).evaluation).toBe(96.8);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityType, 'competition_year_score'));
    expect(audits).toHaveLength(2);

    // A village reads its own line; a judge reads no village's year.
    const own = (await (await s.user('t1.v01')).get(`/api/competition/year?townshipId=${township}&year=2020`)).json();
    expect(own.villages.map((v: { villageId: string }) => v.villageId)).toEqual([v0]);
    const judge = (await (await s.user('t1.judge1')).get(`/api/competition/year?townshipId=${township}&year=2020`)).json();
    expect(judge.villages).toEqual([]);

    const xlsx = await a.get(`/api/competition/year.xlsx?townshipId=${township}&year=2020`);
    expect(xlsx.statusCode).toBe(200);
    const rows = await readXlsx(xlsx.rawPayload);
    expect(rows[0]?.[0]).toBe('清溪镇2020年脱贫攻坚“大比武”年度得分及年终考评表');
    const header = rows.findIndex((r) => r[0] === '序号');
    expect(rows[header]).toEqual(['序号', '村', '3月', '4月', '大比武年度得分', '其他考评得分', '年终考评得分（大比武占70%）']);
    expect(rows[header + 1]?.slice(2).map(Number)).toEqual([100, 98, 99, 80, 93.3]);
  });
});
