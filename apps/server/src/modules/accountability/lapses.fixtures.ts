/**
 * A data set built for the dashboard and the accountability tests, in township 1 of the test
 * county (2020 plan: visits end 03-13, summaries 03-16, self-checks 03-13, sector sweeps 03-16):
 * one cadre visits everything on time, one visits one household on the last evening, one the
 * next midnight (a day late) and leaves the rest, the others visit nothing; problems overdue by a
 * day, due today, closed on time and fixed a day late; one village reports its summary, the other
 * not; one site checked, one not; one sector swept; an order past its deadline.
 * Rows go in directly: the tests are about reading them back, and the dates must be exact.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { CountyFixture } from '../../../test/fixtures';
import type { Database } from '../../db/client';
import {
  households,
  inspections,
  orderProblems,
  pairings,
  problems,
  sites,
  supervisionOrders,
  users,
  villageSummaries,
  visits,
  workUnits,
} from '../../db/schema/index';

/** An instant given as Beijing wall-clock time. */
export const bj = (local: string) => new Date(`${local}+08:00`);

export interface LapseData {
  township: string;
  campaign: string;
  villages: [string, string];
  /** cadre username → paired household ids (township 1, in the first village) */
  paired: Map<string, string[]>;
  cadres: { onTime: string; mixed: string; idle: string[] };
  problems: { overdue: string; dueToday: string; closedOnTime: string; fixedLate: string; otherVillage: string };
  order: string;
  sites: { checked: string; unchecked: string };
}

