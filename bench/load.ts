/**
 * Benchmark: HTTP load on the real server over PostgreSQL, with autocannon (issue 9, "Load").
 *
 *   1. the township dashboard (GET /api/dashboard) as the township office reads it, alone (one
 *      connection) and under BENCH_CONNECTIONS, on the demo township as seeded;
 *   2. rounds of three runs each, interleaved so that the machine's other work falls on all three
 *      alike (the machine is shared; a ratio is only meaningful within a round):
 *      a. visit submission (POST /api/visits): every request a new form with its own client id,
 *         from 16 cadres for their paired households, each with the cadre's session;
 *      b. baseline "same rows" — the one the target is judged against: through `pg` directly,
 *         exactly the rows one submission writes (checked below on what the server really wrote:
 *         for this payload the visit row and its audit_log entry, no discrepancy, no problem),
 *         with the same contents and sizes (the same form; `computed`, `plausibility` and the
 *         audit entry's `after` copied from what the server stored for that household), one
 *         transaction per submission (BEGIN, two INSERTs, COMMIT), the same concurrency; no HTTP,
 *         no validation, no session, no access check, no reads;
 *      c. baseline "visit row only": the visit row alone, one autocommit INSERT a row (the first
 *         baseline this bench had, kept so the figure can be compared with earlier runs).
 * Prints throughput, p50/p99 latency, errors and non-2xx, and for each round the submission's rows
 * per second against each baseline's; and the CPU each run cost per row written, by party (the
 * server process, this process — autocannon or the pg loop —, PostgreSQL's backends on the bench
 * database, from /proc): on a shared machine rows per second swing with the neighbours' load, CPU
 * per row much less, and it says where a submission's cost lies. The issue's target — no errors and at least half the
 * baseline's rows per second, the baseline being "a raw pg insert loop of the same rows" — is
 * judged on the median over the rounds of the submission / "same rows" ratio.
 *
 * The database gets ANALYZE after seeding: this machine's PostgreSQL runs without autovacuum, and
 * without statistics the dashboard's plans were ten times slower (a production server's
 * autovacuum analyzes freshly loaded tables within a minute).
 *
 * Last runs (2026-11-29, shared 2-core machine, load average 4.6–6.3): 0 errors; submission / same
 * rows 0.51, 0.54, 0.47 → median 0.51, then 0.52, 0.49, 0.47 → 0.49, and with the named statements
 * on a pool of their own 0.59, 0.47, 0.56 → 0.56 (load 4.5) and 0.52, 0.49, 0.52 → 0.52 (load 3–4.7); 367–722 submissions/s, p50 9–19 ms,
 * p99 28–79 ms; CPU a visit: server 1.0–1.1 ms, PostgreSQL 1.3–1.4 ms, autocannon
 * 0.16–0.19 ms (baseline: pg loop 0.32–0.38 ms, PostgreSQL 1.0 ms).
 *
 *   npm run -w bench load        (needs BENCH_DATABASE_URL or TEST_DATABASE_URL: a PostgreSQL server)
 *   BENCH_SECONDS (default 10) per run, BENCH_ROUNDS (default 3), BENCH_CONNECTIONS (default 8),
 *   BENCH_HOUSEHOLDS (default 3000), BENCH_CPU_PROF=<folder> (the server writes a V8 CPU profile
 *   there when it stops; each submission run's span is printed as "profile window <from> <to>" in
 *   the profile's clock, microseconds)
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import type { Household } from '@fupin/domain';
import autocannon, { type Result } from 'autocannon';
import pg from 'pg';
import { uuidv7 } from '../apps/server/src/lib/ids';
import { type Cadre, cadreOf, Session, visitForms } from '../reliability/crash/http';
import { type RunningServer, startServer } from '../reliability/crash/server';
import { printTable, processCpuMs } from './lib/measure';

const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 8);
const households = process.env.BENCH_HOUSEHOLDS ?? '3000';
const CADRES = Array.from({ length: 16 }, (_, i) => `cadre${String(i + 1).padStart(3, '0')}`);
const ID = '00000000-0000-4000-8000-000000000000';

if (!serverUrl) {
  console.log('load benchmark skipped: it runs on PostgreSQL; set BENCH_DATABASE_URL (or TEST_DATABASE_URL)');
  process.exit(0);
}

const dbName = `fupin_load_${process.pid}`;
const dbUrl = (() => {
  const u = new URL(serverUrl);
  u.pathname = `/${dbName}`;
  return u.toString();
})();
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
const pool = new pg.Pool({ connectionString: dbUrl, max: connections });
// DROP DATABASE … WITH (FORCE) at the end ends connections the pool may still hold.
pool.on('error', () => {});
let server: RunningServer | null = null;

/** A visit someone may submit: the cadre's session, their id, a form as JSON with a placeholder id. */
interface Slot {
  cookie: string;
  visitorId: string;
  household: Household;
  campaignId: string;
  townshipId: string;
  json: string;
}

