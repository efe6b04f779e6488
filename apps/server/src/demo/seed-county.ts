/**
 * A county-scale synthetic data set for benchmarks: about 15 townships and 50,000 households in
 * one fictional county, written with COPY in one transaction per township.
 */
import type { Database } from '../db/client';
import { rawTransaction, toCsv } from '../db/raw';
import type { Clock } from '../lib/clock';
import { hashPassword } from '../modules/auth/passwords';
import { installDefaultRules } from '../modules/rules/install-default';
import { generateTownship, UNIT_COLUMNS } from './generate';
import { insertTownship, insertUsers } from './insert';
import { TOWNSHIP_NAMES } from './names';
import { Random } from './random';
import { startDemoCampaign } from './start-campaign';

export interface CountyOptions {
  townships: number;
  households: number;
  villagesPerTownship: number;
  password: string;
  seed: number;
  /** see TownshipPlan.householdSizes */
  householdSizes?: readonly number[];
  /** progress callback, one call per township */
  onTownship?: (index: number, households: number, members: number) => void;
}

export interface CountySummary {
  countyId: string;
  countyCode: string;
  townships: number;
  households: number;
  members: number;
  users: number;
}

/** Picks an unused fictional county code 3699NN000000. */
async function freeCountyCode(database: Database): Promise<string> {
  const used = await rawTransaction(database, (tx) =>
    tx.query<{ code: string }>("select code from units where kind = 'county' and code like '3699%'"),
  );
  const taken = new Set(used.rows.map((r) => r.code));
  for (let n = 2; n < 100; n++) {
    const code = `3699${String(n).padStart(2, '0')}000000`;
    if (!taken.has(code)) return code;
  }
  throw new Error('no fictional county code left');
}

export async function seedCounty(database: Database, clock: Clock, options: CountyOptions): Promise<CountySummary> {
  const now = clock.now();
  const r = new Random(options.seed);
  const countyId = r.uuid();
  const countyCode = await freeCountyCode(database);
  const countyNo = countyCode.slice(4, 6);
  const passwordHash = await hashPassword(options.password);
  await rawTransaction(database, async (tx) => {
    await tx.copyIn(
      'units',
      UNIT_COLUMNS,
      toCsv([[countyId, 'county', null, countyId, null, null, countyCode, `合成${countyNo}县`, 0, now, now]]),
    );
    await insertUsers(
      tx,
      [
        {
          id: r.uuid(),
          username: `c${countyNo}.admin`,
          displayName: '县级管理员',
          homeUnitId: countyId,
          roles: [{ id: r.uuid(), role: 'county_admin', unitId: countyId, sector: null, title: null }],
        },
        {
          id: r.uuid(),
          username: `c${countyNo}.reviewer`,
          displayName: '县工作组',
          homeUnitId: countyId,
          roles: [{ id: r.uuid(), role: 'county_reviewer', unitId: countyId, sector: null, title: null }],
        },
      ],
      passwordHash,
      now,
    );
  });
  let households = 0;
  let members = 0;
  let users = 2;
  for (let i = 0; i < options.townships; i++) {
    // Spread the households evenly; the last township takes the remainder.
    const share =
      Math.floor(options.households / options.townships) +
      (i === options.townships - 1 ? options.households % options.townships : 0);
    const township = generateTownship({
      seed: options.seed * 1000 + i,
      countyId,
      countyCode,
      townshipId: r.uuid(),
      townshipName: TOWNSHIP_NAMES[i % TOWNSHIP_NAMES.length] as string,
      townshipDigits: String(101 + i).padStart(3, '0'),
      villages: options.villagesPerTownship,
      households: share,
      notOut: Math.round(share * 0.015),
      usernamePrefix: `c${countyNo}t${String(i + 1).padStart(2, '0')}.`,
      year: now.getUTCFullYear(),
      now,
      centre: { lat: 26 + i * 0.05, lng: 115 + i * 0.05 },
      householdSizes: options.householdSizes,
    });
    await rawTransaction(database, (tx) => insertTownship(tx, township, passwordHash, now));
    await installDefaultRules(database, clock, township.units[0]?.[0] as string, now.getUTCFullYear());
    await startDemoCampaign(database, township.units[0]?.[0] as string, now);
    households += township.counts.households;
    members += township.counts.members;
    users += township.users.length;
    options.onTownship?.(i, township.counts.households, township.counts.members);
  }
  return { countyId, countyCode, townships: options.townships, households, members, users };
}
