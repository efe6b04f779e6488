/**
 * Benchmark: HTTP load on the real server over PostgreSQL, with autocannon.
 *   1. visit submission (POST /api/visits): every request a new form with its own client id, from
 *      16 cadres for their paired households, each with the cadre's session;
 *   2. baseline, in the same run: the same visit rows inserted through `pg` directly, one
 *      INSERT a row, at the same concurrency (no HTTP, no validation, no session, no audit);
 *   3. the township dashboard (GET /api/dashboard) as the township office reads it.
 * Prints throughput, p50/p99 latency, errors and non-2xx, and the submission's rows per second
 * against the baseline's. Target: no errors and at least half the baseline's rows per second.
 *
 *   npm run -w bench load        (needs BENCH_DATABASE_URL or TEST_DATABASE_URL: a PostgreSQL server)
 *   BENCH_SECONDS (default 10) per run, BENCH_CONNECTIONS (default 8), BENCH_HOUSEHOLDS (default 3000)
 */
import { randomUUID } from 'node:crypto';
import type { Household } from '@fupin/domain';
import autocannon, { type Result } from 'autocannon';
import pg from 'pg';
import { type Cadre, cadreOf, Session, visitForms } from '../reliability/crash/http';
import { type RunningServer, startServer } from '../reliability/crash/server';
import { printTable } from './lib/measure';

const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
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

const storedVisits = async () => Number((await pool.query('SELECT count(*) AS n FROM visits')).rows[0].n);

try {
  console.log(`starting the server on a new PostgreSQL database with ${households} demo households …`);
  server = await startServer({ DATABASE_URL: dbUrl, DEMO_HOUSEHOLDS: households });
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

  // Warm-up: a few forms, so the first measured requests do not pay for JIT and empty caches.
  await autocannon({ url: base, connections: 2, duration: 2, requests: [submit] });

  // 1. Visit submission over HTTP.
  const before = await storedVisits();
  const http = await autocannon({ url: base, connections, duration: seconds, requests: [submit] });
  const httpRows = (await storedVisits()) - before;

  // 2. Baseline: the same rows through pg, same concurrency, same time.
  const sample = (await pool.query('SELECT computed, plausibility, members_confirmed FROM visits LIMIT 1')).rows[0];
  let baselineRows = 0;
  let baselineErrors = 0;
  const latencies: number[] = [];
  const deadline = Date.now() + seconds * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: connections }, async (_, worker) => {
      for (let i = worker; Date.now() < deadline; i += connections) {
        const slot = slots[i % slots.length] as Slot;
        const id = randomUUID();
        const form = JSON.parse(bodyOf(slot, id));
        const t = performance.now();
        try {
          await pool.query(
            `INSERT INTO visits (township_id, id, campaign_id, household_id, visitor_id, form_type, visited_at, received_at,
               latitude, longitude, accuracy, base_version, form, computed, plausibility, members_confirmed)
             VALUES ($1, $2, $3, $4, $5, $6, $7, now(), NULL, NULL, NULL, $8, $9, $10, $11, $12)`,
            [
              slot.townshipId,
              id,
              slot.campaignId,
              slot.household.id,
              slot.visitorId,
              slot.household.povertyStatus === 'none' ? 'marginal_key' : 'registered',
              form.visitedAt,
              slot.household.version,
              form,
              sample.computed,
              JSON.stringify(sample.plausibility),
              sample.members_confirmed,
            ],
          );
          baselineRows++;
          latencies.push(performance.now() - t);
        } catch (error) {
          if (baselineErrors++ === 0) console.error('baseline insert failed:', (error as Error).message);
        }
      }
    }),
  );
  const baselineSeconds = (Date.now() - started) / 1000;

  // 3. The dashboard as the township office reads it.
  const office = await Session.login(base, 'admin');
  const me = await office.get<{ user: { homeUnitId: string } }>('/api/me');
  const dashPath = `/api/dashboard?unitId=${me.body.user.homeUnitId}`;
  const check = await office.get(dashPath);
  if (check.status !== 200) throw new Error(`dashboard: ${check.status} ${JSON.stringify(check.body)}`);
  const dashboard = await autocannon({
    url: `${base}${dashPath}`,
    connections,
    duration: seconds,
    headers: { cookie: office.cookie },
  });

  // Figures.
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  const httpRate = httpRows / http.duration;
  const baseRate = baselineRows / baselineSeconds;
  const ratio = httpRate / baseRate;
  const bad = (r: Result) => `${r.errors} / ${r.non2xx}`;
  printTable(
    `HTTP load on PostgreSQL: ${connections} connections, ${seconds} s a run, ${slots.length} households of ${CADRES.length} cadres`,
    ['run', 'requests/s', 'rows/s', 'p50 ms', 'p99 ms', 'errors / non-2xx', 'rows stored'],
    [
      [
        'POST /api/visits (new id each)',
        Math.round(http.requests.average),
        Math.round(httpRate),
        http.latency.p50,
        http.latency.p99,
        bad(http),
        httpRows,
      ],
      [
        'baseline: INSERT through pg',
        '',
        Math.round(baseRate),
        pct(0.5).toFixed(1),
        pct(0.99).toFixed(1),
        `${baselineErrors} / –`,
        baselineRows,
      ],
      [
        'GET /api/dashboard (township)',
        Math.round(dashboard.requests.average),
        '',
        dashboard.latency.p50,
        dashboard.latency.p99,
        bad(dashboard),
        '',
      ],
    ],
  );
  const errors = http.errors + http.non2xx + dashboard.errors + dashboard.non2xx + baselineErrors;
  // Every answered form is stored once; a request still in flight when the run ends may be stored unanswered.
  const stored = httpRows >= http['2xx'] && httpRows <= http['2xx'] + connections;
  const pass = errors === 0 && ratio >= 0.5 && stored;
  console.log(
    `\nsubmission / baseline rows per second: ${ratio.toFixed(2)} (target ≥ 0.50); errors and non-2xx: ${errors} (target 0); ` +
      `every 2xx answer stored: ${stored ? 'yes' : `NO (${httpRows} rows, ${http['2xx']} answers)`}\n${pass ? 'PASS' : 'FAIL'}`,
  );
} finally {
  await server?.stop();
  await pool.end();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
}
