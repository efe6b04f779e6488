/**
 * Benchmark: how the dashboards and a full rule re-evaluation grow from a county to a province on
 * PostgreSQL, in one run and one database of its own (dropped at the end unless BENCH_KEEP=1).
 *
 * 1. The county set: one county of 15 townships and 50,000 households seeded by the real seeder
 *    (`seedCounty`, as `npm run fupin -- seed-county` builds it) plus a campaign's activity
 *    (bench/dashboards.data.ts). Measured.
 * 2. The province set: that county copied in SQL into 20 counties (lib/clone-county.ts): 300
 *    townships of 3,333 households, 1,000,000 households and about 3.5 million members, then
 *    ANALYZE. Measured again: on the very same 15 townships (same rows, 20× the neighbours), and
 *    spread over townships of every county (what a province's readers really ask for).
 *
 * Each route is called through the real HTTP stack (Fastify listening, sessions, access checks,
 * serialisation) BENCH_REQUESTS times (default 50), rotating over the townships, p50 and p95;
 * the baseline, measured in the same run, is `select count(*)` of one township's households behind
 * the same stack and access check. The re-evaluation is `recomputeFlags`, the path of the
 * recompute job, for one township and for every township, against the bare read of one township.
 *
 *   BENCH_DATABASE_URL=postgres://… npm run -w bench province   (TEST_DATABASE_URL works too)
 *   BENCH_PROVINCE_HOUSEHOLDS=100000 for a quick run (copies = province ÷ county − 1)
 */
import { loadavg } from 'node:os';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { type Database, migrateDatabase, openPostgres, selectRows } from '../apps/server/src/db/client';
import { ruleSets } from '../apps/server/src/db/schema/index';
import { HOUSEHOLD_SIZES } from '../apps/server/src/demo/generate';
import { seedCounty } from '../apps/server/src/demo/seed-county';
import { FixedClock, systemClock } from '../apps/server/src/lib/clock';
import { householdsForRules } from '../apps/server/src/modules/rules/load-households';
import { recomputeFlags } from '../apps/server/src/modules/rules/recompute';
import { seedActivity } from './dashboards.data';
import { listenWithBaseline } from './lib/baseline-app';
import { cloneCounty } from './lib/clone-county';
import { printTable } from './lib/measure';
import { login, type Route, type Timing, timeRoutes } from './lib/time-routes';

const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!url) {
  console.log('province: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server; skipped');
  process.exit(0);
}
const COUNTY = Number(process.env.BENCH_HOUSEHOLDS_COUNTY ?? 50_000);
const PROVINCE = Number(process.env.BENCH_PROVINCE_HOUSEHOLDS ?? 1_000_000);
const COPIES = Math.max(1, Math.round(PROVINCE / COUNTY) - 1);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 50);
const PASSWORD = 'bench2026';
/**
 * The seeder's sizes with a 4 and a 5 more: 0.06 elderly alone + 0.94 × 55/15 ≈ 3.51 people a
 * household, so a million households carry the issue's 3.5 million members (the default list
 * gives 3.39).
 */
const SIZES = [...HOUSEHOLD_SIZES, 4, 5];
const name = `fupin_bench_province_${process.pid}`;
const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query(`create database ${name}`);
const u = new URL(url);
u.pathname = `/${name}`;
const database = await openPostgres(u.toString(), 10);

const started = performance.now();
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(', ');
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

interface Target {
  townshipId: string;
  countyId: string;
  cookie: string;
  problemId: string;
}

/** The discipline commission member of each township (dashboard, accountability and problem reads), by county code. */
async function townshipReaders(db: Database['db']) {
  return selectRows<{ id: string; county_id: string; username: string }>(
    db,
    sql`select t.id, t.county_id, u.username from units t
        join units c on c.id = t.county_id
        join role_assignments ra on ra.unit_id = t.id and ra.role = 'discipline'
        join users u on u.id = ra.user_id
        where t.kind = 'township' order by c.code, t.sort_order, t.name`,
  );
}

