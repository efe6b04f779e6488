/**
 * A/B of migration 0009 (hash partitions by township, docs/SCALING.md): the routes of
 * bench/dashboards.ts on ONE seeded county, A migrated to 0008 (plain tables), B a copy of A
 * migrated to 0009 (the upgrade path itself, timed), two apps answering the same requests
 * alternately (A, B, then B, A), so the shared machine's load falls on both alike. Prints p50 and
 * p95 of each side and their ratio B/A; ratios of the routes on tables 0009 does not touch
 * (summaries, notifications) show how wide the noise is.
 *
 *   BENCH_DATABASE_URL=postgres://… node --import tsx bench/partition-ab.ts   (BENCH_REQUESTS=50)
 */

import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { migrateDatabase, openPostgres, selectRows } from '../apps/server/src/db/client';
import { seedCounty } from '../apps/server/src/demo/seed-county';
import { FixedClock, systemClock } from '../apps/server/src/lib/clock';
import { migrationsUpTo } from '../apps/server/src/ops/restore';
import { seedActivity } from './dashboards.data';
import { listenWithBaseline } from './lib/baseline-app';

const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!url) {
  console.log('partition-ab: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server; skipped');
  process.exit(0);
}
const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS_COUNTY ?? 50_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 50);
const PASSWORD = 'bench2026';
const nameA = `part_ab_a_${process.pid}`;
const nameB = `part_ab_b_${process.pid}`;
const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query(`create database ${nameA}`);
const at = (n: string) => {
  const u = new URL(url);
  u.pathname = `/${n}`;
  return u.toString();
};
let database = await openPostgres(at(nameA), 10);
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}
try {
  // A: the schema before partitioning (migrations 0000–0008).
  const folder = migrationsUpTo(9);
  await migrateDatabase(database, folder);
  rmSync(folder, { recursive: true, force: true });
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

  await database.close();
  await admin.query(`create database ${nameB} template ${nameA}`);
  database = await openPostgres(at(nameA), 10);
  const databaseB = await openPostgres(at(nameB), 10);
  const m0 = performance.now();
  await migrateDatabase(databaseB);
  console.log(`migration 0009 on the county with activity: ${((performance.now() - m0) / 1000).toFixed(1)} s`);
  await databaseB.db.execute(sql`analyze`);
  await database.db.execute(sql`analyze`);
  const bases: string[] = [];
  const apps = [];
  for (const d of [database, databaseB]) {
    const { app, base } = await listenWithBaseline(d, clock);
    bases.push(base);
    apps.push(app);
  }
  async function login(base: string, username: string): Promise<string> {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
    return (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
  }
  const jar = [];
  for (const base of bases)
    jar.push({
      cookies: await Promise.all(townships.map((t) => login(base, t.username))),
      countyCookie: await login(base, `${prefix}.admin`),
    });
  let cookies = jar[0]!.cookies;
  let countyCookie = jar[0]!.countyCookie;
  const routes: { label: string; path: (i: number) => string; cookie: (i: number) => string }[] = [
    {
      label: 'baseline: count(*) of households',
      path: (i) => `/api/bench/households-count?townshipId=${townships[i]?.id}`,
      cookie: (i) => cookies[i] as string,
    },
    {
      label: 'GET /api/dashboard (township)',
      path: (i) => `/api/dashboard?unitId=${townships[i]?.id}`,
      cookie: (i) => cookies[i] as string,
    },
    {
      label: 'GET /api/dashboard/visits (missing)',
      path: (i) => `/api/dashboard/visits?unitId=${townships[i]?.id}&state=missing`,
      cookie: (i) => cookies[i] as string,
    },
    {
      label: 'GET /api/dashboard/problems (overdue)',
      path: (i) => `/api/dashboard/problems?unitId=${townships[i]?.id}&state=overdue`,
      cookie: (i) => cookies[i] as string,
    },
    {
      label: 'GET /api/dashboard/summaries',
      path: (i) => `/api/dashboard/summaries?unitId=${townships[i]?.id}&kind=visit`,
      cookie: (i) => cookies[i] as string,
    },
    {
      label: 'GET /api/dashboard/county (15 townships)',
      path: () => `/api/dashboard/county?countyId=${county.countyId}`,
      cookie: () => countyCookie,
    },
    {
      label: 'GET /api/accountability',
      path: (i) => `/api/accountability?unitId=${townships[i]?.id}`,
      cookie: (i) => cookies[i] as string,
    },
    {
      label: 'GET /api/accountability/lapses',
      path: (i) => `/api/accountability/lapses?unitId=${townships[i]?.id}&kind=visit`,
      cookie: (i) => cookies[i] as string,
    },
    {
      label: 'GET /api/accountability/lapses.xlsx',
      path: (i) => `/api/accountability/lapses.xlsx?unitId=${townships[i]?.id}&kind=rectify`,
      cookie: (i) => cookies[i] as string,
    },
    { label: 'GET /api/me/notifications', path: () => '/api/me/notifications', cookie: () => cookies[0] as string },
    {
      label: 'GET /api/me/notifications/unread-count',
      path: () => '/api/me/notifications/unread-count',
      cookie: () => cookies[0] as string,
    },
  ];
  const rows: string[] = [];
  for (const r of routes) {
    const times: number[][] = [[], []];
    for (let i = -2; i < REQUESTS; i++) {
      for (const side of i % 2 === 0 ? [0, 1] : [1, 0]) {
        cookies = jar[side]!.cookies;
        countyCookie = jar[side]!.countyCookie;
        const k = ((i % townships.length) + townships.length) % townships.length;
        const t0 = performance.now();
        const res = await fetch(bases[side] + r.path(k), { headers: { cookie: r.cookie(k) } });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${r.label}: ${res.status}`);
        if (i >= 0) times[side]!.push(performance.now() - t0);
      }
    }
    const [a, b] = times.map((t) => t.sort((x, y) => x - y)) as [number[], number[]];
    rows.push(
      `${r.label.padEnd(42)} ${percentile(a, 50).toFixed(1).padStart(7)} ${percentile(b, 50).toFixed(1).padStart(7)} ${(percentile(b, 50) / percentile(a, 50)).toFixed(2).padStart(6)}   ${percentile(a, 95).toFixed(1).padStart(7)} ${percentile(b, 95).toFixed(1).padStart(7)} ${(percentile(b, 95) / percentile(a, 95)).toFixed(2).padStart(6)}`,
    );
  }
  console.log(
    `load average while measuring: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(', ')}`,
  );
  console.log(
    `${'route'.padEnd(42)} ${'p50 A'.padStart(7)} ${'p50 B'.padStart(7)} ${'B/A'.padStart(6)}   ${'p95 A'.padStart(7)} ${'p95 B'.padStart(7)} ${'B/A'.padStart(6)}   (A = 0008 plain, B = 0009 partitioned)`,
  );
  for (const r of rows) console.log(r);
  for (const app of apps) await app.close();
  await databaseB.close();
} finally {
  await database.close();
  await admin.query(`drop database if exists ${nameA} with (force)`);
  await admin.query(`drop database if exists ${nameB} with (force)`);
  await admin.end();
}
