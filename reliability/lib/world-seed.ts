/**
 * Writing the world's rows: the other county, each township's own rows, and one of every entity
 * in each area's village (straight to the database, so the suites start from known rows), plus a
 * real import read by the server's own job.
 */
import { randomUUID } from 'node:crypto';
import { buildIdNumber, DEFAULT_PRIZES, DEFAULT_RUBRIC } from '@fupin/domain';
import { eq } from 'drizzle-orm';
import { rawTransaction, toCsv } from '../../apps/server/src/db/raw';
import {
  competitionObjections,
  competitionRounds,
  competitionSamples,
  competitionScores,
  discrepancies,
  imports,
  jobs,
  orderProblems,
  problemEvidence,
  problems,
  ruleSets,
  sites,
  supervisionOrders,
  visits,
} from '../../apps/server/src/db/schema/index';
import { generateTownship, type SyntheticTownship, UNIT_COLUMNS } from '../../apps/server/src/demo/generate';
import { insertTownship } from '../../apps/server/src/demo/insert';
import { hashPassword } from '../../apps/server/src/modules/auth/passwords';
import { installDefaultRules } from '../../apps/server/src/modules/rules/install-default';
import { loginAs, TEST_PASSWORD } from '../../apps/server/test/fixtures';
import type { TestApp } from '../../apps/server/test/harness';
import { registryWorkbook, upload } from '../../apps/server/test/xlsx';
import type { Area, AreaName } from './world';

export const NOW = new Date('2020-03-10T01:00:00Z');

/** The other county: one township, two villages, its own accounts (prefix t3.). */
export async function seedOtherCounty(t: TestApp): Promise<{ countyId: string; townshipId: string; data: SyntheticTownship }> {
  const countyId = randomUUID();
  const townshipId = randomUUID();
  const data = generateTownship({
    seed: 300,
    countyId,
    countyCode: '369902000000',
    townshipId,
    townshipName: '远山',
    townshipDigits: '101',
    villages: 2,
    households: 30,
    notOut: 2,
    usernamePrefix: 't3.',
    year: 2020,
    now: NOW,
    centre: { lat: 26.5, lng: 115.9 },
  });
  const hash = await hashPassword(TEST_PASSWORD);
  await rawTransaction(t.database, async (tx) => {
    await tx.copyIn(
      'units',
      UNIT_COLUMNS,
      toCsv([[countyId, 'county', null, countyId, null, null, '369902000000', '邻县', 1, NOW, NOW]]),
    );
    await insertTownship(tx, data, hash, NOW);
  });
  await installDefaultRules(t.database, { now: () => NOW }, townshipId, 2020);
  return { countyId, townshipId, data };
}

export interface Place {
  countyId: string;
  townshipId: string;
  data: SyntheticTownship;
  campaignId: string;
  roundId: string;
  orderId: string;
  jobId: string;
  ruleSet: string;
}