async function targetsOf(base: string, readers: { id: string; county_id: string; username: string }[]): Promise<Target[]> {
  const ids = readers.map((r) => r.id);
  const problems = await selectRows<{ township_id: string; id: string }>(
    database.db,
    sql`select township_id, min(id::text) as id from problems
        where township_id in (${sql.join(
          ids.map((i) => sql`${i}::uuid`),
          sql`, `,
        )}) group by 1`,
  );
  const problemOf = new Map(problems.map((p) => [p.township_id, p.id]));
  const out: Target[] = [];
  for (const r of readers)
    out.push({
      townshipId: r.id,
      countyId: r.county_id,
      cookie: await login(base, r.username, PASSWORD),
      problemId: problemOf.get(r.id) as string,
    });
  return out;
}

/** The measured routes over a rotation of townships and of counties (with a county admin's cookie each). */
function routesOf(ts: Target[], counties: { id: string; cookie: string }[]): [Route, Route[]] {
  const t = (i: number) => ts[i % ts.length] as Target;
  const c = (i: number) => counties[i % counties.length] as { id: string; cookie: string };
  const township = (label: string, path: (x: Target) => string): Route => ({
    label,
    path: (i) => path(t(i)),
    cookie: (i) => t(i).cookie,
  });
  return [
    township('baseline: count(*) of households', (x) => `/api/bench/households-count?townshipId=${x.townshipId}`),
    [
      township('GET /api/dashboard (township)', (x) => `/api/dashboard?unitId=${x.townshipId}`),
      township('GET /api/dashboard/visits (missing)', (x) => `/api/dashboard/visits?unitId=${x.townshipId}&state=missing`),
      township('GET /api/dashboard/problems (overdue)', (x) => `/api/dashboard/problems?unitId=${x.townshipId}&state=overdue`),
      {
        label: 'GET /api/dashboard/county (15 townships)',
        path: (i) => `/api/dashboard/county?countyId=${c(i).id}`,
        cookie: (i) => c(i).cookie,
      },
      township('GET /api/accountability (township)', (x) => `/api/accountability?unitId=${x.townshipId}`),
      township('GET /api/accountability/lapses', (x) => `/api/accountability/lapses?unitId=${x.townshipId}&kind=visit`),
      township('GET /api/problems/:id (by id alone)', (x) => `/api/problems/${x.problemId}`),
    ],
  ];
}

interface Rerun {
  label: string;
  households: number;
  ms: number;
}

/** Bare read of one township's rule rows (the baseline), then recomputeFlags for one township and for all. */
async function reevaluate(first: string): Promise<Rerun[]> {
  const sets = await database.db.select().from(ruleSets).where(eq(ruleSets.status, 'active'));
  const one = sets.find((s) => s.townshipId === first);
  if (!one) throw new Error('no active rule set for the first township');
  let t0 = performance.now();
  let read = 0;
  let last = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await selectRows<{ id: string }>(
      database.db,
      householdsForRules(sql`h.township_id = ${first} and h.id > ${last}`, 5000),
    );
    if (rows.length === 0) break;
    read += rows.length;
    last = rows.at(-1)?.id as string;
  }
  const out: Rerun[] = [{ label: 'baseline: bare read of one township', households: read, ms: performance.now() - t0 }];
  t0 = performance.now();
  const r = await recomputeFlags(database, systemClock, one, null);
  out.push({ label: 'recompute one township', households: r.households, ms: performance.now() - t0 });
  t0 = performance.now();
  let households = 0;
  for (const set of sets) households += (await recomputeFlags(database, systemClock, set, null)).households;
  out.push({ label: `recompute all ${sets.length} townships`, households, ms: performance.now() - t0 });
  return out;
}

