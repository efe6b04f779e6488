/**
 * One measurement of the import benchmark, in its own process:
 *   generate <file> <households>   write the .xlsx
 *   parse <file>                   the baseline: exceljs's streaming reader over every row, nothing else
 *   import <file> pglite|pg        Fupin's import: read, check every cell and row, preview, commit
 *   prepare <folder>               a PGlite folder with the township and its rules (for `import … pglite`)
 * Prints one JSON line with its figures.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIdNumber, shanghaiDate } from '@fupin/domain';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { migrateDatabase, openPglite, openPostgres, selectRows } from '../apps/server/src/db/client';
import { rawTransaction, toCsv } from '../apps/server/src/db/raw';
import { generateTownship, UNIT_COLUMNS } from '../apps/server/src/demo/generate';
import { insertTownship } from '../apps/server/src/demo/insert';
import { VILLAGE_NAMES } from '../apps/server/src/demo/names';
import ExcelJS from '../apps/server/src/io/excel/exceljs';
import { FixedClock } from '../apps/server/src/lib/clock';
import { runCommand, SYSTEM_ACTOR } from '../apps/server/src/lib/command';
import { commitImportCommand } from '../apps/server/src/modules/imports/commands/commit-import';
import { startImport } from '../apps/server/src/modules/imports/commands/start-import';
import { readImport } from '../apps/server/src/modules/imports/job';
import { installDefaultRules } from '../apps/server/src/modules/rules/install-default';
import { largeWorkbook } from '../apps/server/test/xlsx';
import { peakRssMb, processCpuMs, runWorker } from './lib/measure';

const [mode, file, arg] = process.argv.slice(2);

// BENCH_PHASES=1: every statement on PostgreSQL that takes longer than 100 ms goes to stderr with
// its time, so the per-statement cost of the check and the commit can be read off one run.
if (process.env.BENCH_PHASES) {
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  (pg.Client.prototype as unknown as { query: unknown }).query = function (this: unknown, ...args: unknown[]) {
    const started = performance.now();
    const result = original.apply(this, args);
    const config = args[0] as string | { text?: string } | undefined;
    const text = typeof config === 'string' ? config : (config?.text ?? '');
    if (result instanceof Promise && text)
      void result.then(
        () => {
          const ms = performance.now() - started;
          if (ms > 100) console.error(`  ${(ms / 1000).toFixed(2)} s  ${text.replace(/\s+/g, ' ').slice(0, 110)}`);
        },
        () => {},
      );
    return result;
  };
}
const VILLAGES = 12;

function* households(n: number) {
  for (let i = 0; i < n; i++) {
    yield {
      户编号: `B${String(i).padStart(7, '0')}`,
      村: `${VILLAGE_NAMES[i % VILLAGES]}村`,
      贫困户状态: i % 5 === 0 ? '已脱贫' : '非建档立卡户',
      脱贫年度: i % 5 === 0 ? 2018 : null,
      工资性收入: 8000 + (i % 40) * 500,
      转移性收入: (i % 9) * 300,
      住房结构: '砖混',
      饮水水量达标: '是',
      帮扶措施: i % 5 === 0 ? '产业帮扶、就业帮扶' : null,
    };
  }
}

/** 3.5 members a household on average: 3 or 4. */
function* members(n: number) {
  let k = 0;
  for (let i = 0; i < n; i++) {
    const size = i % 2 === 0 ? 3 : 4;
    for (let j = 0; j < size; j++, k++) {
      const birth = new Date(Date.UTC(1940, 0, 1) + (k % 29_000) * 86_400_000).toISOString().slice(0, 10);
      const sex = j === 1 ? 'female' : 'male';
      yield {
        户编号: `B${String(i).padStart(7, '0')}`,
        姓名: `${['王', '李', '张', '刘', '陈'][k % 5]}${['伟', '芳', '强', '敏', '军', '丽'][k % 6]}${['华', '明', '英', ''][k % 4]}`,
        身份证号: buildIdNumber('369903', birth, Math.floor(k / 29_000) * 2, sex),
        与户主关系: j === 0 ? '户主' : j === 1 ? '配偶' : j === 2 ? '之子' : '之女',
        劳动能力: j < 2 ? '普通劳动力' : '无劳动力',
        健康状况: '健康',
      };
    }
  }
}

