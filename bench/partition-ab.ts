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
import { migrateDatabase, openPostgres } from '../apps/server/src/db/client';
import { migrationsUpTo } from '../apps/server/src/ops/restore';
import { listenWithBaseline } from './lib/baseline-app';
import { countyRoutes, seedCountySet } from './lib/county-set';
import { login, percentile } from './lib/time-routes';

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
try {
  // A: the schema before partitioning (migrations 0000–0008).
  const folder = migrationsUpTo(9);
  await migrateDatabase(database, folder);
  rmSync(folder, { recursive: true, force: true });
  const set = await seedCountySet(database, HOUSEHOLDS, PASSWORD);
  const { townships, clock } = set;
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
  const jar: { cookies: string[]; countyCookie: string }[] = [];
  for (const base of bases)
    jar.push({
      cookies: await Promise.all(townships.map((t) => login(base, t.username, PASSWORD))),
      countyCookie: await login(base, set.countyAdmin, PASSWORD),
    });
  // The side being asked: its own sessions.
  let side = 0;
  const { baseline, routes: measured } = countyRoutes(
    set,
    (i) => jar[side]?.cookies[i] as string,
    () => jar[side]?.countyCookie as string,
  );
  const routes = [baseline, ...measured];
  const rows: string[] = [];
  for (const r of routes) {
    const times: number[][] = [[], []];
    for (let i = -2; i < REQUESTS; i++) {
      for (side of i % 2 === 0 ? [0, 1] : [1, 0]) {
        const t0 = performance.now();
        const res = await fetch(bases[side] + r.path(i), { headers: { cookie: r.cookie(i) } });
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
