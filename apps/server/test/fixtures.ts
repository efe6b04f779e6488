/**
 * A small county for tests: 示范县 with two townships (prefix t1. and t2. on every username),
 * two villages each, a few households, an account for every role, cadres paired with
 * registered households. Every account's password is TEST_PASSWORD.
 */

import { defaultPhases } from '@fupin/domain';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../src/db/client';
import { rawTransaction, toCsv } from '../src/db/raw';
import { campaigns } from '../src/db/schema/index';
import { generateTownship, type SyntheticTownship, type SyntheticUser, UNIT_COLUMNS } from '../src/demo/generate';
import { insertTownship, insertUsers } from '../src/demo/insert';
import { Random } from '../src/demo/random';
import { hashPassword } from '../src/modules/auth/passwords';
import { installDefaultRules } from '../src/modules/rules/install-default';

export const TEST_PASSWORD = 'test2020pass';
export const COUNTY_CODE = '369901000000';

export interface CountyFixture {
  countyId: string;
  /** the 2020 campaign of each township, with the 2020 plan's calendar */
  campaignIds: string[];
  townships: { id: string; data: SyntheticTownship }[];
  users: Map<string, SyntheticUser>;
  /** the id of a village of a township (0 or 1), by index */
  village(township: 0 | 1, index: number): string;
  /** that village's name, as a registry file writes it */
  villageName(township: 0 | 1, index: number): string;
}

let cachedHash: Promise<string> | null = null;

export async function seedCounty(database: Database, now = new Date('2020-03-10T01:00:00Z')): Promise<CountyFixture> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const passwordHash = await cachedHash;
  const r = new Random(7);
  const countyId = r.uuid();
  const townships = [0, 1].map((i) => {
    const id = r.uuid();
    return {
      id,
      data: generateTownship({
        seed: 100 + i,
        countyId,
        countyCode: COUNTY_CODE,
        townshipId: id,
        townshipName: i === 0 ? '清溪' : '云山',
        townshipDigits: i === 0 ? '101' : '102',
        villages: 2,
        households: 40,
        notOut: 3,
        usernamePrefix: `t${i + 1}.`,
        year: 2020,
        now,
        centre: { lat: 26.2, lng: 115.4 },
      }),
    };
  });
  const countyUsers: SyntheticUser[] = [
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
      roles: [{ id: r.uuid(), role: 'county_reviewer', unitId: countyId, sector: null, title: null }],
    },
  ];
  await rawTransaction(database, async (tx) => {
    await tx.copyIn(
      'units',
      UNIT_COLUMNS,
      toCsv([[countyId, 'county', null, countyId, null, null, COUNTY_CODE, '示范县', 0, now, now]]),
    );
    for (const t of townships) await insertTownship(tx, t.data, passwordHash, now);
    await insertUsers(tx, countyUsers, passwordHash, now);
  });
  for (const t of townships) await installDefaultRules(database, { now: () => now }, t.id, 2020);
  const campaignIds: string[] = [];
  for (const t of townships) {
    const id = r.uuid();
    campaignIds.push(id);
    await database.db.insert(campaigns).values({
      townshipId: t.id,
      id,
      year: 2020,
      name: '2020年大走访大排查大比武',
      phases: defaultPhases(2020),
      createdAt: now,
      updatedAt: now,
    });
  }
  const users = new Map<string, SyntheticUser>();
  for (const u of [...townships.flatMap((t) => t.data.users), ...countyUsers]) users.set(u.username, u);
  const villageRow = (t: 0 | 1, index: number) => {
    const row = townships[t]?.data.units.filter((u) => u[1] === 'village')[index];
    if (!row) throw new Error('no such village');
    return row;
  };
  return {
    countyId,
    campaignIds,
    townships,
    users,
    village: (t, index) => villageRow(t, index)[0] as string,
    villageName: (t, index) => villageRow(t, index)[7] as string,
  };
}

/** Logs in and returns the cookie header of the session. */
export async function loginAs(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'fupin_session');
  if (!cookie) throw new Error('no session cookie');
  return `fupin_session=${cookie.value}`;
}

/** Requests as a logged-in person. */
export function as(app: FastifyInstance, cookie: string) {
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    app.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });
  return {
    get: (url: string) => call('GET', url),
    post: (url: string, payload: unknown = {}) => call('POST', url, payload),
    patch: (url: string, payload: unknown) => call('PATCH', url, payload),
    put: (url: string, payload: unknown) => call('PUT', url, payload),
    delete: (url: string) => call('DELETE', url),
  };
}
