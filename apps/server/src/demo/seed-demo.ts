/**
 * The demo township 清溪镇 of the fictional 示范县, seeded on the first start of an empty
 * database so `npm start` shows a working system at once.
 */

import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { rawTransaction, toCsv } from '../db/raw';
import type { Clock } from '../lib/clock';
import { uuidv7 } from '../lib/ids';
import { hashPassword } from '../modules/auth/passwords';
import { installDefaultRules } from '../modules/rules/install-default';
import { generateTownship, UNIT_COLUMNS } from './generate';
import { insertTownship, insertUsers } from './insert';
import { Random } from './random';
import { startDemoCampaign } from './start-campaign';

/** The password every demo account shares. */
export const DEMO_PASSWORD = 'fupin2026';
/** A fictional county code: area 369901 is not assigned to any real place. */
export const DEMO_COUNTY_CODE = '369901000000';

export interface DemoLogin {
  role: string;
  username: string;
  password: string;
  note: string;
}

export interface DemoSummary {
  households: number;
  members: number;
  logins: DemoLogin[];
}

export const DEMO_LOGINS: DemoLogin[] = [
  { username: 'admin', role: '镇扶贫办 township office', note: '清溪镇: units, users, audit' },
  { username: 'leader', role: '镇领导 town leader', note: 'reads the township; stationed in 东溪村' },
  { username: 'edu', role: '行业分管领导 sector leader', note: 'education (also med, housing, water)' },
  { username: 'v01', role: '村两委 village staff', note: '东溪村 (v01…v12, fs01…fs12)' },
  { username: 'cadre001', role: '帮扶干部 assistance cadre', note: 'five paired households in 东溪村' },
  { username: 'judge1', role: '评分员 judge', note: 'judge1…judge3 (judge3 lives in 桃源村)' },
  { username: 'discipline', role: '镇纪委 discipline commission', note: 'read-only, audit log' },
  { username: 'reviewer', role: '县工作组 county reviewer', note: 'reads the county' },
  { username: 'countyadmin', role: '县级管理员 county admin', note: 'manages every township of 示范县' },
].map((l) => ({ ...l, password: DEMO_PASSWORD }));

/** Seeds the demo when the database holds no unit yet; returns null when it already had data. */
export async function seedDemoIfEmpty(
  database: Database,
  clock: Clock,
  /** sendingUnits false: no 派出单位, for a schema older than migration 0014 */
  options: { households: number; sendingUnits?: boolean },
): Promise<DemoSummary | null> {
  const now = clock.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const seeded = await rawTransaction(database, async (tx) => {
    const { rows } = await tx.query<{ n: number }>('select count(*)::int as n from units');
    if ((rows[0]?.n ?? 0) > 0) return null;
    const r = new Random(20_200_310);
    const countyId = r.uuid();
    const townshipId = r.uuid();
    await tx.copyIn(
      'units',
      UNIT_COLUMNS,
      toCsv([[countyId, 'county', null, countyId, null, null, DEMO_COUNTY_CODE, '示范县', 0, now, now]]),
    );
    const township = generateTownship({
      seed: 2020,
      countyId,
      countyCode: DEMO_COUNTY_CODE,
      townshipId,
      townshipName: '清溪',
      townshipDigits: '101',
      villages: 12,
      households: options.households,
      notOut: Math.min(47, Math.floor(options.households / 20)),
      usernamePrefix: '',
      year: now.getUTCFullYear(),
      now,
      centre: { lat: 26.2, lng: 115.4 },
    });
    if (options.sendingUnits === false) {
      township.workUnits = [];
      for (const u of township.users) delete u.workUnitId;
    }
    await insertTownship(tx, township, passwordHash, now);
    await insertUsers(
      tx,
      [
        {
          id: r.uuid(),
          username: 'countyadmin',
          displayName: '县级管理员',
          homeUnitId: countyId,
          roles: [{ id: r.uuid(), role: 'county_admin', unitId: countyId, sector: null, title: null }],
        },
        {
          id: r.uuid(),
          username: 'reviewer',
          displayName: '县工作组',
          homeUnitId: countyId,
          roles: [{ id: r.uuid(), role: 'county_reviewer', unitId: countyId, sector: null, title: '工作组组长' }],
        },
      ],
      passwordHash,
      now,
    );
    const summary = { ...township.counts, seed: 2020 };
    await tx.query(
      `insert into audit_log (township_id, id, at, actor_name, action, entity_type, entity_id, unit_id, after)
       values ($1, $2, $3, 'system', 'seed_demo', 'township', $4, $1, $5)`,
      [townshipId, uuidv7(now), now, townshipId, JSON.stringify(summary)],
    );
    return { townshipId, households: township.counts.households, members: township.counts.members, logins: DEMO_LOGINS };
  });
  if (!seeded) return null;
  await installDefaultRules(database, clock, seeded.townshipId, now.getUTCFullYear());
  // The demo's campaign is under way: its big visit began yesterday.
  await startDemoCampaign(database, seeded.townshipId, now);
  // Statistics for the planner at once: PGlite runs no autovacuum at all (and a server's may take
  // a while, or be off). Without them the dashboard's visit counts are planned as nested loops over
  // every household: once the demo's cadres had visited their 621 households, each of the two
  // statements took 250–450 ms instead of 25–75 ms (PostgreSQL, same load). Later growth scales
  // these statistics by the tables' sizes; ANALYZE after a big import keeps them right.
  await database.db.execute(sql`analyze`);
  return { households: seeded.households, members: seeded.members, logins: seeded.logins };
}
