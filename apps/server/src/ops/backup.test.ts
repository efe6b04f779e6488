/**
 * Backup and restore on the test database: a round trip keeps every row, and a restore refuses
 * a damaged or cut file, a backup from a newer version, a target with a newer schema, and a
 * target that holds rows — each before changing anything. (The full proof under load, across
 * engines and through the CLI is reliability/backup.test.ts.)
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCounty } from '../../test/fixtures';
import { createTestDatabase } from '../../test/harness';
import type { Database } from '../db/client';
import { backupLimits, backupToFile, writeBackup } from './backup';
import { BackupFileError, dependencyOrder, listTables, type Query, quoteIdent } from './backup-format';
import { RestoreRefused, restoreFromFile, restoreLimits } from './restore';

const dir = mkdtempSync(join(tmpdir(), 'fupin-backup-test-'));
const file = join(dir, 'county.backup');
let source: Database;

function queryOf(database: Database): Query {
  return async <R>(text: string) => ((await database.db.execute(text)) as unknown as { rows: R[] }).rows;
}

async function counts(database: Database): Promise<Record<string, number>> {
  const query = queryOf(database);
  const out: Record<string, number> = {};
  for (const t of await listTables(query)) {
    const [r] = await query<{ n: number | string }>(`SELECT count(*) AS n FROM ${quoteIdent(t.name)}`);
    out[t.name] = Number(r?.n);
  }
  return out;
}

/** The backup file with its text changed by `edit`. */
function altered(edit: (text: string) => string): string {
  const name = join(dir, `altered-${Math.random().toString(36).slice(2)}.backup`);
  writeFileSync(name, gzipSync(edit(gunzipSync(readFileSync(file)).toString('utf8'))));
  return name;
}

async function restoreInto(backup: string): Promise<{ error: unknown; counts: Record<string, number> }> {
  const target = await createTestDatabase();
  try {
    const error = await restoreFromFile(target, backup).then(
      () => null,
      (e) => e,
    );
    return { error, counts: await counts(target) };
  } finally {
    await target.close();
  }
}

beforeAll(async () => {
  source = await createTestDatabase();
  const county = await seedCounty(source);
  // An audit record: the append-only table (UPDATE and DELETE refused by trigger) must load too.
  await source.db.execute(
    `INSERT INTO audit_log (township_id, id, at, actor_name, action, entity_type, entity_id, unit_id, after)
     VALUES ('${county.townships[0]?.id}', '${randomUUID()}', now(), 'system', 'seed', 'township', 'x', '${county.townships[0]?.id}', '{"n":1}')`,
  );
  await backupToFile(file, (out) => writeBackup(source, out));
});
afterAll(async () => {
  await source.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('dependency order of tables', () => {
  it.each([
    ['parents first', ['b', 'a'], [{ child: 'b', parent: 'a' }], ['a', 'b']],
    ['by name among the ready', ['c', 'b', 'a'], [], ['a', 'b', 'c']],
    [
      'a chain across names',
      ['a', 'b', 'c'],
      [
        { child: 'a', parent: 'c' },
        { child: 'c', parent: 'b' },
      ],
      ['b', 'c', 'a'],
    ],
    ['edges to unknown tables ignored', ['a'], [{ child: 'a', parent: 'x' }], ['a']],
  ])('%s', (_label, names, edges, order) => {
    expect(dependencyOrder(names, edges)).toEqual(order);
  });

  it('names the tables of a cycle', () => {
    expect(() =>
      dependencyOrder(
        ['a', 'b'],
        [
          { child: 'a', parent: 'b' },
          { child: 'b', parent: 'a' },
        ],
      ),
    ).toThrow(/cycle among: a, b/);
  });
});

describe('backup and restore', () => {
  it('restores every row of every table into an empty database', async () => {
    const result = await restoreInto(file);
    expect(result.error).toBeNull();
    const before = await counts(source);
    expect(result.counts).toEqual(before);
    expect(before.households).toBeGreaterThan(0);
    expect(before.audit_log).toBeGreaterThan(0);
  });

  it('loads a table in many COPYs when it is large (PGlite), still every row once', async () => {
    restoreLimits.pgliteCopyChars = 2_000;
    try {
      const result = await restoreInto(file);
      expect(result.error).toBeNull();
      expect(result.counts).toEqual(await counts(source));
    } finally {
      restoreLimits.pgliteCopyChars = 32_000_000;
    }
  });

  it('copies a large table in pages by primary key (PGlite), still every row once', async () => {
    backupLimits.pglitePageBytes = 5_000;
    const paged = join(dir, 'paged.backup');
    try {
      await backupToFile(paged, (out) => writeBackup(source, out));
    } finally {
      backupLimits.pglitePageBytes = 16_000_000;
    }
    const result = await restoreInto(paged);
    expect(result.error).toBeNull();
    expect(result.counts).toEqual(await counts(source));
  });

  it('writes into any stream, e.g. the control socket', async () => {
    const name = join(dir, 'streamed.backup');
    await writeBackup(source, createWriteStream(name));
    expect(gunzipSync(readFileSync(name)).toString('utf8')).toMatch(/^-- fupin-backup 1\n-- header /);
  });

  it.each([
    ['a file cut short', () => altered((t) => t.slice(0, Math.floor(t.length / 2))), BackupFileError, /incomplete|valid/],
    ['a damaged gzip', () => damaged(), BackupFileError, /damaged|valid/],
    ['not a backup', () => altered(() => 'SELECT 1;\n'), BackupFileError, /Fupin backup line/],
    [
      'a row count that differs from the closing line',
      () => altered((t) => t.replace(/\{"name":"units","rows":(\d+)\}/, (_m, n) => `{"name":"units","rows":${Number(n) + 1}}`)),
      BackupFileError,
      /row counts/,
    ],
    [
      'a backup from a newer version',
      () => altered((t) => t.replace('"migrations":[', '"migrations":[{"when":1,"hash":"x"},')),
      RestoreRefused,
      /newer version/,
    ],
    [
      'a target with a newer schema than the backup',
      () => altered((t) => t.replace(/,\{"when":\d+,"hash":"[0-9a-f]+"\}\]/, ']')),
      RestoreRefused,
      /newer schema/,
    ],
  ])('refuses %s and leaves the target empty', async (_label, make, type, message) => {
    const result = await restoreInto(make());
    expect(result.error).toBeInstanceOf(type);
    expect(String((result.error as Error).message)).toMatch(message);
    expect(Object.values(result.counts).every((n) => n === 0)).toBe(true);
  });

  it('refuses a target that holds rows, naming the tables', async () => {
    const error = await restoreFromFile(source, file).then(
      () => null,
      (e) => e,
    );
    expect(error).toBeInstanceOf(RestoreRefused);
    expect((error as Error).message).toMatch(/目标数据库不是空的.*not empty \(.*units: \d+/);
  });
});

function damaged(): string {
  const bytes = readFileSync(file);
  const at = Math.floor(bytes.length / 2);
  bytes[at] = (bytes[at] as number) ^ 0xff;
  const name = join(dir, 'damaged.backup');
  writeFileSync(name, bytes);
  return name;
}