/** One of every entity in a village, written directly. */
export async function seedArea(t: TestApp, name: AreaName, place: Place, villageIndex: number): Promise<Area> {
  const db = t.database.db;
  const { data, townshipId } = place;
  const village = data.units.filter((u) => u[1] === 'village')[villageIndex] as unknown[];
  const villageId = village[0] as string;
  const groupIds = data.units.filter((u) => u[1] === 'group' && u[5] === villageId).map((u) => u[0] as string);
  const cadre = data.users.find((u) => u.roles.some((r) => r.role === 'cadre' && r.unitId === villageId));
  if (!cadre) throw new Error(`no cadre in ${name}`);
  const paired = new Set(data.pairings.filter((p) => p[2] === cadre.id).map((p) => p[1] as string));
  const villageHouseholds = data.households.filter((h) => h[2] === villageId);
  const h = villageHouseholds.find((row) => paired.has(row[1] as string)) as unknown[];
  const household = h[1] as string;
  const staff = data.users.find((u) => u.username.endsWith(`fs0${villageIndex + 1}`));
  if (!staff) throw new Error(`no first secretary in ${name}`);
  const problem = randomUUID();
  const evidence = randomUUID();
  const site = randomUUID();
  const visit = randomUUID();
  const discrepancy = randomUUID();
  const objection = randomUUID();
  await db.insert(visits).values({
    townshipId,
    id: visit,
    campaignId: place.campaignId,
    householdId: household,
    visitorId: cadre.id,
    formType: 'registered',
    visitedAt: NOW,
    receivedAt: NOW,
    baseVersion: 1,
    form: {},
    computed: {},
    plausibility: [],
    membersConfirmed: 1,
  });
  await db.insert(discrepancies).values({
    townshipId,
    id: discrepancy,
    visitId: visit,
    householdId: household,
    kind: 'field',
    field: 'address',
    registryValue: null,
    observedValue: `${name}村新地址`,
    status: 'pending',
    createdAt: NOW,
  });
  await db.insert(problems).values({
    townshipId,
    id: problem,
    source: 'visit',
    category: 'housing',
    villageId,
    householdId: household,
    description: `${name}区住房问题`,
    level: 'village',
    status: 'open',
    campaignId: place.campaignId,
    createdAt: NOW,
    updatedAt: NOW,
  });
  await db.insert(problemEvidence).values({
    townshipId,
    id: evidence,
    problemId: problem,
    fileName: `${name}.jpg`,
    mimeType: 'image/jpeg',
    size: 4,
    data: Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
    uploadedBy: cadre.id,
    uploadedAt: NOW,
  });
  await db.insert(orderProblems).values({ townshipId, orderId: place.orderId, problemId: problem });
  await db.insert(sites).values({ townshipId, id: site, villageId, kind: 'clinic', name: `${name}区卫生室`, createdAt: NOW });
  const population = villageHouseholds.map((row) => row[1] as string).slice(0, 3);
  await db.insert(competitionSamples).values({
    townshipId,
    roundId: place.roundId,
    villageId,
    record: {
      method: 'fnv1a32-mulberry32-fisher-yates',
      version: 1,
      seed: `${name}-seed`,
      size: 1,
      population,
      sample: [population[0]],
    },
    drawnAt: NOW,
  });
  await db.insert(competitionObjections).values({
    townshipId,
    id: objection,
    roundId: place.roundId,
    villageId,
    text: `${name}区异议`,
    raisedAt: NOW,
    status: 'open',
  });
  const score = randomUUID();
  const judge = data.users.find((u) => u.roles.some((r) => r.role === 'judge'));
  await db.insert(competitionScores).values({
    townshipId,
    id: score,
    roundId: place.roundId,
    villageId,
    part: 'village',
    subjectId: villageId,
    judgeId: judge?.id as string,
    sheet: Object.fromEntries(DEFAULT_RUBRIC.village.items.map((i) => [i.code, i.points])),
    submittedAt: NOW,
  });
  const members = data.members.filter((m) => villageHouseholds.some((row) => row[1] === m[2]));
  const unpairedIds = villageHouseholds.filter((row) => !paired.has(row[1] as string)).map((row) => row[1] as string);
  return {
    name,
    countyId: place.countyId,
    townshipId,
    villageId,
    groupId: groupIds[0] as string,
    campaignId: place.campaignId,
    household,
    householdNumber: h[4] as string,
    cadreId: cadre.id,
    cadreUsername: cadre.username,
    problem,
    evidence,
    order: place.orderId,
    site,
    visit,
    discrepancy,
    importId: '',
    ruleSet: place.ruleSet,
    job: place.jobId,
    round: place.roundId,
    objection,
    user: staff.id,
    username: staff.username,
    assignment: staff.roles[0]?.id as string,
    workUnit: cadre.workUnitId as string,
    session: '0'.repeat(64),
    notification: '00000000-0000-4000-8000-000000000000',
    score,
    photo: '00000000-0000-4000-8000-000000000001',
    villageSecrets: [
      villageId,
      ...groupIds,
      ...villageHouseholds.map((row) => row[1] as string),
      ...members.map((m) => m[1] as string),
      `${name}区住房问题`,
      `${name}区卫生室`,
      `${name}区异议`,
      problem,
      evidence,
      site,
      visit,
      discrepancy,
      objection,
      score,
    ],
    townshipSecrets: [
      townshipId,
      place.campaignId,
      place.orderId,
      place.jobId,
      place.roundId,
      place.ruleSet,
      ...data.users.map((u) => u.id),
      ...data.workUnits.map((row) => row[0] as string),
    ],
    idNumbers: members.map((m) => m[5] as string),
    unpaired: [...unpairedIds, ...members.filter((m) => unpairedIds.includes(m[2] as string)).map((m) => m[5] as string)],
  };
}

