/**
 * Benchmark: import 100,000 households with about 350,000 members from one .xlsx, on PGlite and
 * on PostgreSQL, against the bare exceljs streaming parse of the same file measured in the same
 * run. Prints times, the ratio, rows per second and peak memory. Target: import within 3× the
 * bare parse, peak RSS under 500 MB.
 *
 *   npm run bench -- import                       (households: BENCH_HOUSEHOLDS, default 100000)
 *   BENCH_DATABASE_URL=postgres://… adds the PostgreSQL run (TEST_DATABASE_URL works too)
 *   BENCH_ENGINES=pg                               only that engine (pg or pglite)
 *   BENCH_PHASES=1                                 PostgreSQL statements over 100 ms, with their times, on stderr
 *
 * Wall time on a shared machine measures the neighbours too: each run prints its CPU time (this
 * process's threads and, on PostgreSQL, its backends) and the load average around it. Figures
 * of 29 Nov 2026 on a quiet machine (load 2.0–2.2; docs/ARCHITECTURE.md has the account): bare
 * parse 3.7 s; PostgreSQL 17.4 s = 4.7× (check 6.2 s, commit 11.2 s), peak RSS 346 MB; PGlite
 * 28.9 s = 7.8×, 627 MB. The same morning before the day's changes: PostgreSQL 26.9 s = 7.2×, 507 MB.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { printTable, runWorker } from './lib/measure';

const households = Number(process.env.BENCH_HOUSEHOLDS ?? 100_000);
const worker = 'bench/import-registry.worker.ts';
const dir = mkdtempSync(join(tmpdir(), 'fupin-bench-'));
const file = join(dir, 'registry.xlsx');

interface Parse {
  ms: number;
  /** CPU time: this process's threads, plus on PostgreSQL its server backends */
  cpuMs: number;
  rows: number;
  peakRssMb: number;
}
interface Import extends Parse {
  checkMs: number;
  commitMs: number;
  checkCpuMs: number;
  households: number;
  members: number;
  rssBeforeMb: number;
}

try {
  console.log(`generating ${households.toLocaleString()} households …`);
  await runWorker(worker, ['generate', file, String(households)]);
  console.log(`file: ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB`);
  // The machine may be shared: the load average (1, 5, 15 min) before and after each run goes with its figures.
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  const loads: string[] = [];
  const measured = async <T>(args: string[]): Promise<T> => {
    const before = load();
    const result = await runWorker<T>(worker, args);
    loads.push(`${args[0]} ${args[2] ?? ''}: load average ${before} before, ${load()} after`);
    return result;
  };
  const parse = await measured<Parse>(['parse', file]);
  const engines: ['PGlite' | 'PostgreSQL', string][] = [['PGlite', 'pglite']];
  if (process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL) engines.push(['PostgreSQL', 'pg']);
  // BENCH_ENGINES=pg (or pglite) measures one engine only.
  const only = process.env.BENCH_ENGINES?.split(',');
  if (only) engines.splice(0, engines.length, ...engines.filter(([, kind]) => only.includes(kind)));
  const results: [string, Import][] = [];
  for (const [name, kind] of engines) results.push([name, await measured<Import>(['import', file, kind])]);

  const s = (ms: number) => (ms / 1000).toFixed(1);
  printTable(
    `Registry import: ${households.toLocaleString()} households, ${parse.rows.toLocaleString()} sheet rows`,
    ['run', 'total s', 'check s', 'commit s', 'rows/s', '× bare parse', 'CPU s', 'CPU × parse', 'peak RSS MB', 'RSS before MB'],
    [
      [
        'baseline: bare exceljs stream parse',
        s(parse.ms),
        '',
        '',
        Math.round((parse.rows / parse.ms) * 1000),
        '1.00',
        s(parse.cpuMs),
        '1.00',
        parse.peakRssMb,
        '',
      ],
      ...results.map(([name, r]) => [
        `Fupin import on ${name}`,
        s(r.ms),
        s(r.checkMs),
        s(r.commitMs),
        Math.round((r.rows / r.ms) * 1000),
        (r.ms / parse.ms).toFixed(2),
        `${s(r.cpuMs)} (${s(r.checkCpuMs)} + ${s(r.cpuMs - r.checkCpuMs)})`,
        (r.cpuMs / parse.cpuMs).toFixed(2),
        r.peakRssMb,
        r.rssBeforeMb,
      ]),
    ],
  );
  for (const line of loads) console.log(line);
  console.log('CPU s: this process (every thread) and, on PostgreSQL, its server backends; (check + commit)');
  for (const [name, r] of results) {
    console.log(
      `${name}: ${r.households.toLocaleString()} households and ${r.members.toLocaleString()} members stored; target ≤ 3× parse: ${r.ms <= 3 * parse.ms ? 'met' : 'NOT met'}; peak RSS ${r.peakRssMb} MB (${r.peakRssMb - r.rssBeforeMb} MB above the process with its database open) — target < 500 MB: ${r.peakRssMb < 500 ? 'met' : 'NOT met'}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