async function prepare(kind: 'pglite' | 'pg', folder?: string) {
  let database: Awaited<ReturnType<typeof openPglite>>;
  let drop = async () => {};
  if (kind === 'pglite' && !folder) {
    // A server opens its PGlite folder as it finds it; making one (initdb) is a first start's work
    // and takes ~830 MB of RSS that stays with the process (~360 MB to reopen one), so the folder
    // is made in a process of its own and this one measures only the import.
    const dir = mkdtempSync(join(tmpdir(), 'fupin-bench-pglite-'));
    const made = await runWorker<{ townshipId: string; userId: string }>('bench/import-registry.worker.ts', ['prepare', dir]);
    database = await openPglite(join(dir, 'db'));
    return {
      database,
      ...made,
      drop: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (kind === 'pg') {
    const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
    if (!url) throw new Error('no PostgreSQL URL');
    const name = `${process.env.BENCH_DB_PREFIX ?? 'fupin_bench'}_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    database = await openPostgres(u.toString(), 4);
    drop = async () => {
      await database.close();
      // BENCH_KEEP=1 leaves the database for a look at its plans afterwards.
      if (process.env.BENCH_KEEP) console.error(`kept database ${name}`);
      else await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    // A data folder, as `npm start` uses: in memory, PGlite would hold the whole registry in RAM.
    database = await openPglite(join(folder as string, 'db'));
    drop = async () => database.close();
  }
  await migrateDatabase(database);
  const now = new Date();
  const countyId = randomUUID();
  const townshipId = randomUUID();
  const township = generateTownship({
    seed: 9,
    countyId,
    countyCode: '369903000000',
    townshipId,
    townshipName: '基准',
    townshipDigits: '101',
    villages: VILLAGES,
    households: 0,
    notOut: 0,
    usernamePrefix: 'b.',
    year: 2026,
    now,
    centre: { lat: 26, lng: 115 },
  });
  await rawTransaction(database, async (tx) => {
    await tx.copyIn(
      'units',
      UNIT_COLUMNS,
      toCsv([[countyId, 'county', null, countyId, null, null, '369903000000', '基准县', 0, now, now]]),
    );
    await insertTownship(tx, township, 'x', now);
  });
  // The township's rules are active, as in any real township: the commit computes every new household's flags.
  await installDefaultRules(database, { now: () => now }, townshipId, 2026);
  const admin = township.users.find((u) => u.username === 'b.admin');
  return { database, townshipId, userId: admin?.id as string, drop };
}

/** CPU time of this process (every thread: the parse runs in a worker thread) so far, in ms. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * CPU time of the PostgreSQL backends serving this process (a server on this machine): wall time
 * on a shared machine says as much about the neighbours as about the import. Sampled every
 * 250 ms per backend from /proc, so a pooled connection that closes keeps what it had used.
 */
async function serverCpu(database: Awaited<ReturnType<typeof openPostgres>>) {
  const [{ name } = { name: '' }] = await selectRows<{ name: string }>(database.db, sql`select current_database() as name`);
  const seen = new Map<number, { first: number; last: number }>();
  const tick = () => {
    return selectRows<{ pid: number }>(
      database.db,
      sql`select pid from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid()`,
    ).then((rows) => {
      for (const { pid } of rows) {
        const ms = processCpuMs(pid);
        if (ms === null) continue;
        const entry = seen.get(pid);
        if (entry) entry.last = ms;
        else seen.set(pid, { first: ms, last: ms });
      }
    });
  };
  await tick();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void tick().finally(() => {
      busy = false;
    });
  }, 250);
  return {
    ms: async () => {
      await tick();
      return [...seen.values()].reduce((sum, e) => sum + e.last - e.first, 0);
    },
    stop: () => clearInterval(timer),
  };
}

if (mode === 'prepare') {
  const { townshipId, userId, drop } = await prepare('pglite', file);
  await drop();
  console.log(JSON.stringify({ townshipId, userId }));
} else if (mode === 'generate') {
  const n = Number(arg);
  await largeWorkbook(file as string, households(n), members(n));
  console.log(JSON.stringify({ peakRssMb: peakRssMb() }));
} else if (mode === 'parse') {
  const started = performance.now();
  let rows = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file as string, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  for await (const sheet of reader) for await (const _row of sheet) rows++;
  console.log(JSON.stringify({ ms: performance.now() - started, cpuMs: cpuMs(), rows, peakRssMb: peakRssMb() }));
} else if (mode === 'import') {
  const kind = arg === 'pg' ? 'pg' : 'pglite';
  const { database, townshipId, userId, drop } = await prepare(kind);
  // The measured run starts from a checkpoint: it does not pay for the set-up's dirty pages.
  await database.db.execute(sql`checkpoint`);
  const rssBefore = peakRssMb();
  const clock = new FixedClock(new Date());
  const id = randomUUID();
  const server = kind === 'pg' ? await serverCpu(database) : null;
  const cpuBefore = cpuMs();
  const started = performance.now();
  await runCommand(database, clock, SYSTEM_ACTOR, startImport, { id, unitId: townshipId, fileName: 'bench.xlsx', userId });
  // readImport deletes the file when done: give it a copy.
  const { copyFileSync } = await import('node:fs');
  const copy = `${file}.${process.pid}.xlsx`;
  copyFileSync(file as string, copy);
  await readImport(
    { database, clock, log: { warn: (fields: object, message: string) => console.error(message, fields) } },
    { townshipId, importId: id, unitId: townshipId, path: copy, today: shanghaiDate(clock.now()) },
  );
  const checked = performance.now();
  const checkCpu = cpuMs() - cpuBefore + ((await server?.ms()) ?? 0);
  const [state] = await selectRows<{ status: string; error_count: number; rows_read: number }>(
    database.db,
    sql`select status, error_count, rows_read from imports where id = ${id}`,
  );
  if (state?.status !== 'checked') throw new Error(`import not checked: ${JSON.stringify(state)}`);
  await runCommand(database, clock, SYSTEM_ACTOR, await commitImportCommand(database, id), { id });
  const done = performance.now();
  const cpu = cpuMs() - cpuBefore + ((await server?.ms()) ?? 0);
  server?.stop();
  const [counts] = await selectRows<{ h: number; m: number }>(
    database.db,
    sql`select (select count(*)::int from households) as h, (select count(*)::int from members) as m`,
  );
  await drop();
  console.log(
    JSON.stringify({
      ms: done - started,
      checkMs: checked - started,
      commitMs: done - checked,
      cpuMs: cpu,
      checkCpuMs: checkCpu,
      rows: state.rows_read,
      households: counts?.h,
      members: counts?.m,
      rssBeforeMb: rssBefore,
      peakRssMb: peakRssMb(),
    }),
  );
} else {
  throw new Error(`unknown mode ${mode}`);
}
