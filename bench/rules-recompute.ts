/**
 * Benchmark: re-evaluate the county data set (about 15 townships, 50,000 households) on
 * PostgreSQL end to end — read every household with its members, evaluate the default rule set,
 * write the flags — against, in the same run, the bare read of the same rows as the baseline.
 * Target: under 5 s for 50,000 households.
 *
 *   BENCH_DATABASE_URL=postgres://… npm run bench -- recompute   (TEST_DATABASE_URL works too)
 */
import { and, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { migrateDatabase, openPostgres, selectRows } from '../apps/server/src/db/client';
import { ruleSets } from '../apps/server/src/db/schema/index';
import { seedCounty } from '../apps/server/src/demo/seed-county';
import { systemClock } from '../apps/server/src/lib/clock';
import { householdsForRules } from '../apps/server/src/modules/rules/load-households';
import { recomputeFlags } from '../apps/server/src/modules/rules/recompute';
import { printTable } from './lib/measure';

const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!url) {
  console.log('rules-recompute: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server; skipped');
  process.exit(0);
}
const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS_COUNTY ?? 50_000);
const name = `fupin_bench_rules_${process.pid}`;
const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query(`create database ${name}`);
const u = new URL(url);
u.pathname = `/${name}`;
const database = await openPostgres(u.toString(), 4);
try {
  await migrateDatabase(database);
  console.log(`seeding a county of ${HOUSEHOLDS.toLocaleString()} households …`);
  const county = await seedCounty(database, systemClock, {
    townships: 15,
    households: HOUSEHOLDS,
    villagesPerTownship: 12,
    password: 'bench2026',
    seed: 5,
  });
  await database.db.execute(sql`analyze`);
  const sets = await database.db
    .select()
    .from(ruleSets)
    .where(and(eq(ruleSets.status, 'active')));

  // Baseline: the same rows read, nothing evaluated or written.
  let t0 = performance.now();
  let read = 0;
  for (const set of sets) {
    let last = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await selectRows<{ id: string }>(
        database.db,
        householdsForRules(sql`h.township_id = ${set.townshipId} and h.id > ${last}`, 5000),
      );
      if (rows.length === 0) break;
      read += rows.length;
      last = rows[rows.length - 1]?.id as string;
    }
  }
  const readMs = performance.now() - t0;

  t0 = performance.now();
  let households = 0;
  let flags = 0;
  for (const set of sets) {
    const r = await recomputeFlags(database, systemClock, set, null);
    households += r.households;
    flags += r.flags;
  }
  const fullMs = performance.now() - t0;
  printTable(
    `Full re-evaluation of a county on PostgreSQL: ${county.townships} townships, ${households.toLocaleString()} households, ${county.members.toLocaleString()} members`,
    ['run', 'households', 'seconds', 'households/s', '× bare read', 'flags written'],
    [
      [
        'baseline: bare read of the same rows',
        read,
        (readMs / 1000).toFixed(2),
        Math.round((read / readMs) * 1000).toLocaleString(),
        '1.00',
        0,
      ],
      [
        'read + evaluate + write flags',
        households,
        (fullMs / 1000).toFixed(2),
        Math.round((households / fullMs) * 1000).toLocaleString(),
        (fullMs / readMs).toFixed(2),
        flags,
      ],
    ],
  );
  console.log(`target < 5 s for 50,000 households: ${fullMs < 5000 * (households / 50_000) ? 'met' : 'NOT met'}`);
} finally {
  await database.close();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
