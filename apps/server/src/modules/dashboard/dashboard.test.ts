/**
 * The township dashboard through the API, against a data set built for it (lapses.fixtures.ts)
 * with the clock at 2020-03-17 08:30 Beijing time: the figures, every figure's list agreeing
 * with it, a village seeing only itself, a township never another's, the county side by side.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, type CountyFixture, loginAs, seedCounty } from '../../../test/fixtures';
import { createTestApp, type TestApp } from '../../../test/harness';
import { bj, type LapseData, seedLapses } from '../accountability/lapses.fixtures';

describe('the township dashboard', () => {
  let t: TestApp;
  let county: CountyFixture;
  let data: LapseData;
  const cookies = new Map<string, string>();
  const user = async (name: string) => {
    if (!cookies.has(name)) cookies.set(name, await loginAs(t.app, name));
    return as(t.app, cookies.get(name) as string);
  };

  beforeAll(async () => {
    t = await createTestApp();
    county = await seedCounty(t.database);
    data = await seedLapses(t.database, county);
    t.clock.set(bj('2020-03-17T08:30:00'));
  });
  afterAll(() => t.close());

  it('shows the visits, summaries, problems of the township with the figures the data set implies', async () => {
    const admin = await user('t1.admin');
    const res = await admin.get(`/api/dashboard?unitId=${data.township}`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.campaign.id).toBe(data.campaign);
    expect(d.today).toBe('2020-03-17');
    expect(d.visits.phase).toEqual({ start: '2020-03-10', end: '2020-03-13' });
    // every visit of the data set is by a paired cadre, so the village figures see them too
    const onTime = d.visits.byCadre.find((c: { userId: string }) => c.userId === county.users.get(data.cadres.onTime)?.id);
    expect(onTime).toMatchObject({ done: onTime.tasks, late: 0, missing: 0 });
    const mixed = d.visits.byCadre.find((c: { userId: string }) => c.userId === county.users.get(data.cadres.mixed)?.id);
    expect(mixed).toMatchObject({ done: 1, late: 1, missing: mixed.tasks - 2, due: 0, upcoming: 0 });
    const { totals } = d.visits;
    expect(totals.tasks).toBe(totals.done + totals.late + totals.due + totals.missing + totals.upcoming);
    expect(totals.late).toBe(1);
    expect(totals.done).toBe(onTime.tasks + 1);
    expect(totals.due + totals.upcoming).toBe(0);
    expect(d.visits.byVillage).toHaveLength(2);
    // summaries: village 1 reported its 附件3 on time, village 2 not at all; nobody reported a 附件5
    expect(d.summaries.visit).toEqual({
      deadline: '2020-03-16',
      villages: 2,
      submitted: 1,
      submittedLate: 0,
      pending: 0,
      late: 1,
    });
    expect(d.summaries.inspection).toMatchObject({ deadline: '2020-03-13', submitted: 0, late: 2 });
    // problems: open = not closed (the submitted one counts), overdue = two (a day and three days), closed = one
    expect(d.problems.totals).toEqual({ total: 5, open: 4, overdue: 2, closed: 1 });
    const housing = d.problems.byCategory.find((c: { category: string }) => c.category === 'housing');
    expect(housing).toEqual({ category: 'housing', total: 4, open: 3, overdue: 2, closed: 1 });
    expect(d.problems.byCategory).toHaveLength(15);
    expect(d.ranking).toBeNull();
  });

  it('lists the tasks behind each cadre figure, and the counts agree', async () => {
    const admin = await user('t1.admin');
    const d = (await admin.get(`/api/dashboard?unitId=${data.township}`)).json();
    for (const c of d.visits.byCadre) {
      for (const state of ['done', 'late', 'missing'] as const) {
        const list = (
          await admin.get(
            `/api/dashboard/visits?unitId=${data.township}&cadreId=${c.userId}&villageId=${c.villageId}&state=${state}`,
          )
        ).json();
        expect(list.total, `${c.name} ${state}`).toBe(c[state]);
      }
    }
    const late = (
      await admin.get(
        `/api/dashboard/visits?unitId=${data.township}&cadreId=${county.users.get(data.cadres.mixed)?.id}&state=late`,
      )
    ).json();
    expect(late.items).toHaveLength(1);
    expect(late.items[0]).toMatchObject({ state: 'late', deadline: '2020-03-13', firstVisitAt: '2020-03-13T16:00:00.000Z' });
    expect(late.items[0].cadres).toEqual([{ userId: county.users.get(data.cadres.mixed)?.id, name: expect.any(String) }]);
    for (const v of d.visits.byVillage) {
      const all = (await admin.get(`/api/dashboard/visits?unitId=${data.township}&villageId=${v.villageId}&limit=500`)).json();
      expect(all.total).toBe(v.tasks);
      expect(all.items.every((i: { type: string | null }) => i.type !== null)).toBe(true);
    }
  });

  it('lists the problems behind each problem figure, paged, with days overdue', async () => {
    const admin = await user('t1.admin');
    const d = (await admin.get(`/api/dashboard?unitId=${data.township}`)).json();
    for (const v of d.problems.byVillage) {
      for (const state of ['open', 'overdue', 'closed'] as const) {
        const list = (
          await admin.get(`/api/dashboard/problems?unitId=${data.township}&villageId=${v.villageId ?? 'none'}&state=${state}`)
        ).json();
        expect(list.total, `${v.villageName} ${state}`).toBe(v[state]);
      }
    }
    const overdue = (await admin.get(`/api/dashboard/problems?unitId=${data.township}&state=overdue&category=housing`)).json();
    expect(overdue.items.map((p: { id: string; daysOverdue: number }) => [p.id, p.daysOverdue])).toEqual([
      [data.problems.otherVillage, 3],
      [data.problems.overdue, 1],
    ]);
    const page = (await admin.get(`/api/dashboard/problems?unitId=${data.township}&limit=2&offset=4`)).json();
    expect(page).toMatchObject({ total: 5 });
    expect(page.items).toHaveLength(1);
    const summaries = (await admin.get(`/api/dashboard/summaries?unitId=${data.township}&kind=visit&state=late`)).json();
    expect(summaries.items.map((s: { villageId: string }) => s.villageId)).toEqual([data.villages[1]]);
  });

  it('shows a village only itself, and refuses the township and the other village to its staff', async () => {
    const v01 = await user('t1.v01');
    const own = await v01.get(`/api/dashboard?unitId=${data.villages[0]}`);
    expect(own.statusCode, own.body).toBe(200);
    const d = own.json();
    expect(d.visits.byVillage.map((v: { villageId: string }) => v.villageId)).toEqual([data.villages[0]]);
    expect(d.problems.byVillage.map((v: { villageId: string }) => v.villageId)).toEqual([data.villages[0]]);
    expect(d.problems.totals.total).toBe(4);
    expect((await v01.get(`/api/dashboard?unitId=${data.township}`)).statusCode).toBe(403);
    expect((await v01.get(`/api/dashboard?unitId=${data.villages[1]}`)).statusCode).toBe(403);
    expect((await v01.get(`/api/dashboard/problems?unitId=${data.villages[1]}`)).statusCode).toBe(403);
    // a filter cannot step outside the unit asked about
    const out = await v01.get(`/api/dashboard/problems?unitId=${data.villages[0]}&villageId=${data.villages[1]}`);
    expect(out.statusCode).toBe(400);
    expect(out.json().error.fields[0].path).toBe('villageId');
  });

  it('never shows a township another’s rows, and names a foreign campaign as the wrong field', async () => {
    const admin = await user('t1.admin');
    expect((await admin.get(`/api/dashboard?unitId=${county.townships[1]?.id}`)).statusCode).toBe(403);
    const foreign = await admin.get(`/api/dashboard?unitId=${data.township}&campaignId=${county.campaignIds[1]}`);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.fields[0].path).toBe('campaignId');
    const list = await admin.get(`/api/dashboard/problems?unitId=${data.township}&villageId=${county.village(1, 0)}`);
    expect(list.statusCode).toBe(400);
    expect((await admin.get(`/api/dashboard/county?countyId=${county.countyId}`)).statusCode).toBe(403);
  });

  it('refuses a cadre and a judge the dashboard; the discipline commission and the leaders read it', async () => {
    for (const name of ['t1.cadre001', 't1.judge1'])
      expect((await (await user(name)).get(`/api/dashboard?unitId=${data.township}`)).statusCode, name).toBe(403);
    for (const name of ['t1.discipline', 't1.leader', 't1.edu', 'reviewer', 'countyadmin'])
      expect((await (await user(name)).get(`/api/dashboard?unitId=${data.township}`)).statusCode, name).toBe(200);
  });

  it('puts each township side by side for the county', async () => {
    const reviewer = await user('reviewer');
    const res = await reviewer.get(`/api/dashboard/county?countyId=${county.countyId}&year=2020`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    expect(c.townships.map((x: { townshipId: string }) => x.townshipId).sort()).toEqual(county.townships.map((x) => x.id).sort());
    const t1 = c.townships.find((x: { townshipId: string }) => x.townshipId === data.township);
    const own = (await reviewer.get(`/api/dashboard?unitId=${data.township}`)).json();
    expect(t1.visits).toEqual(own.visits.totals);
    expect(t1.problems).toEqual(own.problems.totals);
    expect(t1.summaries).toEqual({ villages: 2, visitSubmitted: 1, visitLate: 1, inspectionSubmitted: 0, inspectionLate: 2 });
    expect(c.totals.problems.total).toBe(5);
    const bad = await reviewer.get(`/api/dashboard/county?countyId=${data.township}`);
    expect(bad.statusCode).toBe(400);
  });
});
