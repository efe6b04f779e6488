/**
 * Benchmark: the dashboard and accountability routes at county scale on PostgreSQL, through the
 * real HTTP stack (Fastify listening, sessions, access checks, zod serialisation), against a
 * baseline measured in the same run: `select count(*)` of a township's households behind the
 * same stack and the same kind of access check — the floor any route pays. Each route is called
 * BENCH_REQUESTS times (default 50), rotating over the townships, each request just after one of
 * the baseline (lib/time-routes.ts), so its ratio is to a baseline taken under the same load.
 * Target: p95 ≤ 200 ms. The county (about 15 townships, 50,000 households) is seeded with
 * `seedCounty`, as `npm run fupin -- seed-county` builds it, plus a campaign's activity.
 *
 *   BENCH_DATABASE_URL=postgres://… npm run -w bench dashboards   (TEST_DATABASE_URL works too)
 *   BENCH_EXPLAIN=1 also prints the plan of the heaviest statements
 */
import { loadavg } from 'node:os';
import { shanghaiDate } from '@fupin/domain';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { migrateDatabase, openPostgres, selectRows } from '../apps/server/src/db/client';
import { seedCounty } from '../apps/server/src/demo/seed-county';
import { FixedClock, systemClock } from '../apps/server/src/lib/clock';
import { seedActivity } from './dashboards.data';
import { listenWithBaseline } from './lib/baseline-app';
import { printTable } from './lib/measure';
import { login, type Route, timeRoutes } from './lib/time-routes';

const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!url) {
  console.log('dashboards: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server; skipped');
  process.exit(0);
}
const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS_COUNTY ?? 50_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 50);
const TARGET_MS = 200;
const PASSWORD = 'bench2026';
const name = `fupin_bench_dash_${process.pid}`;
const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query(`create database ${name}`);
const u = new URL(url);
u.pathname = `/${name}`;
const database = await openPostgres(u.toString(), 10);

