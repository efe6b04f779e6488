/**
 * The county the dashboard benches measure: one county of 15 townships seeded by the real seeder
 * (`seedCounty`), a campaign's activity three weeks in (dashboards.data.ts), ANALYZE; and the
 * routes they time over it, each request rotating over the townships as that township's
 * discipline commission member.
 */
import { sql } from 'drizzle-orm';
import { type Database, selectRows } from '../../apps/server/src/db/client';
import { seedCounty } from '../../apps/server/src/demo/seed-county';
import { FixedClock, systemClock } from '../../apps/server/src/lib/clock';
import { seedActivity } from '../dashboards.data';
import type { Route } from './time-routes';

export interface CountySet {
  countyId: string;
  /** the county administrator's username */
  countyAdmin: string;
  /** each township with its discipline commission member */
  townships: { id: string; username: string; userId: string }[];
  households: number;
  clock: FixedClock;
}

export async function seedCountySet(database: Database, households: number, password: string): Promise<CountySet> {
  console.log(`seeding a county of ${households.toLocaleString()} households …`);
  const seededAt = systemClock.now();
  const county = await seedCounty(
    database,
    { now: () => seededAt },
    { townships: 15, households, villagesPerTownship: 12, password, seed: 5 },
  );
  // Three weeks into the campaign: the visits and summaries are past due, the sprint under way.
  const clock = new FixedClock(new Date(seededAt.getTime() + 21 * 86_400_000));
  // One discipline commission member per township (they hold dashboard.read, accountability.read and household.read).
  const townships = await selectRows<{ id: string; username: string; user_id: string }>(
    database.db,
    sql`select t.id, u.username, u.id as user_id from units t
        join role_assignments ra on ra.unit_id = t.id and ra.role = 'discipline'
        join users u on u.id = ra.user_id
        where t.county_id = ${county.countyId} and t.kind = 'township' order by t.sort_order, t.name`,
  );
  const activity = await seedActivity(database, county.countyId, clock.now(), townships[0]?.user_id as string);
  await database.db.execute(sql`analyze`);
  console.log(
    `activity: ${activity.visits.toLocaleString()} visits, ${activity.problems.toLocaleString()} problems, ${activity.summaries} summaries, ${activity.inspections} inspections, ${activity.orders} orders, ${activity.notifications} notifications`,
  );
  return {
    countyId: county.countyId,
    countyAdmin: `c${county.countyCode.slice(4, 6)}.admin`,
    townships: townships.map((t) => ({ id: t.id, username: t.username, userId: t.user_id })),
    households: county.households,
    clock,
  };
}

/**
 * The baseline (`count(*)` of a township's households) and the measured routes. Request i goes to
 * township i (rotating) with `cookie(i)`; the county view with `countyCookie()`.
 */
export function countyRoutes(
  set: CountySet,
  cookie: (township: number) => string,
  countyCookie: () => string,
): { baseline: Route; routes: Route[] } {
  const k = (i: number) => ((i % set.townships.length) + set.townships.length) % set.townships.length;
  const township = (label: string, path: (id: string) => string): Route => ({
    label,
    path: (i) => path(set.townships[k(i)]?.id as string),
    cookie: (i) => cookie(k(i)),
  });
  return {
    baseline: township('baseline: count(*) of households', (t) => `/api/bench/households-count?townshipId=${t}`),
    routes: [
      township('GET /api/dashboard (township)', (t) => `/api/dashboard?unitId=${t}`),
      township('GET /api/dashboard/visits (missing)', (t) => `/api/dashboard/visits?unitId=${t}&state=missing`),
      township('GET /api/dashboard/problems (overdue)', (t) => `/api/dashboard/problems?unitId=${t}&state=overdue`),
      township('GET /api/dashboard/summaries', (t) => `/api/dashboard/summaries?unitId=${t}&kind=visit`),
      {
        label: 'GET /api/dashboard/county (15 townships)',
        path: () => `/api/dashboard/county?countyId=${set.countyId}`,
        cookie: countyCookie,
      },
      township('GET /api/accountability', (t) => `/api/accountability?unitId=${t}`),
      township('GET /api/accountability/lapses', (t) => `/api/accountability/lapses?unitId=${t}&kind=visit`),
      township('GET /api/accountability/lapses.xlsx', (t) => `/api/accountability/lapses.xlsx?unitId=${t}&kind=rectify`),
      { label: 'GET /api/me/notifications', path: () => '/api/me/notifications', cookie: () => cookie(0) },
      {
        label: 'GET /api/me/notifications/unread-count',
        path: () => '/api/me/notifications/unread-count',
        cookie: () => cookie(0),
      },
    ],
  };
}