async function sizes(): Promise<string> {
  const rows = await selectRows<{ t: string; n: number; mb: number }>(
    database.db,
    sql`select t, (select count(*) from pg_partition_tree(t::regclass) where isleaf)::int as n,
          round(coalesce((select sum(pg_total_relation_size(relid)) from pg_partition_tree(t::regclass)), pg_total_relation_size(t::regclass)) / 1048576.0)::int as mb
        from unnest(array['households', 'members', 'household_flags', 'visits', 'problems', 'audit_log']) t`,
  );
  const [db] = await selectRows<{ mb: number }>(
    database.db,
    sql`select round(pg_database_size(current_database()) / 1048576.0)::int as mb`,
  );
  return `${rows.map((r) => `${r.t} ${r.mb} MB${r.n > 1 ? ` in ${r.n} partitions` : ''}`).join(', ')}; database ${db?.mb} MB`;
}

async function counts(): Promise<string> {
  const [c] = await selectRows<{ t: number; h: number; m: number; v: number; p: number }>(
    database.db,
    sql`select (select count(*) from units where kind = 'township')::int as t, (select count(*) from households)::int as h,
          (select count(*) from members)::int as m, (select count(*) from visits)::int as v, (select count(*) from problems)::int as p`,
  );
  return `${c?.t} townships, ${c?.h.toLocaleString()} households, ${c?.m.toLocaleString()} members, ${c?.v.toLocaleString()} visits, ${c?.p.toLocaleString()} problems`;
}