/** What the server stored for a household's submission, copied into the "same rows" baseline. */
interface Stored {
  computed: unknown;
  plausibility: unknown;
  membersConfirmed: unknown;
  audit: { actorName: string; unitId: string; after: Record<string, unknown>; requestId: string; ip: string };
}

/** A run outside HTTP: rows written, seconds, per-write latencies, errors. */
interface Loop {
  rows: number;
  seconds: number;
  latencies: number[];
  errors: number;
}

/** Tables a submission may write, counted around the HTTP runs to show what one really writes. */
const WRITTEN = ['visits', 'audit_log', 'discrepancies', 'problems', 'problem_events', 'notifications'];
/** Rows of each, in one snapshot. */
async function countsNow(): Promise<Record<string, number>> {
  const { rows } = await pool.query(`SELECT ${WRITTEN.map((t) => `(SELECT count(*) FROM ${t})::int AS ${t}`).join(', ')}`);
  return rows[0];
}
/** The counts once requests still in flight when a run ended have committed (two equal readings). */
async function counts(): Promise<Record<string, number>> {
  let last = await countsNow();
  for (;;) {
    await new Promise((r) => setTimeout(r, 200));
    const now = await countsNow();
    if (WRITTEN.every((t) => now[t] === last[t])) return now;
    last = now;
  }
}

/** `connections` workers, each running `write` in a loop for `seconds`. */
async function loop(write: (slot: Slot, n: number) => Promise<void>, slots: Slot[]): Promise<Loop> {
  const out: Loop = { rows: 0, seconds: 0, latencies: [], errors: 0 };
  const deadline = Date.now() + seconds * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: connections }, async (_, worker) => {
      for (let i = worker; Date.now() < deadline; i += connections) {
        const t = performance.now();
        try {
          await write(slots[i % slots.length] as Slot, i);
          out.rows++;
          out.latencies.push(performance.now() - t);
        } catch (error) {
          if (out.errors++ === 0) console.error('baseline write failed:', (error as Error).message);
        }
      }
    }),
  );
  out.seconds = (Date.now() - started) / 1000;
  out.latencies.sort((a, b) => a - b);
  return out;
}

/** CPU seconds some processes have used so far; a process gone counts 0. */
function cpuSeconds(pids: readonly number[]): Map<number, number> {
  return new Map(pids.map((pid) => [pid, (processCpuMs(pid) ?? 0) / 1000]));
}
/** Where a run's CPU went: the server process, this process (autocannon or the baseline loop), PostgreSQL's backends on the bench database. */
interface Cpu {
  server: number;
  bench: number;
  postgres: number;
}
/** Runs work and measures the CPU it cost each party, so a figure does not depend on the machine's other load. */
async function withCpu<T>(work: () => Promise<T>): Promise<{ value: T; cpu: Cpu }> {
  const backends = async () =>
    (await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [dbName])).rows.map((r) => r.pid);
  const serverPid = server?.child.pid ?? 0;
  const before = {
    server: cpuSeconds([serverPid]).get(serverPid) ?? 0,
    bench: process.cpuUsage(),
    pg: cpuSeconds(await backends()),
  };
  const value = await work();
  const bench = process.cpuUsage(before.bench);
  const afterPg = cpuSeconds([...new Set([...before.pg.keys(), ...(await backends())])]);
  let postgres = 0;
  for (const [pid, t] of afterPg) postgres += Math.max(0, t - (before.pg.get(pid) ?? 0));
  return {
    value,
    cpu: {
      server: (cpuSeconds([serverPid]).get(serverPid) ?? 0) - before.server,
      bench: (bench.user + bench.system) / 1e6,
      postgres,
    },
  };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? (s[(s.length - 1) / 2] as number) : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};