try {
  await migrateDatabase(database);
  console.log(`seeding a county of ${HOUSEHOLDS.toLocaleString()} households …`);
  const seededAt = systemClock.now();
  const county = await seedCounty(
    database,
    { now: () => seededAt },
    {
      townships: 15,
      households: HOUSEHOLDS,
      villagesPerTownship: 12,
      password: PASSWORD,
      seed: 5,
    },
  );
  // Three weeks into the campaign: the visits and summaries are past due, the sprint under way.
  const clock = new FixedClock(new Date(seededAt.getTime() + 21 * 86_400_000));
  const prefix = `c${county.countyCode.slice(4, 6)}`;
  // One discipline commission member per township (they hold dashboard.read, accountability.read and household.read).
  const townships = await selectRows<{ id: string; username: string; user_id: string }>(
    database.db,
    sql`select t.id, u.username, u.id as user_id from units t
        join role_assignments ra on ra.unit_id = t.id and ra.role = 'discipline'
        join users u on u.id = ra.user_id
        where t.county_id = ${county.countyId} and t.kind = 'township' order by t.sort_order, t.name`,
  );
  const disciplineOne = { id: townships[0]?.user_id };
  const activity = await seedActivity(database, county.countyId, clock.now(), disciplineOne?.id as string);
  await database.db.execute(sql`analyze`);
  console.log(
    `activity: ${activity.visits.toLocaleString()} visits, ${activity.problems.toLocaleString()} problems, ${activity.summaries} summaries, ${activity.inspections} inspections, ${activity.orders} orders, ${activity.notifications} notifications`,
  );

  const { app, base } = await listenWithBaseline(database, clock);

  const cookies = await Promise.all(townships.map((t) => login(base, t.username, PASSWORD)));
  const countyCookie = await login(base, `${prefix}.admin`, PASSWORD);

  // Request i goes to township i (rotating), with that township's discipline member's cookie.
  const k = (i: number) => i % townships.length;
  const baseline: Route = {
    label: 'baseline: count(*) of households',
    path: (i) => `/api/bench/households-count?townshipId=${townships[k(i)]?.id}`,
    cookie: (i) => cookies[k(i)] as string,
  };
  const routes: Route[] = [
    {
      label: 'GET /api/dashboard (township)',
      path: (i) => `/api/dashboard?unitId=${townships[k(i)]?.id}`,
      cookie: (i) => cookies[k(i)] as string,
    },
    {
      label: 'GET /api/dashboard/visits (missing)',
      path: (i) => `/api/dashboard/visits?unitId=${townships[k(i)]?.id}&state=missing`,
      cookie: (i) => cookies[k(i)] as string,
    },
    {
      label: 'GET /api/dashboard/problems (overdue)',
      path: (i) => `/api/dashboard/problems?unitId=${townships[k(i)]?.id}&state=overdue`,
      cookie: (i) => cookies[k(i)] as string,
    },
    {
      label: 'GET /api/dashboard/summaries',
      path: (i) => `/api/dashboard/summaries?unitId=${townships[k(i)]?.id}&kind=visit`,
      cookie: (i) => cookies[k(i)] as string,
    },
    {
      label: 'GET /api/dashboard/county (15 townships)',
      path: () => `/api/dashboard/county?countyId=${county.countyId}`,
      cookie: () => countyCookie,
    },
    {
      label: 'GET /api/accountability',
      path: (i) => `/api/accountability?unitId=${townships[k(i)]?.id}`,
      cookie: (i) => cookies[k(i)] as string,
    },
    {
      label: 'GET /api/accountability/lapses',
      path: (i) => `/api/accountability/lapses?unitId=${townships[k(i)]?.id}&kind=visit`,
      cookie: (i) => cookies[k(i)] as string,
    },
    {
      label: 'GET /api/accountability/lapses.xlsx',
      path: (i) => `/api/accountability/lapses.xlsx?unitId=${townships[k(i)]?.id}&kind=rectify`,
      cookie: (i) => cookies[k(i)] as string,
    },
    { label: 'GET /api/me/notifications', path: () => '/api/me/notifications', cookie: () => cookies[0] as string },
    {
      label: 'GET /api/me/notifications/unread-count',
      path: () => '/api/me/notifications/unread-count',
      cookie: () => cookies[0] as string,
    },
  ];
  // Each route's requests are interleaved with the baseline's, so its ratio is to a baseline taken under the same load.
  const results = await timeRoutes(base, baseline, routes, REQUESTS);
  // The machine may be shared: the load average says how far the figures are from an idle one's.
  console.log(
    `load average (1, 5, 15 min) while measuring: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(', ')}`,
  );
  printTable(
    `Dashboards on PostgreSQL: ${county.townships} townships, ${county.households.toLocaleString()} households, ${REQUESTS} requests a route, clock ${shanghaiDate(clock.now())}`,
    ['route', 'p50 ms', 'p95 ms', 'max ms', '× baseline p50', 'largest answer'],
    results.map((r) => [
      r.label,
      r.p50.toFixed(1),
      r.p95.toFixed(1),
      r.max.toFixed(1),
      (r.p50 / r.baseP50).toFixed(1),
      `${(r.bytes / 1024).toFixed(1)} kB`,
    ]),
  );
  const slow = results.filter((r) => r.p95 > TARGET_MS);
  console.log(`target p95 ≤ ${TARGET_MS} ms: ${slow.length === 0 ? 'met' : `NOT met (${slow.map((r) => r.label).join(', ')})`}`);

  if (process.env.BENCH_EXPLAIN) {
    const t = townships[0]?.id as string;
    for (const [label, q] of [
      [
        'problems by village and category',
        `select village_id, category, count(*) from problems where township_id = '${t}' group by 1, 2`,
      ],
      ['first visit per household', `select household_id, min(visited_at) from visits where township_id = '${t}' group by 1`],
      [
        'notifications of a person',
        `select * from notifications where user_id = '${disciplineOne?.id}' order by created_at desc limit 50`,
      ],
    ]) {
      const plan = await selectRows<{ 'QUERY PLAN': string }>(database.db, sql.raw(`explain analyze ${q}`));
      console.log(`\n${label}\n${plan.map((p) => p['QUERY PLAN']).join('\n')}`);
    }
  }
  await app.close();
} finally {
  await database.close();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