try {
  await migrateDatabase(database);
  const [migration] = await selectRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from pg_class where relkind = 'p' and relname = 'households'`,
  );
  const schema = migration?.n ? 'households partitioned by township (hash)' : 'households not partitioned';
  console.log(`schema: ${schema}`);
  console.log(`seeding a county of ${COUNTY.toLocaleString()} households with the seeder …`);
  let t0 = performance.now();
  const seededAt = systemClock.now();
  const county = await seedCounty(
    database,
    { now: () => seededAt },
    { townships: 15, households: COUNTY, villagesPerTownship: 12, password: PASSWORD, seed: 5, householdSizes: SIZES },
  );
  // Three weeks into the campaign: the visits and summaries are past due, the sprint under way.
  const clock = new FixedClock(new Date(seededAt.getTime() + 21 * 86_400_000));
  const [countyAdmin] = await selectRows<{ id: string }>(
    database.db,
    sql`select ra.user_id as id from role_assignments ra where ra.unit_id = ${county.countyId} and ra.role = 'county_admin'`,
  );
  await seedActivity(database, county.countyId, clock.now(), countyAdmin?.id as string);
  await database.db.execute(sql`analyze`);
  const seedMs = performance.now() - t0;
  console.log(`county set in ${seconds(seedMs)}: ${await counts()}`);

  const { app, base } = await listenWithBaseline(database, clock);
  const countyCookie = async (countyId: string) => {
    const [a] = await selectRows<{ username: string }>(
      database.db,
      sql`select u.username from users u join role_assignments ra on ra.user_id = u.id
          where ra.unit_id = ${countyId} and ra.role = 'county_admin'`,
    );
    return { id: countyId, cookie: await login(base, a?.username as string, PASSWORD) };
  };

  const own = await targetsOf(base, await townshipReaders(database.db));
  const first = own[0]?.townshipId as string;
  const ownCounty = await countyCookie(county.countyId);
  const loadCounty = load();
  const atCounty = await timeRoutes(base, ...routesOf(own, [ownCounty]), REQUESTS);
  const rerunCounty = await reevaluate(first);
  console.log(`county measured (load ${loadCounty} → ${load()}); ${await sizes()}`);

  console.log(`copying the county ${COPIES} times in SQL …`);
  t0 = performance.now();
  const copied = await cloneCounty(database, county.countyCode, COPIES, (p) =>
    console.log(`  copies ${p.from}–${p.to} of ${COPIES}: ${p.rows.toLocaleString()} rows in ${seconds(p.ms)}`),
  );
  const cloneMs = performance.now() - t0;
  t0 = performance.now();
  await database.db.execute(sql`analyze`);
  const analyzeMs = performance.now() - t0;
  console.log(
    `province set: ${copied.toLocaleString()} rows copied in ${seconds(cloneMs)}, ANALYZE ${seconds(analyzeMs)}: ${await counts()}`,
  );
  console.log(await sizes());

  const loadProvince = load();
  const atProvince = await timeRoutes(base, ...routesOf(own, [ownCounty]), REQUESTS);
  // Spread: one township of every few across all counties, and every county's view.
  const readers = await townshipReaders(database.db);
  const step = Math.max(1, Math.floor(readers.length / REQUESTS));
  const spread = await targetsOf(
    base,
    readers.filter((_, i) => i % step === 0),
  );
  const counties = await Promise.all([...new Set(readers.map((r) => r.county_id))].map(countyCookie));
  const atSpread = await timeRoutes(base, ...routesOf(spread, counties), REQUESTS);
  const rerunProvince = await reevaluate(first);
  const loadEnd = load();

  printTable(
    `County (${county.households.toLocaleString()} households) → province (${((COPIES + 1) * county.households).toLocaleString()}): ${REQUESTS} requests a route; load ${loadCounty} (county), ${loadProvince} (province), ${loadEnd} (end)`,
    [
      'query',
      'county p50/p95 ms',
      '× baseline',
      'province p50/p95 ms',
      '× baseline',
      'growth p50',
      'growth in × baseline',
      'province, any township p50/p95 ms',
      '× baseline',
    ],
    atCounty.map((c, i) => {
      const p = atProvince[i] as Timing;
      const s = atSpread[i] as Timing;
      return [
        c.label,
        `${c.p50.toFixed(1)} / ${c.p95.toFixed(1)}`,
        (c.p50 / c.baseP50).toFixed(1),
        `${p.p50.toFixed(1)} / ${p.p95.toFixed(1)}`,
        (p.p50 / p.baseP50).toFixed(1),
        ratio(p.p50, c.p50),
        ratio(p.p50 / p.baseP50, c.p50 / c.baseP50),
        `${s.p50.toFixed(1)} / ${s.p95.toFixed(1)}`,
        (s.p50 / s.baseP50).toFixed(1),
      ];
    }),
  );
  printTable(
    'Full rule re-evaluation (recomputeFlags: read, evaluate, write flags)',
    ['run', 'county households', 'county s', 'county households/s', 'province households', 'province s', 'province households/s'],
    rerunCounty.map((c, i) => {
      const p = rerunProvince[i] as Rerun;
      const rate = (r: Rerun) => Math.round((r.households / r.ms) * 1000).toLocaleString();
      return [
        i === 2 ? 'recompute all townships' : c.label,
        c.households.toLocaleString(),
        (c.ms / 1000).toFixed(2),
        rate(c),
        p.households.toLocaleString(),
        (p.ms / 1000).toFixed(2),
        rate(p),
      ];
    }),
  );
  console.log(
    `\ngeneration: county by the seeder ${seconds(seedMs)}, ${COPIES} copies in SQL ${seconds(cloneMs)}, ANALYZE ${seconds(analyzeMs)}; ${schema}; whole run ${seconds(performance.now() - started)}`,
  );
  for (const [label, q] of [
    ['baseline at province size', `select count(*) from households where township_id = '${first}'`],
    ['a problem by id alone', `select * from problems where id = '${own[0]?.problemId}' limit 1`],
  ]) {
    const plan = await selectRows<{ 'QUERY PLAN': string }>(
      database.db,
      sql.raw(`explain (analyze, costs off, summary off) ${q}`),
    );
    console.log(`\n${label}\n${plan.map((p) => p['QUERY PLAN']).join('\n')}`);
  }
  await app.close();
} finally {
  await database.close();
  if (process.env.BENCH_KEEP) console.log(`kept database ${name}`);
  else await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
