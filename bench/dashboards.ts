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
import { listenWithBaseline } from './lib/baseline-app';
import { countyRoutes, seedCountySet } from './lib/county-set';
import { printTable } from './lib/measure';
import { login, timeRoutes } from './lib/time-routes';

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
  const set = await seedCountySet(database, HOUSEHOLDS, PASSWORD);
  const { townships, clock } = set;
  const { app, base } = await listenWithBaseline(database, clock);
  const cookies = await Promise.all(townships.map((t) => login(base, t.username, PASSWORD)));
  const countyCookie = await login(base, set.countyAdmin, PASSWORD);
  const { baseline, routes } = countyRoutes(
    set,
    (i) => cookies[i] as string,
    () => countyCookie,
  );
  // Each route's requests are interleaved with the baseline's, so its ratio is to a baseline taken under the same load.
  const results = await timeRoutes(base, baseline, routes, REQUESTS);
  // The machine may be shared: the load average says how far the figures are from an idle one's.
  console.log(
    `load average (1, 5, 15 min) while measuring: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(', ')}`,
  );
  printTable(
    `Dashboards on PostgreSQL: ${townships.length} townships, ${set.households.toLocaleString()} households, ${REQUESTS} requests a route, clock ${shanghaiDate(clock.now())}`,
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
        `select * from notifications where user_id = '${townships[0]?.userId}' order by created_at desc limit 50`,
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