try {
  console.log(`starting the server on a new PostgreSQL database with ${households} demo households …`);
  // BENCH_CPU_PROF=<folder>: the server writes a V8 CPU profile there when it stops.
  const profile = process.env.BENCH_CPU_PROF;
  server = await startServer(
    { DATABASE_URL: dbUrl, DEMO_HOUSEHOLDS: households },
    undefined,
    profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [],
  );
  await pool.query('ANALYZE');
  const base = server.baseUrl;
  const slots: Slot[] = [];
  for (const username of CADRES) {
    const cadre: Cadre = await cadreOf(base, username);
    const me = await cadre.session.get<{ user: { id: string; homeUnitId: string } }>('/api/me');
    for (const [i, form] of visitForms(cadre, cadre.households.length, 1_000_000).entries()) {
      const household = cadre.households[i] as Household;
      form.id = ID;
      form.visitedAt = '__VISITED_AT__';
      slots.push({
        cookie: cadre.session.cookie,
        visitorId: me.body.user.id,
        household,
        campaignId: cadre.campaignId,
        townshipId: me.body.user.homeUnitId,
        json: JSON.stringify(form),
      });
    }
  }
  const bodyOf = (slot: Slot, id: string) => slot.json.replace(ID, id).replace('__VISITED_AT__', new Date().toISOString());
  let next = 0;
  const submit = {
    method: 'POST',
    path: '/api/visits',
    setupRequest: (request: { headers?: Record<string, string> }) => {
      const slot = slots[next++ % slots.length] as Slot;
      return {
        ...request,
        method: 'POST',
        path: '/api/visits',
        headers: { ...request.headers, cookie: slot.cookie, 'content-type': 'application/json' },
        body: bodyOf(slot, randomUUID()),
      };
    },
  };

  // 1. The dashboard as the township office reads it, on the township as seeded.
  const office = await Session.login(base, 'admin');
  const me = await office.get<{ user: { homeUnitId: string } }>('/api/me');
  const dashPath = `/api/dashboard?unitId=${me.body.user.homeUnitId}`;
  const check = await office.get(dashPath);
  if (check.status !== 200) throw new Error(`dashboard: ${check.status} ${JSON.stringify(check.body)}`);
  const dashboard = (n: number) =>
    autocannon({ url: `${base}${dashPath}`, connections: n, duration: seconds, headers: { cookie: office.cookie } });
  const dashAlone = await dashboard(1);
  const dashLoaded = await dashboard(connections);

  // Warm-up: every slot submitted twice, so the first measured requests do not pay for JIT and
  // empty caches, and so the "same rows" baseline has the server's stored rows to copy; at the
  // measured concurrency, so that each of the server's pool connections has prepared (parsed and
  // planned) its statements, as a server under way has, before the first round is measured.
  await autocannon({ url: base, connections, amount: 2 * slots.length, requests: [submit] });
  // Then one run's worth more: the server's CPU per submission kept falling over the first
  // thousands of requests (V8 optimising the deep stacks of Fastify, zod and pg; measured 2.4 →
  // 1.8 → 1.3 ms across three 10 s rounds after the short warm-up alone), and a server under way
  // has long passed that.
  await autocannon({ url: base, connections, duration: seconds, requests: [submit] });
  // Statistics as a server under way has them (autovacuum analyzes a table that changed by a
  // tenth; this machine's PostgreSQL runs without it): the visits the warm-up wrote are counted,
  // and the server's prepared statements are planned again for tables that are no longer empty.
  await pool.query('ANALYZE');
  const stored = new Map<string, Stored>();
  const storedRows = await pool.query(
    `SELECT DISTINCT ON (v.household_id) v.household_id, v.computed, v.plausibility, v.members_confirmed,
            a.actor_name, a.unit_id, a.after, a.request_id, a.ip
       FROM visits v JOIN audit_log a ON a.township_id = v.township_id AND a.entity_type = 'visit' AND a.entity_id = v.id::text
      WHERE a.action = 'submit' ORDER BY v.household_id, v.received_at DESC`,
  );
  for (const r of storedRows.rows)
    stored.set(r.household_id, {
      computed: r.computed,
      plausibility: r.plausibility,
      membersConfirmed: r.members_confirmed,
      audit: { actorName: r.actor_name, unitId: r.unit_id, after: r.after, requestId: r.request_id, ip: r.ip },
    });
  if (slots.some((s) => !stored.has(s.household.id))) throw new Error('the warm-up did not store a visit for every household');

  const formType = (slot: Slot) => (slot.household.povertyStatus === 'none' ? 'marginal_key' : 'registered');
  const visitInsert = `INSERT INTO visits (township_id, id, campaign_id, household_id, visitor_id, form_type, visited_at, received_at,
       latitude, longitude, accuracy, base_version, form, computed, plausibility, members_confirmed)
     VALUES ($1, $2, $3, $4, $5, $6, $7, now(), NULL, NULL, NULL, $8, $9, $10, $11, $12)`;
  const visitValues = (slot: Slot, id: string) => {
    const form = JSON.parse(bodyOf(slot, id));
    const s = stored.get(slot.household.id) as Stored;
    const values = [
      slot.townshipId,
      id,
      slot.campaignId,
      slot.household.id,
      slot.visitorId,
      formType(slot),
      form.visitedAt,
      slot.household.version,
      form,
      s.computed,
      JSON.stringify(s.plausibility),
      s.membersConfirmed,
    ];
    return { form, s, values };
  };
  // b. The rows of one submission, in one transaction.
  const sameRows = () =>
    loop(async (slot) => {
      const id = randomUUID();
      const { form, s, values } = visitValues(slot, id);
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(visitInsert, values);
        await client.query(
          `INSERT INTO audit_log (township_id, id, at, actor_id, actor_name, action, entity_type, entity_id, unit_id, before, after, request_id, ip)
           VALUES ($1, $2, now(), $3, $4, 'submit', 'visit', $5, $6, NULL, $7, $8, $9)`,
          [
            slot.townshipId,
            uuidv7(),
            slot.visitorId,
            s.audit.actorName,
            id,
            s.audit.unitId,
            { ...s.audit.after, visitedAt: form.visitedAt },
            s.audit.requestId,
            s.audit.ip,
          ],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    }, slots);
  // c. The visit row alone, autocommit.
  const visitOnly = () =>
    loop(async (slot) => {
      await pool.query(visitInsert, visitValues(slot, randomUUID()).values);
    }, slots);

  // 2. Rounds: submission over HTTP, then both baselines.
  const results: {
    http: Result;
    httpRows: number;
    written: Record<string, number>;
    same: Loop;
    only: Loop;
    cpu: { http: Cpu; same: Cpu; only: Cpu };
  }[] = [];
  for (let round = 1; round <= rounds; round++) {
    const before = await counts();
    const window = process.hrtime.bigint() / 1000n;
    const { value: http, cpu: httpCpu } = await withCpu(() =>
      autocannon({ url: base, connections, duration: seconds, requests: [submit] }),
    );
    // The submission run's span on the monotonic clock V8's profiles use, to cut the server's profile to it.
    if (profile) console.log(`profile window ${window} ${process.hrtime.bigint() / 1000n}`);
    const after = await counts();
    const written = Object.fromEntries(WRITTEN.map((t) => [t, (after[t] ?? 0) - (before[t] ?? 0)]));
    const { value: same, cpu: sameCpu } = await withCpu(sameRows);
    const { value: only, cpu: onlyCpu } = await withCpu(visitOnly);
    results.push({
      http,
      httpRows: written.visits ?? 0,
      written,
      same,
      only,
      cpu: { http: httpCpu, same: sameCpu, only: onlyCpu },
    });
    const ms = (cpu: Cpu, rows: number) =>
      `server ${((cpu.server * 1000) / rows).toFixed(2)}, bench ${((cpu.bench * 1000) / rows).toFixed(2)}, postgres ${((cpu.postgres * 1000) / rows).toFixed(2)}`;
    console.log(
      `round ${round}/${rounds} done (load average ${loadavg()[0]?.toFixed(1)}); CPU ms a row: submission ${ms(httpCpu, written.visits ?? 1)}; same rows ${ms(sameCpu, same.rows)}`,
    );
  }

  // Figures.
  const bad = (r: Result) => `${r.errors} / ${r.non2xx}`;
  const loopRow = (label: string, l: Loop) => [
    label,
    '',
    Math.round(l.rows / l.seconds),
    pct(l.latencies, 0.5).toFixed(1),
    pct(l.latencies, 0.99).toFixed(1),
    `${l.errors} / –`,
    l.rows,
  ];
  const rows: (string | number)[][] = [];
  const ratios = { same: [] as number[], only: [] as number[] };
  for (const [i, r] of results.entries()) {
    const httpRate = r.httpRows / r.http.duration;
    ratios.same.push(httpRate / (r.same.rows / r.same.seconds));
    ratios.only.push(httpRate / (r.only.rows / r.only.seconds));
    rows.push(
      [
        `${i + 1}. POST /api/visits (new id each)`,
        Math.round(r.http.requests.average),
        Math.round(httpRate),
        r.http.latency.p50,
        r.http.latency.p99,
        bad(r.http),
        r.httpRows,
      ],
      loopRow(`${i + 1}. baseline: same rows, 1 tx each`, r.same),
      loopRow(`${i + 1}. baseline: visit row only`, r.only),
    );
  }
  rows.push(
    [
      'GET /api/dashboard, 1 connection',
      Math.round(dashAlone.requests.average),
      '',
      dashAlone.latency.p50,
      dashAlone.latency.p99,
      bad(dashAlone),
      '',
    ],
    [
      `GET /api/dashboard, ${connections} connections`,
      Math.round(dashLoaded.requests.average),
      '',
      dashLoaded.latency.p50,
      dashLoaded.latency.p99,
      bad(dashLoaded),
      '',
    ],
  );
  printTable(
    `HTTP load on PostgreSQL: ${connections} connections, ${seconds} s a run, ${rounds} rounds, ${slots.length} households of ${CADRES.length} cadres`,
    ['run', 'requests/s', 'rows/s', 'p50 ms', 'p99 ms', 'errors / non-2xx', 'visits stored'],
    rows,
  );

  // CPU per row written, by party: unlike rows per second, it does not swing with the machine's other load.
  const perRow = (cpu: Cpu, rows: number) =>
    (['server', 'bench', 'postgres'] as const).map((k) => (rows ? (cpu[k] * 1000) / rows : 0));
  const cpuRows: (string | number)[][] = [];
  for (const [label, pick] of [
    ['POST /api/visits', (r: (typeof results)[number]) => perRow(r.cpu.http, r.httpRows)],
    ['baseline: same rows', (r: (typeof results)[number]) => perRow(r.cpu.same, r.same.rows)],
    ['baseline: visit row only', (r: (typeof results)[number]) => perRow(r.cpu.only, r.only.rows)],
  ] as const) {
    const each = results.map(pick);
    const [server, bench, postgres] = [0, 1, 2].map((i) => median(each.map((e) => e[i] as number)));
    cpuRows.push([label, (server as number).toFixed(2), (bench as number).toFixed(2), (postgres as number).toFixed(2)]);
  }
  printTable(
    'CPU ms per visit row (median over rounds): the server process, this process (autocannon / the pg loop), PostgreSQL backends',
    ['run', 'server', 'bench', 'postgres'],
    cpuRows,
  );

  // What one submission wrote, from the table counts around the HTTP runs.
  const total = (t: string) => results.reduce((n, r) => n + (r.written[t] ?? 0), 0);
  const visitsWritten = total('visits');
  console.log(
    `\nrows written per submitted visit over HTTP: ${WRITTEN.map((t) => `${t} ${(total(t) / visitsWritten).toFixed(2)}`).join(', ')}`,
  );
  const sameRowsHold = total('audit_log') === visitsWritten && WRITTEN.slice(2).every((t) => total(t) === 0);
  const errors =
    results.reduce((n, r) => n + r.http.errors + r.http.non2xx + r.same.errors + r.only.errors, 0) +
    dashAlone.errors +
    dashAlone.non2xx +
    dashLoaded.errors +
    dashLoaded.non2xx;
  // Every answered form is stored once; a request still in flight when a run ends may be stored unanswered.
  const storedOk = results.every((r) => r.httpRows >= r.http['2xx'] && r.httpRows <= r.http['2xx'] + connections);
  const ratio = median(ratios.same);
  const pass = errors === 0 && ratio >= 0.5 && storedOk && sameRowsHold;
  const list = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(', ');
  console.log(
    `submission / baseline "same rows" (visit + audit entry, one transaction each): ${list(ratios.same)} → median ${ratio.toFixed(2)} (target ≥ 0.50)\n` +
      `submission / baseline "visit row only" (one autocommit INSERT):              ${list(ratios.only)} → median ${median(ratios.only).toFixed(2)} (for comparison)\n` +
      `errors and non-2xx: ${errors} (target 0); every 2xx answer stored: ${storedOk ? 'yes' : 'NO'}; ` +
      `the baseline's rows are the submission's: ${sameRowsHold ? 'yes' : 'NO (see the rows written above)'}\n${pass ? 'PASS' : 'FAIL'}`,
  );
} finally {
  await server?.stop();
  await pool.end();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
}