/** The township's rows that are not any one village's: order, import, job, round. */
export async function seedPlace(
  t: TestApp,
  base: { countyId: string; townshipId: string; data: SyntheticTownship; campaignId: string },
): Promise<Place> {
  const db = t.database.db;
  const { townshipId, data } = base;
  const admin = data.users.find((u) => u.roles.some((r) => r.role === 'township_admin'));
  const [ruleSet] = await db.select().from(ruleSets).where(eq(ruleSets.townshipId, townshipId));
  const place = {
    ...base,
    roundId: randomUUID(),
    orderId: randomUUID(),
    jobId: randomUUID(),
    ruleSet: ruleSet?.id as string,
  };
  await db.insert(jobs).values({ townshipId, id: place.jobId, kind: 'recompute_flags', status: 'done', startedAt: NOW });
  await db.insert(supervisionOrders).values({
    townshipId,
    id: place.orderId,
    number: '督办〔2020〕1号',
    title: '督办整改',
    deadline: '2020-04-01',
    responsibleUserIds: [admin?.id as string],
    issuedBy: admin?.id as string,
    issuedAt: NOW,
  });
  await db.insert(competitionRounds).values({
    townshipId,
    id: place.roundId,
    month: '2020-02',
    status: 'published',
    rubric: DEFAULT_RUBRIC,
    prizes: DEFAULT_PRIZES,
    sampleSize: 1,
    publicityDays: 5,
    publishedOn: '2020-03-10',
    ranking: { publishedAt: NOW.toISOString(), rows: [] },
    createdAt: NOW,
  });
  return place;
}

/**
 * A real import of one new household into the area's village, read and checked by the server's
 * own job, so the commit route has something genuine to commit.
 */
export async function uploadImport(t: TestApp, a: Area, villageName: string): Promise<string> {
  const admin = a.name === 'C' ? 't2.admin' : a.name === 'D' ? 't3.admin' : 't1.admin';
  const cookie = await loginAs(t.app, admin);
  const number = `IMP-${a.name}`;
  const idNumber = buildIdNumber(a.name === 'D' ? '369902' : '369901', '1980-01-01', 900 + a.name.charCodeAt(0), 'male');
  const file = await registryWorkbook(
    [{ 户编号: number, 村: villageName, 户主姓名: `${a.name}新户`, 贫困户状态: '非建档立卡户' }],
    [{ 户编号: number, 姓名: `${a.name}新户`, 身份证号: idNumber, 与户主关系: '户主' }],
  );
  const res = await upload(t.app, cookie, `/api/registry/imports?unitId=${a.villageId}`, file);
  if (res.statusCode !== 200) throw new Error(`import in ${a.name}: ${res.body}`);
  await t.app.jobs.idle();
  const id = res.json().id as string;
  const [row] = await t.database.db.select().from(imports).where(eq(imports.id, id));
  if (row?.status !== 'checked') throw new Error(`import in ${a.name} is ${row?.status} (${row?.failure ?? 'no failure'})`);
  return id;
}