export async function seedLapses(database: Database, county: CountyFixture): Promise<LapseData> {
  const db = database.db;
  const t1 = county.townships[0];
  if (!t1) throw new Error('no township');
  const township = t1.id;
  const campaign = county.campaignIds[0] as string;
  const villages: [string, string] = [county.village(0, 0), county.village(0, 1)];
  const idOf = (username: string) => county.users.get(username)?.id as string;
  const paired = new Map<string, string[]>();
  for (const row of t1.data.pairings) {
    const cadre = t1.data.users.find((u) => u.id === row[2]);
    if (!cadre) continue;
    paired.set(cadre.username, [...(paired.get(cadre.username) ?? []), row[1] as string]);
  }
  const cadreNames = [...paired.keys()].sort(
    (a, b) => (paired.get(b)?.length ?? 0) - (paired.get(a)?.length ?? 0) || a.localeCompare(b),
  );
  const [mixed, onTime, ...idle] = cadreNames as [string, string, ...string[]];
  // The mixed cadre needs four households (one on time, one a day late, two never visited): pair
  // two more of the village's households with them, registered as exited so they are in scope.
  const villageOfMixed = t1.data.households.find((h) => h[1] === paired.get(mixed)?.[0])?.[2] as string;
  const pairedIds = new Set(t1.data.pairings.map((p) => p[1]));
  const extra = t1.data.households
    .filter((h) => h[2] === villageOfMixed && !pairedIds.has(h[1]))
    .slice(0, 2)
    .map((h) => h[1] as string);
  for (const h of extra) {
    await db
      .update(households)
      .set({ povertyStatus: 'exited', exitYear: 2019 })
      .where(and(eq(households.townshipId, t1.id), eq(households.id, h)));
    await db
      .insert(pairings)
      .values({ townshipId: t1.id, householdId: h, cadreId: idOf(mixed), since: '2020-01-01', createdAt: new Date() });
  }
  paired.set(mixed, [...(paired.get(mixed) ?? []), ...extra]);
  // The mixed cadre was sent by the transport bureau, whose head answers with them.
  const bureau = randomUUID();
  await db.insert(workUnits).values({
    id: bureau,
    townshipId: township,
    name: '县文化广电旅游局',
    headName: '王建国',
    headTitle: '局长',
    createdAt: new Date(),
    updatedAt: new Date(),
  });
  await db
    .update(users)
    .set({ workUnitId: bureau })
    .where(eq(users.id, idOf(mixed)));
  const visit = async (username: string, householdId: string, at: Date) =>
    db.insert(visits).values({
      townshipId: township,
      id: randomUUID(),
      campaignId: campaign,
      householdId,
      visitorId: idOf(username),
      formType: 'registered',
      visitedAt: at,
      receivedAt: at,
      baseVersion: 1,
      form: {},
      computed: {},
      plausibility: [],
      membersConfirmed: 1,
    });
  for (const h of paired.get(onTime) ?? []) await visit(onTime, h, bj('2020-03-12T10:00:00'));
  const [m1, m2] = paired.get(mixed) ?? [];
  if (!m1 || !m2) throw new Error('the second cadre needs two households');
  await visit(mixed, m1, bj('2020-03-13T23:30:00'));
  await visit(mixed, m2, bj('2020-03-14T00:00:00'));

  const now = bj('2020-03-10T09:00:00');
  const problem = (over: Partial<typeof problems.$inferInsert>) => {
    const id = randomUUID();
    return {
      id,
      row: {
        townshipId: township,
        id,
        source: 'visit',
        category: 'housing',
        villageId: villages[0],
        description: '房屋漏雨',
        level: 'village' as const,
        responsibleUnitId: villages[0],
        status: 'open' as const,
        campaignId: campaign,
        createdAt: now,
        updatedAt: now,
        ...over,
      },
    };
  };
  const householdOfMixed = m2;
  const overdue = problem({ householdId: householdOfMixed, deadline: '2020-03-16', description: '逾期一天的问题' });
  const dueToday = problem({ deadline: '2020-03-17', description: '今天到期的问题' });
  const closedOnTime = problem({
    deadline: '2020-03-16',
    status: 'closed',
    submittedAt: bj('2020-03-15T10:00:00'),
    closedAt: bj('2020-03-16T10:00:00'),
    description: '按时销号的问题',
  });
  const fixedLate = problem({
    level: 'township',
    category: 'education',
    responsibleUnitId: township,
    deadline: '2020-03-11',
    status: 'submitted',
    submittedAt: bj('2020-03-12T10:00:00'),
    description: '晚一天整改的教育问题',
  });
  const otherVillage = problem({
    villageId: villages[1],
    responsibleUnitId: villages[1],
    responsibleUserId: idOf('t1.v02'),
    deadline: '2020-03-14',
    description: '二村逾期三天的问题',
  });
  await db.insert(problems).values([overdue.row, dueToday.row, closedOnTime.row, fixedLate.row, otherVillage.row]);

  const order = randomUUID();
  await db.insert(supervisionOrders).values({
    townshipId: township,
    id: order,
    number: '督办〔2020〕1号',
    title: '住房安全督办',
    deadline: '2020-03-16',
    responsibleUserIds: [idOf('t1.v01')],
    issuedBy: idOf('t1.admin'),
    issuedAt: now,
  });
  await db.insert(orderProblems).values({ townshipId: township, orderId: order, problemId: overdue.id });

  await db.insert(villageSummaries).values({
    townshipId: township,
    campaignId: campaign,
    villageId: villages[0],
    kind: 'visit',
    status: 'submitted',
    data: {},
    submittedBy: idOf('t1.v01'),
    submittedAt: bj('2020-03-15T10:00:00'),
  });

  const checked = randomUUID();
  const unchecked = randomUUID();
  await db.insert(sites).values([
    { townshipId: township, id: checked, villageId: villages[0], kind: 'clinic', name: '一村卫生室', createdAt: now },
    { townshipId: township, id: unchecked, villageId: villages[1], kind: 'clinic', name: '二村卫生室', createdAt: now },
  ]);
  const inspection = (over: Partial<typeof inspections.$inferInsert>) => ({
    townshipId: township,
    id: randomUUID(),
    campaignId: campaign,
    kind: 'village_self' as const,
    inspectorId: idOf('t1.v01'),
    inspectedAt: bj('2020-03-12T10:00:00'),
    results: { items: [] },
    createdAt: now,
    ...over,
  });
  await db
    .insert(inspections)
    .values([
      inspection({ villageId: villages[0], siteId: checked }),
      inspection({ kind: 'sector', sector: 'education', inspectorId: idOf('t1.edu'), inspectedAt: bj('2020-03-15T10:00:00') }),
    ]);
  return {
    township,
    campaign,
    villages,
    paired,
    cadres: { onTime, mixed, idle },
    problems: {
      overdue: overdue.id,
      dueToday: dueToday.id,
      closedOnTime: closedOnTime.id,
      fixedLate: fixedLate.id,
      otherVillage: otherVillage.id,
    },
    order,
    sites: { checked, unchecked },
  };
}
