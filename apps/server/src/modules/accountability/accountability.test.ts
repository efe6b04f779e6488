/**
 * The accountability view through the API against a data set built for it (lapses.fixtures.ts),
 * the clock at 2020-03-17 08:30 Beijing time and moved across the midnight of a deadline:
 * who lapsed, by person and by unit, with evidence and chain; the lists and the export agree;
 * a village sees only itself, a township never another's; the discipline commission changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, type CountyFixture, loginAs, seedCounty } from '../../../test/fixtures';
import { createTestApp, type TestApp } from '../../../test/harness';
import { readXlsx } from '../competition/competition.fixtures';
import { EXPORT_HEADERS } from './export';
import { bj, type LapseData, seedLapses } from './lapses.fixtures';

interface Entry {
  link: string;
  userId: string | null;
  name: string | null;
}
interface Lapse {
  key: string;
  kind: string;
  duty: string;
  state: string;
  deadline: string;
  daysLate: number;
  doneAt: string | null;
  villageId: string | null;
  subject: { type: string; id: string | null; label: string };
  responsible: Entry[];
  chain: Entry[];
}

describe('the accountability view', () => {
  let t: TestApp;
  let county: CountyFixture;
  let data: LapseData;
  let surveyMissing: number;
  const cookies = new Map<string, string>();
  const user = async (name: string) => {
    if (!cookies.has(name)) cookies.set(name, await loginAs(t.app, name));
    return as(t.app, cookies.get(name) as string);
  };
  const id = (username: string) => county.users.get(username)?.id as string;
  const lapses = async (query = ''): Promise<{ items: Lapse[]; total: number }> => {
    const res = await (await user('t1.discipline')).get(`/api/accountability/lapses?unitId=${data.township}&limit=500${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await createTestApp();
    county = await seedCounty(t.database);
    data = await seedLapses(t.database, county);
    t.clock.set(bj('2020-03-17T08:30:00'));
    // The carpet survey's households nobody visited, as the dashboard lists them.
    const admin = await user('t1.admin');
    const list = (await admin.get(`/api/dashboard/visits?unitId=${data.township}&state=missing&limit=500`)).json();
    surveyMissing = list.items.filter((i: { type: string }) => i.type === 'marginal' || i.type === 'key').length;
  });
  afterAll(() => t.close());

  it('counts every lapse of the data set by kind, and nothing on time', async () => {
    const res = await (await user('t1.discipline')).get(`/api/accountability?unitId=${data.township}`);
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json();
    // visit: the mixed cadre's late one and two never visited, plus the survey; inspect: one site, three
    // sectors × two villages; rectify: a day overdue, three days overdue, fixed a day late; advance: the
    // order, village 2's 附件3, both villages' 附件5
    expect(a.totals.byKind).toEqual({ visit: 3 + surveyMissing, inspect: 7, rectify: 3, advance: 4 });
    expect(a.totals.lapses).toBe(17 + surveyMissing);
    expect(a.totals.late).toBe(2);
    expect(a.totals.maxDaysLate).toBe(4);
    const { items } = await lapses();
    const keys = items.map((l) => l.key);
    expect(keys).not.toContain(`problem:${data.problems.dueToday}`);
    expect(keys).not.toContain(`problem:${data.problems.closedOnTime}`);
    expect(keys).not.toContain(`site_check:${data.sites.checked}`);
    expect(keys.filter((k) => k.startsWith('sector_sweep:education'))).toEqual([]);
    expect(keys).not.toContain(`visit_summary:${data.villages[0]}`);
  });

  it('names the cadre who visited a day late and never, with the households and days as evidence', async () => {
    const mixed = id(data.cadres.mixed);
    const { items, total } = await lapses(`&userId=${mixed}`);
    expect(total).toBe(3);
    const [m1, m2, x1, x2] = data.paired.get(data.cadres.mixed) as string[];
    const byHousehold = new Map(items.map((l) => [l.subject.id, l]));
    expect(byHousehold.has(m1 as string)).toBe(false); // visited at 23:30 on the deadline day: on time
    expect(byHousehold.get(m2 as string)).toMatchObject({
      duty: 'paired_visit',
      state: 'late',
      daysLate: 1,
      deadline: '2020-03-13',
      doneAt: '2020-03-13T16:00:00.000Z',
      subject: { type: 'household' },
    });
    for (const h of [x1, x2]) expect(byHousehold.get(h as string)).toMatchObject({ state: 'missing', daysLate: 4 });
    const l = byHousehold.get(m2 as string) as Lapse;
    expect(l.responsible).toEqual([expect.objectContaining({ link: 'cadre', userId: mixed })]);
    // the head of the unit that sent the cadre by name (no account), then the village and those above
    expect(l.chain.map((e) => `${e.link}:${e.userId ?? e.name}`)).toEqual([
      'unit_head:王建国',
      `village_committee:${id('t1.v01')}`,
      `first_secretary:${id('t1.fs01')}`,
      `stationed_leader:${id('t1.leader')}`,
      `township_office:${id('t1.admin')}`,
    ]);
    const a = (await (await user('t1.discipline')).get(`/api/accountability?unitId=${data.township}`)).json();
    const person = a.people.find((p: { userId: string }) => p.userId === mixed);
    expect(person).toMatchObject({ lapses: 3, missing: 2, late: 1, maxDaysLate: 4, links: ['cadre'] });
    expect(person.byKind).toEqual({ visit: 3, inspect: 0, rectify: 0, advance: 0 });
    // the cadre whose households were all visited in time answers for nothing
    expect(a.people.find((p: { userId: string }) => p.userId === id(data.cadres.onTime))?.lapses ?? 0).toBe(0);
  });

  it('gives each problem its own chain: the named person, the sector leader, the household’s cadre', async () => {
    const { items } = await lapses('&kind=rectify');
    const of = (pid: string) => items.find((l) => l.subject.id === pid) as Lapse;
    expect(of(data.problems.otherVillage)).toMatchObject({ state: 'missing', daysLate: 3, villageId: data.villages[1] });
    expect(of(data.problems.otherVillage).responsible.map((e) => e.userId)).toEqual([id('t1.v02')]);
    // an escalated education problem fixed a day late: the education leader answers for it
    expect(of(data.problems.fixedLate)).toMatchObject({ state: 'late', daysLate: 1 });
    expect(of(data.problems.fixedLate).responsible).toEqual([
      expect.objectContaining({ link: 'sector_leader', userId: id('t1.edu') }),
    ]);
    // the village's own problem of the mixed cadre's household: the village answers, the cadre stands in the chain
    const overdue = of(data.problems.overdue);
    expect(overdue).toMatchObject({ state: 'missing', daysLate: 1 });
    expect(overdue.responsible.map((e) => e.link)).toEqual(['village_committee', 'first_secretary']);
    expect(overdue.chain[0]).toMatchObject({ link: 'cadre', userId: id(data.cadres.mixed) });
    expect(overdue.chain[1]).toMatchObject({ link: 'unit_head', userId: null, name: '王建国' });
    const order = (await lapses('&duty=order')).items;
    expect(order).toHaveLength(1);
    expect(order[0]).toMatchObject({ state: 'missing', daysLate: 1, subject: { label: '督办〔2020〕1号' } });
    expect(order[0]?.responsible.map((e) => e.userId)).toEqual([id('t1.v01')]);
  });

  it('names the sectors nobody swept with their leaders, and the village summaries not reported', async () => {
    const sweeps = (await lapses('&duty=sector_sweep')).items;
    expect(sweeps.map((l) => l.key).sort()).toEqual(
      ['housing', 'medical', 'water'].flatMap((s) => data.villages.map((v) => `sector_sweep:${s}:${v}`)).sort(),
    );
    const medical = sweeps.find((l) => l.key.startsWith('sector_sweep:medical')) as Lapse;
    expect(medical).toMatchObject({ state: 'missing', daysLate: 1, deadline: '2020-03-16' });
    expect(medical.responsible.map((e) => e.userId)).toEqual([id('t1.med')]);
    const summaries = (await lapses('&kind=advance&state=missing')).items.filter((l) => l.subject.type === 'summary');
    expect(summaries.map((l) => [l.duty, l.villageId, l.daysLate]).sort()).toEqual(
      [
        ['inspection_summary', data.villages[0], 4],
        ['inspection_summary', data.villages[1], 4],
        ['visit_summary', data.villages[1], 1],
      ].sort(),
    );
  });

  it('turns a deadline into a lapse at midnight in Beijing, not before', async () => {
    try {
      t.clock.set(bj('2020-03-16T23:59:59'));
      const before = (await lapses()).items.map((l) => l.key);
      expect(before).not.toContain(`problem:${data.problems.overdue}`);
      expect(before).not.toContain(`visit_summary:${data.villages[1]}`);
      expect(before).not.toContain(`order:${data.order}`);
      t.clock.set(bj('2020-03-17T00:00:00'));
      const after = (await lapses()).items;
      expect(after.find((l) => l.key === `problem:${data.problems.overdue}`)).toMatchObject({ daysLate: 1 });
      expect(after.find((l) => l.key === `visit_summary:${data.villages[1]}`)).toMatchObject({ daysLate: 1 });
    } finally {
      t.clock.set(bj('2020-03-17T08:30:00'));
    }
  });

  it('accounts by unit, each village with its chain and the township for the rest', async () => {
    const a = (await (await user('t1.discipline')).get(`/api/accountability?unitId=${data.township}`)).json();
    expect(a.units.map((u: { unitId: string }) => u.unitId)).toEqual([...data.villages, data.township]);
    expect(a.units.reduce((n: number, u: { lapses: number }) => n + u.lapses, 0)).toBe(a.totals.lapses);
    const v2 = a.units[1];
    expect(v2.chain.map((e: Entry) => `${e.link}:${e.userId}`)).toEqual([
      `village_committee:${id('t1.v02')}`,
      `first_secretary:${id('t1.fs02')}`,
      'stationed_leader:null',
    ]);
    // Every unit row's number opens exactly its lapses; the township's own are those of no village.
    for (const u of a.units) {
      const list = (await lapses(`&villageId=${u.kind === 'village' ? u.unitId : 'none'}`)).items;
      expect(list.length, u.unitName).toBe(u.lapses);
      expect(list.every((l) => l.villageId === (u.kind === 'village' ? u.unitId : null))).toBe(true);
    }
    const bad = await (await user('t1.discipline')).get(`/api/accountability/lapses?unitId=${data.township}&villageId=nobody`);
    expect(bad.statusCode).toBe(400);
  });

  it('accounts by 派出单位: the unit whose head answers with the cadres it sent, each figure opening its lapses', async () => {
    const a = (await (await user('t1.discipline')).get(`/api/accountability?unitId=${data.township}`)).json();
    const bureau = a.sendingUnits.find((s: { name: string | null }) => s.name === '县文化广电旅游局');
    // the mixed cadre's three paired households and the overdue problem of one of them
    expect(bureau).toMatchObject({ headName: '王建国', headTitle: '局长', lapses: 4, missing: 3, late: 1 });
    expect(bureau.byKind).toEqual({ visit: 3, inspect: 0, rectify: 1, advance: 0 });
    const list = (await lapses(`&sendingUnit=${encodeURIComponent('县文化广电旅游局')}`)).items;
    expect(list.map((l) => l.duty).sort()).toEqual(['paired_visit', 'paired_visit', 'paired_visit', 'problem']);
    // worst first, and every row's number opens exactly its lapses
    const counts = a.sendingUnits.map((s: { lapses: number }) => s.lapses);
    expect(counts).toEqual([...counts].sort((x: number, y: number) => y - x));
    for (const s of a.sendingUnits) {
      const total = (await lapses(`&sendingUnit=${encodeURIComponent(s.name ?? 'none')}`)).total;
      expect(total, s.name ?? 'none').toBe(s.lapses);
    }
  });

  it('shows a village only its own lapses, and a township never another’s', async () => {
    const leader = await user('t1.leader');
    const own = await leader.get(`/api/accountability/lapses?unitId=${data.villages[0]}&limit=500`);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().items.every((l: Lapse) => l.villageId === data.villages[0])).toBe(true);
    expect(own.json().total).toBeGreaterThan(0);
    const discipline = await user('t1.discipline');
    expect((await discipline.get(`/api/accountability?unitId=${county.townships[1]?.id}`)).statusCode).toBe(403);
    expect((await discipline.get(`/api/accountability/lapses.xlsx?unitId=${county.townships[1]?.id}`)).statusCode).toBe(403);
    for (const name of ['t1.v01', 't1.cadre001', 't1.edu', 't1.judge1', 'reviewer'])
      expect((await (await user(name)).get(`/api/accountability?unitId=${data.township}`)).statusCode, name).toBe(403);
    expect((await (await user('countyadmin')).get(`/api/accountability?unitId=${county.townships[1]?.id}`)).statusCode).toBe(200);
  });

  it('lets the discipline commission read everything and change nothing', async () => {
    const discipline = await user('t1.discipline');
    const writes = [
      discipline.post(`/api/problems/${data.problems.overdue}/assign`, { deadline: '2020-04-01' }),
      discipline.post(`/api/problems/${data.problems.overdue}/transition`, { action: 'start' }),
      discipline.post('/api/orders', {
        id: crypto.randomUUID(),
        townshipId: data.township,
        title: '纪委督办',
        deadline: '2020-04-01',
        responsibleUserIds: [id('t1.v01')],
        problemIds: [data.problems.overdue],
      }),
      discipline.post('/api/visits/summary/reopen', {
        campaignId: data.campaign,
        villageId: data.villages[0],
        reason: '纪委退回',
      }),
    ];
    for (const res of await Promise.all(writes)) expect(res.statusCode, res.body).toBe(403);
    const routes = t.app.routeAccess.filter((r) => r.url.startsWith('/api/accountability'));
    expect(routes.length).toBeGreaterThan(0);
    expect(routes.every((r) => r.method === 'GET' || r.method === 'HEAD')).toBe(true);
  });

  it('exports the same lapses as the 责任倒查表 with Chinese headers and every chain link in its column', async () => {
    const res = await (await user('t1.discipline')).get(`/api/accountability/lapses.xlsx?unitId=${data.township}&kind=visit`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('责任倒查表'));
    const rows = await readXlsx(res.rawPayload);
    const header = rows.findIndex((r) => r[0] === '序号');
    expect(rows[header]).toEqual(EXPORT_HEADERS);
    const body = rows.slice(header + 1).filter((r) => /^\d+$/.test(r[0] ?? ''));
    expect(body).toHaveLength(3 + surveyMissing);
    const late = body.find((r) => r[7] === '逾期完成') as string[];
    expect(late[2]).toBe('结对户走访');
    expect(late[9]).toBe('1');
    expect(late[10]).toContain('（帮扶干部）');
    expect(late[EXPORT_HEADERS.indexOf('驻村领导')]).not.toBe('');
    expect(late[EXPORT_HEADERS.indexOf('派出单位负责人')]).toBe('王建国（县文化广电旅游局）');
  });
});
