/**
 * The world the reliability suites act in: the test county of `apps/server/test/fixtures.ts`
 * (two townships, two villages each, an account for every role) plus a township of another
 * county, so even a county role has something outside its reach. Each village gets one of every
 * entity a route can name (lib/world-seed.ts).
 *
 * Areas: A = township 1, village 1 (where every fixture role works); B = township 1, village 2
 * (outside a village's or a cadre's reach); C = township 2 (outside township 1's roles);
 * D = another county (outside the county's roles).
 */
import { randomUUID } from 'node:crypto';
import { defaultPhases, type Role, type UnitChain, type UnitKind } from '@fupin/domain';
import type { FastifyInstance } from 'fastify';
import { campaigns, units } from '../../apps/server/src/db/schema/index';
import type { SyntheticTownship } from '../../apps/server/src/demo/generate';
import { as, type CountyFixture, loginAs, seedCounty } from '../../apps/server/test/fixtures';
import { createTestApp, type TestApp } from '../../apps/server/test/harness';
import { NOW, seedArea, seedOtherCounty, seedPlace, uploadImport } from './world-seed';

export type AreaName = 'A' | 'B' | 'C' | 'D';

/** One village and everything a route can name in it (and in its township). */
export interface Area {
  name: AreaName;
  countyId: string;
  townshipId: string;
  villageId: string;
  groupId: string;
  campaignId: string;
  /** a household paired with `cadreId` */
  household: string;
  householdNumber: string;
  cadreId: string;
  cadreUsername: string;
  problem: string;
  evidence: string;
  order: string;
  site: string;
  visit: string;
  discrepancy: string;
  importId: string;
  ruleSet: string;
  job: string;
  round: string;
  objection: string;
  /** an account of the village that no suite logs in as, for user routes */
  user: string;
  username: string;
  assignment: string;
  /** the 派出单位 of the area's cadre */
  workUnit: string;
  /** a session id (SHA-256 hex) for /api/me/sessions/:id; none by default */
  session: string;
  /** a score sheet of the round for the village, and a photo id (none by default) */
  score: string;
  photo: string;
  /** a notification id for /api/me/notifications/:id; none by default */
  notification: string;
  /** ids of the village's own rows: no one outside the village may ever read one */
  villageSecrets: string[];
  /** ids of the township's rows: no one outside the township may ever read one */
  townshipSecrets: string[];
  /** full ID numbers of the village's members */
  idNumbers: string[];
  /** the village's households that `cadreId` is not paired with, and their members' ID numbers */
  unpaired: string[];
}

/** The fixture account that stands for each role of DOMAIN §1. */
export const ACTORS: Record<Role, string> = {
  county_admin: 'countyadmin',
  county_reviewer: 'reviewer',
  township_admin: 't1.admin',
  town_leader: 't1.leader',
  sector_leader: 't1.edu',
  discipline: 't1.discipline',
  judge: 't1.judge1',
  village_staff: 't1.v01',
  cadre: 't1.cadre001',
};

/** The area outside each role's reach that is nearest to it. */
export const OUTSIDE: Record<Role, AreaName> = {
  county_admin: 'D',
  county_reviewer: 'D',
  township_admin: 'C',
  town_leader: 'C',
  sector_leader: 'C',
  discipline: 'C',
  judge: 'C',
  village_staff: 'B',
  cadre: 'B',
};

export interface World {
  t: TestApp;
  app: FastifyInstance;
  county: CountyFixture;
  areas: Record<AreaName, Area>;
  /** every unit's chain, for asking the policy */
  chains: Map<string, UnitChain>;
  /** reads the unit tree again after routes created units */
  reloadChains(): Promise<void>;
  /** a logged-in client (cached per username; `relogin` after a session ends) */
  client(username: string): Promise<ReturnType<typeof as>>;
  cookie(username: string): Promise<string>;
  relogin(username: string): Promise<ReturnType<typeof as>>;
  userId(username: string): string;
}

/** Builds the world on a fresh database. */
export async function createWorld(): Promise<World> {
  const t = await createTestApp();
  const county = await seedCounty(t.database, NOW);
  const other = await seedOtherCounty(t);
  const otherCampaign = randomUUID();
  await t.database.db.insert(campaigns).values({
    townshipId: other.townshipId,
    id: otherCampaign,
    year: 2020,
    name: '2020年大走访大排查大比武',
    phases: defaultPhases(2020),
    createdAt: NOW,
    updatedAt: NOW,
  });
  const places = [
    await seedPlace(t, {
      countyId: county.countyId,
      townshipId: county.townships[0]?.id as string,
      data: county.townships[0]?.data as SyntheticTownship,
      campaignId: county.campaignIds[0] as string,
    }),
    await seedPlace(t, {
      countyId: county.countyId,
      townshipId: county.townships[1]?.id as string,
      data: county.townships[1]?.data as SyntheticTownship,
      campaignId: county.campaignIds[1] as string,
    }),
    await seedPlace(t, { ...other, campaignId: otherCampaign }),
  ] as const;
  const village = (a: Area) =>
    [...county.townships.map((x) => x.data), other.data].flatMap((d) => d.units).find((u) => u[0] === a.villageId)?.[7] as string;
  const areas = {
    A: await seedArea(t, 'A', places[0], 0),
    B: await seedArea(t, 'B', places[0], 1),
    C: await seedArea(t, 'C', places[1], 0),
    D: await seedArea(t, 'D', places[2], 0),
  };
  for (const a of Object.values(areas)) {
    a.importId = await uploadImport(t, a, village(a));
    a.villageSecrets.push(a.importId);
  }
  const chains = new Map<string, UnitChain>();
  const reloadChains = async () => {
    const rows = await t.database.db
      .select({
        id: units.id,
        kind: units.kind,
        countyId: units.countyId,
        townshipId: units.townshipId,
        villageId: units.villageId,
      })
      .from(units);
    for (const r of rows) chains.set(r.id, { ...r, kind: r.kind as UnitKind });
  };
  await reloadChains();
  const ids = new Map<string, string>();
  for (const u of [...county.users.values(), ...other.data.users]) ids.set(u.username, u.id);
  const cookies = new Map<string, string>();
  const cookie = async (username: string) => {
    if (!cookies.has(username)) cookies.set(username, await loginAs(t.app, username));
    return cookies.get(username) as string;
  };
  return {
    t,
    app: t.app,
    county,
    areas,
    chains,
    reloadChains,
    cookie,
    client: async (username) => as(t.app, await cookie(username)),
    relogin: async (username) => {
      cookies.delete(username);
      return as(t.app, await cookie(username));
    },
    userId: (username) => {
      const id = ids.get(username);
      if (!id) throw new Error(`no user ${username}`);
      return id;
    },
  };
}
